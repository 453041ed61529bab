package com.goodfit.sync.mapping;

/**
 * Whether a job may create Accounts or only update the ones it matches.
 */
public enum AccountMode {

    /** Update matched Accounts, create the rest. */
    CREATE_AND_UPDATE,

    /** Update matched Accounts, never create. */
    UPDATE_ONLY;

}
