package com.goodfit.sync.source;

/**
 * The type of a syncable source field, as recorded in {@code field_definitions.field_type}.
 */
public enum FieldType {

    TEXT, NUMBER, CURRENCY, DATE, BOOLEAN, URL, EMAIL, PHONE, PICKLIST,

    /**
     * The Salesforce Id of a related record, which the connector derives from its own links rather than reading a
     * column: a contact's {@code account} (see {@link FieldDirectory#CONTACT_ACCOUNT}). Never in
     * {@code field_definitions}.
     */
    REFERENCE

}
