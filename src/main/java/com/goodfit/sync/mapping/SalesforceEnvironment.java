package com.goodfit.sync.mapping;

/**
 * Where a job's org lives, which decides the OAuth login host.
 */
public enum SalesforceEnvironment {

    /** {@code https://login.salesforce.com}. */
    PRODUCTION,

    /** {@code https://test.salesforce.com}. */
    SANDBOX,

    /** The org's own My Domain URL, given as {@code login-url}. */
    MY_DOMAIN,

    /** The in-process Salesforce emulator started by the runner itself (demo, tests). */
    EMULATOR;

}
