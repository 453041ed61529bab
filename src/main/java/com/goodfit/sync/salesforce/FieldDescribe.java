package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One field of an sObject describe: what a mapping needs to validate against.
 *
 * @param name the API name, as Salesforce spells it
 * @param label the label
 * @param type the describe type, e.g. {@code string}, {@code url}, {@code reference}, {@code picklist}
 * @param length maximum characters of a text field, 0 otherwise
 * @param precision total digits of a double, currency or percent field, 0 otherwise
 * @param scale decimal digits of a double, currency or percent field, 0 otherwise
 * @param digits maximum digits of an {@code int} field (which reports precision 0), 0 otherwise
 * @param nillable may be null
 * @param createable may be set on insert
 * @param updateable may be set on update
 * @param defaultedOnCreate gets a value on insert when none is given
 * @param unique values are unique
 * @param externalId usable as an upsert key
 * @param relationshipName the relationship of a lookup, e.g. {@code Account}, used in Bulk CSV headers
 * @param referenceTo the types a lookup points to
 * @param picklistValues the values of a picklist
 * @param restrictedPicklist only active {@code picklistValues} are accepted
 */
public record FieldDescribe(String name, String label, String type, int length, int precision, int scale, int digits,
        boolean nillable, boolean createable, boolean updateable, boolean defaultedOnCreate, boolean unique,
        boolean externalId, @Nullable String relationshipName, List<String> referenceTo,
        List<PicklistValue> picklistValues, boolean restrictedPicklist) {

    public FieldDescribe {
        referenceTo = List.copyOf(referenceTo);
        picklistValues = List.copyOf(picklistValues);
    }

    /**
     * Required on create: createable, not nillable and not defaulted (booleans are never required).
     * @return whether an insert must set this field
     */
    public boolean requiredOnCreate() {
        return this.createable && !this.nillable && !this.defaultedOnCreate && !this.type.equals("boolean");
    }

    static FieldDescribe from(JsonNode field) {
        List<PicklistValue> picklist = new ArrayList<>();
        for (JsonNode value : field.path("picklistValues").values()) {
            picklist.add(new PicklistValue(value.path("value").asString(""), value.path("label").asString(""),
                    value.path("active").asBoolean(true), value.path("defaultValue").asBoolean(false)));
        }
        return new FieldDescribe(field.path("name").asString(""), field.path("label").asString(""),
                field.path("type").asString(""), field.path("length").asInt(0), field.path("precision").asInt(0),
                field.path("scale").asInt(0), field.path("digits").asInt(0), field.path("nillable").asBoolean(true),
                field.path("createable").asBoolean(false), field.path("updateable").asBoolean(false),
                field.path("defaultedOnCreate").asBoolean(false), field.path("unique").asBoolean(false),
                field.path("externalId").asBoolean(false), ApiError.text(field, "relationshipName"),
                ApiError.strings(field.path("referenceTo")), picklist,
                field.path("restrictedPicklist").asBoolean(false));
    }

    /**
     * One picklist entry.
     *
     * @param value the API value
     * @param label the label
     * @param active selectable
     * @param defaultValue the field's default
     */
    public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {
    }

}
