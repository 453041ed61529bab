package com.goodfit.sync.mapping;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A parsed and validated {@code jobs/*.yml}: one sync from our source tables into one org.
 *
 * @param name the job's name, the file's name without {@code .yml}
 * @param file the file it was read from, for messages
 * @param salesforce how to reach the org
 * @param schedule a Spring cron expression, or null when the job only runs on demand
 * @param accountMode whether Accounts are created
 * @param contactMode whether Contacts are created, only updated, or left alone
 * @param accountMappings source fields to Account fields
 * @param contactMappings source fields to Contact fields
 * @param apply how the apply steps spend API calls
 */
public record JobDefinition(String name, String file, SalesforceSettings salesforce, @Nullable String schedule,
        AccountMode accountMode, ContactMode contactMode, List<FieldMapping> accountMappings,
        List<FieldMapping> contactMappings, ApplySettings apply) {

    /** The external id the connector sets itself on every record it creates or matches; never mapped. */
    public static final String EXTERNAL_ID_FIELD = "GoodFit_ID__c";

    public JobDefinition {
        accountMappings = List.copyOf(accountMappings);
        contactMappings = List.copyOf(contactMappings);
    }

}
