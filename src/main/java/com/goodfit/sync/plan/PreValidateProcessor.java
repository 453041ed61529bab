package com.goodfit.sync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Skips a write that Salesforce would reject for a rule the describe shows, without spending an API call: a
 * required field without a value on create, a value longer than its field, a value a restricted picklist does not
 * allow. The skip carries the status code Salesforce would have returned. An over-long value of a target marked
 * {@code truncate} is cut instead, and the plan row's detail says what was cut.
 */
public final class PreValidateProcessor implements ItemProcessor<PlannedWrite, PlannedWrite> {

    /** Warning code on a write whose values were cut to fit their fields. */
    public static final String TRUNCATED = "TRUNCATED";

    private final Map<String, FieldRule> rules;

    private final Set<String> requiredOnCreate;

    /**
     * @param rules the rules of the mapped fields, by API name
     * @param requiredOnCreate the fields an insert must set (from the describe: createable, not nillable, not
     * defaulted)
     */
    public PreValidateProcessor(Map<String, FieldRule> rules, Set<String> requiredOnCreate) {
        this.rules = Map.copyOf(rules);
        this.requiredOnCreate = Set.copyOf(requiredOnCreate);
    }

    @Override
    public PlannedWrite process(PlannedWrite write) {
        if (!write.isWrite()) {
            return write;
        }
        Set<String> missing = new TreeSet<>(write.operation() == Operation.CREATE ? this.requiredOnCreate : Set.of());
        List<FieldChange> changes = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        for (FieldChange change : write.changes()) {
            if (!FieldValues.isEmpty(change.to())) {
                missing.remove(change.field());
            }
            else if (this.requiredOnCreate.contains(change.field())) {
                missing.add(change.field());
            }
            FieldRule rule = this.rules.get(change.field());
            if (rule == null || !(change.to() instanceof String value)) {
                changes.add(change);
                continue;
            }
            if (!rule.allowedValues().isEmpty() && !rule.allowedValues().contains(value)) {
                return PlannedWrite.skip(write.source(), write.matchKey(), "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        rule.field() + ": bad value for restricted picklist field: " + value);
            }
            if (rule.maxLength() > 0 && value.length() > rule.maxLength()) {
                if (!rule.truncate()) {
                    return PlannedWrite.skip(write.source(), write.matchKey(), "STRING_TOO_LONG", rule.field()
                            + ": data value too large: " + value.length() + " characters (max length="
                            + rule.maxLength() + "); set truncate: true on the target to cut it instead");
                }
                String fitted = value.substring(0, rule.maxLength());
                cut.add(rule.field() + " cut from " + value.length() + " to " + rule.maxLength() + " characters");
                if (!FieldValues.same(ValueKind.TEXT, fitted, change.from())) {
                    changes.add(new FieldChange(change.field(), change.from(), fitted));
                }
                continue;
            }
            changes.add(change);
        }
        if (!missing.isEmpty()) {
            return PlannedWrite.skip(write.source(), write.matchKey(), "REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing + " (the source has no value for them)");
        }
        PlannedWrite checked = write.withChanges(changes);
        if (cut.isEmpty()) {
            return checked;
        }
        String detail = String.join("; ", cut);
        return new PlannedWrite(checked.source(), checked.matchKey(), checked.operation(), checked.target(),
                checked.changes(), (checked.reason() != null) ? checked.reason() : TRUNCATED,
                (checked.detail() != null) ? checked.detail() + "; " + detail : detail);
    }

}
