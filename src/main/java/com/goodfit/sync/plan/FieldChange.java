package com.goodfit.sync.plan;

import org.jspecify.annotations.Nullable;

/**
 * One field a planned write changes.
 *
 * @param field the Salesforce field's API name
 * @param from its current value in Salesforce (null on create or when empty)
 * @param to the value to write (null clears the field)
 */
public record FieldChange(String field, @Nullable Object from, @Nullable Object to) {

}
