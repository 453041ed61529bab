package com.goodfit.sync.salesforce;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A SOQL statement and how to run it. Build the statement with {@link SoqlLiteral} for every value.
 *
 * @param soql the statement
 * @param includeDeleted run as {@code queryAll}: include soft-deleted and archived records
 * @param batchSize requested page size (200..2000, {@code Sforce-Query-Options}), or {@code null} for the
 * org's default; Salesforce may return fewer
 */
public record SoqlQuery(String soql, boolean includeDeleted, @Nullable Integer batchSize) {

    public SoqlQuery {
        Assert.hasText(soql, "soql must not be empty");
        Assert.isTrue(batchSize == null || (batchSize >= 200 && batchSize <= 2000),
                () -> "batchSize must be between 200 and 2000, was " + batchSize);
    }

    /**
     * A query of live records with the default page size.
     * @param soql the statement
     * @return the query
     */
    public static SoqlQuery of(String soql) {
        return new SoqlQuery(soql, false, null);
    }

    /**
     * This query, run as {@code queryAll}.
     * @return a copy that includes deleted records
     */
    public SoqlQuery includingDeleted() {
        return new SoqlQuery(this.soql, true, this.batchSize);
    }

    /**
     * This query with a requested page size.
     * @param size 200..2000
     * @return a copy with the page size
     */
    public SoqlQuery withBatchSize(int size) {
        return new SoqlQuery(this.soql, this.includeDeleted, size);
    }

}
