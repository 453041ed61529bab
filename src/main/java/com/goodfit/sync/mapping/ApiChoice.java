package com.goodfit.sync.mapping;

/**
 * Which Salesforce write API the apply steps use.
 */
public enum ApiChoice {

    /** Bulk API 2.0 when a step's plan holds at least {@code bulk-threshold} records, else sObject Collections. */
    AUTO,

    /** Always Bulk API 2.0 ingest jobs. */
    BULK,

    /** Always sObject Collections (200 records a call). */
    COLLECTIONS;

}
