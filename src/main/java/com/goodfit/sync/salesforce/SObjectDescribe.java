package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The describe of one sObject type: its flags and the fields the API user can see (a field without field-level
 * security is absent).
 *
 * @param name the API name, e.g. {@code Account}
 * @param label the label
 * @param custom a custom object
 * @param createable records may be inserted
 * @param updateable records may be updated
 * @param queryable records may be queried
 * @param keyPrefix the Id prefix, e.g. {@code 001}
 * @param fields the visible fields
 */
public record SObjectDescribe(String name, String label, boolean custom, boolean createable, boolean updateable,
        boolean queryable, @Nullable String keyPrefix, List<FieldDescribe> fields) {

    public SObjectDescribe {
        fields = List.copyOf(fields);
    }

    /**
     * Finds a field; API names are case-insensitive.
     * @param name the API name in any case
     * @return the field, spelled as Salesforce spells it
     */
    public Optional<FieldDescribe> field(String name) {
        return this.fields.stream().filter((field) -> field.name().equalsIgnoreCase(name)).findFirst();
    }

    static SObjectDescribe from(JsonNode body) {
        List<FieldDescribe> fields = new ArrayList<>();
        for (JsonNode field : body.path("fields").values()) {
            fields.add(FieldDescribe.from(field));
        }
        return new SObjectDescribe(body.path("name").asString(""), body.path("label").asString(""),
                body.path("custom").asBoolean(false), body.path("createable").asBoolean(false),
                body.path("updateable").asBoolean(false), body.path("queryable").asBoolean(false),
                ApiError.text(body, "keyPrefix"), fields);
    }

}
