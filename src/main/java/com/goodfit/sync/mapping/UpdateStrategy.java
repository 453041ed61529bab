package com.goodfit.sync.mapping;

/**
 * How a mapped value is written to a Salesforce field that already holds a value.
 */
public enum UpdateStrategy {

    /** Write the source value whenever it differs from Salesforce's current value. */
    OVERRIDE,

    /** Write only while Salesforce's current value is null or blank. */
    UPDATE_IF_EMPTY;

}
