package com.goodfit.sync.plan;

import java.util.Optional;

import com.goodfit.sync.mapping.TargetField;
import com.goodfit.sync.mapping.UpdateStrategy;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether one mapped target is written, following DESIGN.md §1: {@code override} writes whenever the value
 * differs, {@code update-if-empty} only while Salesforce's value is empty, and a null source value never blanks a
 * field unless the target says {@code clear-when-empty}. A target that would change nothing yields no change.
 */
public final class FieldStrategies {

    private FieldStrategies() {
    }

    /**
     * @param target the mapped target with its strategy
     * @param kind how the target field's values compare
     * @param sourceValue the source value (may be empty)
     * @param currentValue Salesforce's current value; ignored when {@code creating}
     * @param creating whether the record is being created
     * @return the change to send, or empty when the target is left as it is
     */
    public static Optional<FieldChange> decide(TargetField target, ValueKind kind, @Nullable Object sourceValue,
            @Nullable Object currentValue, boolean creating) {
        if (FieldValues.isEmpty(sourceValue)) {
            boolean clear = target.clearWhenEmpty() && !creating && !FieldValues.isEmpty(currentValue);
            return clear ? Optional.of(new FieldChange(target.field(), currentValue, null)) : Optional.empty();
        }
        Object value = FieldValues.toSalesforce(kind, sourceValue);
        if (creating) {
            return Optional.of(new FieldChange(target.field(), null, value));
        }
        boolean write = (target.strategy() == UpdateStrategy.UPDATE_IF_EMPTY) ? FieldValues.isEmpty(currentValue)
                : !FieldValues.same(kind, value, currentValue);
        return write ? Optional.of(new FieldChange(target.field(), emptyToNull(currentValue), value))
                : Optional.empty();
    }

    private static @Nullable Object emptyToNull(@Nullable Object value) {
        return FieldValues.isEmpty(value) ? null : value;
    }

}
