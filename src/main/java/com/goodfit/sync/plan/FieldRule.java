package com.goodfit.sync.plan;

import java.util.Set;

/**
 * What the org's describe says a written value must satisfy, checked before any API call is spent on it.
 *
 * @param field the Salesforce field's API name
 * @param maxLength the most characters a text value may have, 0 for no limit
 * @param allowedValues the values of a restricted picklist, empty when any value is accepted
 * @param truncate whether an over-long value is cut to fit (the target's {@code truncate: true}) instead of
 * skipping the record
 */
public record FieldRule(String field, int maxLength, Set<String> allowedValues, boolean truncate) {

    public FieldRule {
        allowedValues = Set.copyOf(allowedValues);
    }

}
