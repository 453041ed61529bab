package com.goodfit.sync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.goodfit.sync.mapping.FieldMapping;
import com.goodfit.sync.mapping.TargetField;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Works out the fields a create or update writes: every mapped target through its strategy against the matched
 * record's current values, plus the external id, which is set on every record we create or match so that a
 * replayed create updates instead of duplicating.
 */
public final class ApplyFieldStrategiesProcessor implements ItemProcessor<PlannedWrite, PlannedWrite> {

    private final List<FieldMapping> mappings;

    private final Map<String, ValueKind> kinds;

    private final ExternalIds externalIds;

    /**
     * @param mappings the object's mappings
     * @param kinds how each target field's values compare, from the org's describe; a field not listed is text
     * @param externalIds the external id field and the value for each source record
     */
    public ApplyFieldStrategiesProcessor(List<FieldMapping> mappings, Map<String, ValueKind> kinds,
            ExternalIds externalIds) {
        this.mappings = List.copyOf(mappings);
        this.kinds = Map.copyOf(kinds);
        this.externalIds = externalIds;
    }

    @Override
    public PlannedWrite process(PlannedWrite write) {
        if (!write.isWrite()) {
            return write;
        }
        boolean creating = write.operation() == Operation.CREATE;
        List<FieldChange> changes = new ArrayList<>();
        for (FieldMapping mapping : this.mappings) {
            Object sourceValue = write.source().value(mapping.source());
            for (TargetField target : mapping.targets()) {
                Object current = creating ? null : currentValue(write, target.field());
                FieldStrategies.decide(target, kindOf(target.field()), sourceValue, current, creating)
                    .ifPresent(changes::add);
            }
        }
        String externalId = this.externalIds.valueFor(write.source().id());
        Object currentExternalId = creating ? null : currentValue(write, this.externalIds.field());
        if (!creating && !Objects.equals(externalId, currentExternalId)) {
            changes.add(new FieldChange(this.externalIds.field(), currentExternalId, externalId));
        }
        return write.withChanges(changes);
    }

    private ValueKind kindOf(String field) {
        return this.kinds.getOrDefault(field, ValueKind.TEXT);
    }

    private static @Nullable Object currentValue(PlannedWrite write, String field) {
        return (write.target() != null) ? write.target().fieldValues().get(field) : null;
    }

}
