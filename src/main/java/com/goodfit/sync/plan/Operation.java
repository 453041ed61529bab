package com.goodfit.sync.plan;

/**
 * What the plan does with one source record.
 */
public enum Operation {

    /** Create a Salesforce record (sent as an upsert on the external id). */
    CREATE,

    /** Update the matched Salesforce record's changed fields. */
    UPDATE,

    /** The matched record already holds every value: nothing is sent. */
    UNCHANGED,

    /** The record is not synced; the reason says why. */
    SKIP

}
