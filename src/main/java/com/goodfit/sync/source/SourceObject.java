package com.goodfit.sync.source;

/**
 * The two kinds of source record, and the Salesforce object each syncs into.
 */
public enum SourceObject {

    ACCOUNT("companies", "Account"), CONTACT("contacts", "Contact");

    private final String table;

    private final String salesforceObject;

    SourceObject(String table, String salesforceObject) {
        this.table = table;
        this.salesforceObject = salesforceObject;
    }

    /** @return the source table holding this object's rows */
    public String table() {
        return this.table;
    }

    /** @return the Salesforce sObject name, e.g. {@code Account} */
    public String salesforceObject() {
        return this.salesforceObject;
    }

}
