package com.goodfit.sync.source;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the data directory: a field a job definition may map.
 *
 * @param key the field's key, a column name or a {@code data_points} key
 * @param object the object it belongs to
 * @param label a human name, also the base of its GoodFit custom field's label
 * @param type its type, which decides the Salesforce field types that can hold it
 * @param length the maximum text length, for text-like types
 * @param precision total digits, for numbers and currencies
 * @param scale digits after the point, for numbers and currencies
 * @param picklistValues allowed values of a picklist, in order
 * @param inDataPoints whether the value is a key of {@code companies.data_points} rather than a column
 */
public record FieldDefinition(String key, SourceObject object, String label, FieldType type, @Nullable Integer length,
        @Nullable Integer precision, @Nullable Integer scale, List<String> picklistValues, boolean inDataPoints) {

    public FieldDefinition {
        picklistValues = List.copyOf(picklistValues);
    }

}
