package com.goodfit.sync.mapping;

/**
 * Whether a job creates, only updates, or never touches Contacts.
 */
public enum ContactMode {

    /** Update matched Contacts, create the rest under their company's Account. */
    CREATE_AND_UPDATE,

    /** Update matched Contacts, never create. */
    UPDATE_ONLY,

    /** No contact data is read or written. */
    DISABLED;

}
