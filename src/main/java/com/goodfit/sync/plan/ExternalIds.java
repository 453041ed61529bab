package com.goodfit.sync.plan;

import com.goodfit.sync.mapping.JobDefinition;

/**
 * The external id the connector sets on every record it creates or matches ({@code GoodFit_ID__c}), and its value
 * for a source record, e.g. {@code company-42}. Creates are sent as upserts on it, which makes them idempotent.
 *
 * @param field the external id field's API name
 * @param prefix the value's prefix for this object ({@code company}, {@code contact})
 */
public record ExternalIds(String field, String prefix) {

    public static final ExternalIds ACCOUNTS = new ExternalIds(JobDefinition.EXTERNAL_ID_FIELD, "company");

    public static final ExternalIds CONTACTS = new ExternalIds(JobDefinition.EXTERNAL_ID_FIELD, "contact");

    public String valueFor(long sourceId) {
        return this.prefix + "-" + sourceId;
    }

}
