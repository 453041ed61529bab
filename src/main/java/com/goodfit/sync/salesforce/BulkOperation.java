package com.goodfit.sync.salesforce;

/**
 * The operation of a Bulk API 2.0 ingest job.
 */
public enum BulkOperation {

    /** Create records. */
    INSERT("insert"),

    /** Update records by Id (an {@code Id} column). */
    UPDATE("update"),

    /** Insert or update on an external-Id field. */
    UPSERT("upsert"),

    /** Move records to the recycle bin. */
    DELETE("delete");

    private final String apiName;

    BulkOperation(String apiName) {
        this.apiName = apiName;
    }

    /**
     * The name in the job request.
     * @return e.g. {@code upsert}
     */
    public String apiName() {
        return this.apiName;
    }

}
