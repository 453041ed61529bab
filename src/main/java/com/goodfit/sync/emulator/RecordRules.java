package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The org rules every write path applies to a record's final values, in Salesforce's order: field lengths,
 * restricted picklists, required fields, lookups, validation rules, unique fields and the duplicate rule.
 */
final class RecordRules {

    // Salesforce's check is lenient: one @, no spaces, a dot in the domain.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final EmulatorOrg org;

    private final EmulatorControl control;

    RecordRules(EmulatorOrg org, EmulatorControl control) {
        this.org = org;
        this.control = control;
    }

    /**
     * The first rule the values break, or empty. {@code self} is the stored row being updated (null on create).
     * Lookup values are normalised to 18-character Ids in place.
     */
    Optional<SaveError> check(ObjectTable table, Object[] values, Row self) {
        SObjectType type = table.type();
        List<FieldDefinition> fields = type.fields();
        List<String> missing = new ArrayList<>();
        for (int slot = 0; slot < fields.size(); slot++) {
            FieldDefinition field = fields.get(slot);
            Object value = (slot < values.length) ? values[slot] : null;
            if (value == null) {
                if (field.requiredOnCreate() || (!field.nillable() && field.createable())) {
                    missing.add(field.name());
                }
                continue;
            }
            if (value instanceof String text && field.length() > 0 && field.type() != FieldType.ID
                    && field.type() != FieldType.REFERENCE && text.length() > field.length()) {
                return Optional.of(SaveError.of("STRING_TOO_LONG", field.name() + ": data value too large: " + text
                        + " (max length=" + field.length() + ")", field.name()));
            }
            if (field.type() == FieldType.EMAIL && !EMAIL.matcher(value.toString()).matches()) {
                return Optional.of(SaveError.of("INVALID_EMAIL_ADDRESS",
                        field.name() + ": invalid email address: " + value, field.name()));
            }
            if (field.type() == FieldType.PICKLIST && field.restrictedPicklist()
                    && field.picklistValues().stream().noneMatch(value::equals)) {
                return Optional.of(SaveError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        field.name() + ": bad value for restricted picklist field: " + value, field.name()));
            }
            if (field.type() == FieldType.INT && field.precision() > 0
                    && Math.abs((Long) value) >= Math.pow(10, field.precision())) {
                return Optional.of(SaveError.of("NUMBER_OUTSIDE_VALID_RANGE",
                        field.label() + ": value outside of valid range on numeric field: " + value, field.name()));
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new SaveError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing.toString(), missing));
        }
        for (int slot = 0; slot < fields.size(); slot++) {
            FieldDefinition field = fields.get(slot);
            if (field.type() == FieldType.REFERENCE && slot < values.length && values[slot] != null) {
                Optional<SaveError> error = checkReference(field, values, slot);
                if (error.isPresent()) {
                    return error;
                }
            }
        }
        Optional<SaveError> validation = checkValidationRules(type, values);
        if (validation.isPresent()) {
            return validation;
        }
        for (int slot = 0; slot < fields.size(); slot++) {
            FieldDefinition field = fields.get(slot);
            if (field.unique() && slot < values.length && values[slot] != null) {
                for (Row other : table.find(slot, values[slot])) {
                    if (other != self) {
                        return Optional.of(SaveError.of("DUPLICATE_VALUE", "duplicate value found: " + field.name()
                                + " duplicates value on record with id: " + other.id(), field.name()));
                    }
                }
            }
        }
        Optional<SaveError> pair = checkUniquePair(table, values, self);
        if (pair.isPresent()) {
            return pair;
        }
        if (self == null && type.name().equals("Account") && this.control.accountDuplicateRule()) {
            int nameSlot = type.slotOf("Name");
            if (!table.find(nameSlot, values[nameSlot]).isEmpty()) {
                return Optional.of(SaveError.of("DUPLICATES_DETECTED", "Use one of these records?"));
            }
        }
        return Optional.empty();
    }

    /**
     * Setup objects unique on a pair of fields: one FieldPermissions per permission set and field, one
     * PermissionSetAssignment per user and permission set. Salesforce names neither field in the message.
     */
    private static Optional<SaveError> checkUniquePair(ObjectTable table, Object[] values, Row self) {
        SObjectType type = table.type();
        String[] pair = switch (type.name()) {
            case "FieldPermissions" -> new String[] { "ParentId", "Field" };
            case "PermissionSetAssignment" -> new String[] { "AssigneeId", "PermissionSetId" };
            default -> null;
        };
        if (pair == null) {
            return Optional.empty();
        }
        int first = type.slotOf(pair[0]);
        int second = type.slotOf(pair[1]);
        for (Row other : table.rows()) {
            if (other != self && !table.isDeleted(other) && String.valueOf(values[first]).equals(other.get(first))
                    && String.valueOf(values[second]).equalsIgnoreCase(String.valueOf(other.get(second)))) {
                return Optional.of(SaveError.of("DUPLICATE_VALUE",
                        "duplicate value found: <unknown> duplicates value on record with id: " + other.id()));
            }
        }
        return Optional.empty();
    }

    private Optional<SaveError> checkReference(FieldDefinition field, Object[] values, int slot) {
        if (values[slot] == this.org.userId()) {
            // The defaulted owner: the integration user always exists.
            return Optional.empty();
        }
        String raw = values[slot].toString();
        Optional<String> id = SalesforceId.normalise(raw);
        ObjectTable target = this.org.table(field.referenceTo());
        if (id.isEmpty() || target == null || !id.get().startsWith(target.type().keyPrefix())) {
            return Optional.of(SaveError.of("MALFORMED_ID", field.label() + ": id value of incorrect type: " + raw,
                    field.name()));
        }
        Row parent = target.byId(id.get());
        if (parent == null) {
            return Optional.of(SaveError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", field.name()));
        }
        if (target.isDeleted(parent)) {
            return Optional.of(SaveError.of("ENTITY_IS_DELETED", "entity is deleted", field.name()));
        }
        values[slot] = id.get();
        return Optional.empty();
    }

    private Optional<SaveError> checkValidationRules(SObjectType type, Object[] values) {
        if (this.control.validationRule() && type.name().equals("Account")) {
            int slot = type.slotOf("NumberOfEmployees");
            if (values[slot] instanceof Long employees && employees < 0) {
                return Optional.of(SaveError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        "Number of employees cannot be negative.", "NumberOfEmployees"));
            }
        }
        Map<String, Object> view = null;
        for (EmulatorControl.ValidationRule rule : this.control.customRules()) {
            if (rule.sobject().equalsIgnoreCase(type.name())) {
                if (view == null) {
                    view = asMap(type, values);
                }
                if (rule.invalidWhen().test(view)) {
                    return Optional.of(SaveError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message(), rule.field()));
                }
            }
        }
        return Optional.empty();
    }

    static Map<String, Object> asMap(SObjectType type, Object[] values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int slot = 0; slot < type.fieldCount(); slot++) {
            map.put(type.field(slot).name(), (slot < values.length) ? values[slot] : null);
        }
        return map;
    }

}
