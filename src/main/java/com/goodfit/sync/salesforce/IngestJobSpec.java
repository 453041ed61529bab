package com.goodfit.sync.salesforce;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What a Bulk API 2.0 ingest job does: one operation on one sObject type (CSV, comma, LF).
 *
 * @param object the sObject type
 * @param operation the operation
 * @param externalIdFieldName the upsert key, required for {@link BulkOperation#UPSERT} and only then
 */
public record IngestJobSpec(String object, BulkOperation operation, @Nullable String externalIdFieldName) {

    public IngestJobSpec {
        Assert.hasText(object, "object must not be empty");
        Assert.notNull(operation, "operation must not be null");
        Assert.isTrue((operation == BulkOperation.UPSERT) == (externalIdFieldName != null),
                "externalIdFieldName is required for upsert and only for upsert");
    }

}
