package com.goodfit.sync.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One Salesforce record as read by a query or sent in a write: its type, its Id when known, and field values by API
 * name (JSON types: String, Number, Boolean, nested Map for a parent relationship, or null).
 *
 * @param type the sObject type, e.g. {@code Account}
 * @param id the record Id, or {@code null} for a record not yet created
 * @param fields field values by API name, without {@code attributes}; may hold null values (= set null on write)
 */
public record SObject(String type, @Nullable String id, Map<String, @Nullable Object> fields) {

    public SObject {
        Assert.hasText(type, "type must not be empty");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * A new record of a type.
     * @param type the sObject type
     * @param fields the values to write
     * @return the record
     */
    public static SObject of(String type, Map<String, @Nullable Object> fields) {
        return new SObject(type, null, fields);
    }

    /**
     * A field's value.
     * @param field the API name, as spelled in the query
     * @return the value, or {@code null} if null or absent
     */
    public @Nullable Object get(String field) {
        return this.fields.get(field);
    }

    /**
     * A field's value as text.
     * @param field the API name, as spelled in the query
     * @return the value's text, or {@code null} if null or absent
     */
    public @Nullable String getString(String field) {
        Object value = this.fields.get(field);
        return (value != null) ? value.toString() : null;
    }

}
