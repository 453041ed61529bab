package com.goodfit.sync.salesforce;

import java.net.URI;

/**
 * The kinds of API call the client counts separately, derived from the request path.
 */
public enum CallKind {

    /** SOQL {@code query}, {@code queryAll} and their next pages. */
    QUERY,

    /** sObject Collections ({@code /composite/sobjects}). */
    COLLECTIONS,

    /** Bulk API 2.0 ingest and query jobs. */
    BULK,

    /** Tooling API. */
    TOOLING,

    /** OAuth token requests; these do not count toward the org's daily API requests. */
    AUTH,

    /** Everything else: versions, describe, limits. */
    OTHER;

    static CallKind of(URI uri) {
        String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
        if (path.startsWith("/services/oauth2/")) {
            return AUTH;
        }
        if (path.contains("/tooling/")) {
            return TOOLING;
        }
        if (path.contains("/jobs/")) {
            return BULK;
        }
        if (path.contains("/composite/")) {
            return COLLECTIONS;
        }
        if (path.endsWith("/query") || path.contains("/query/") || path.endsWith("/queryAll")) {
            return QUERY;
        }
        return OTHER;
    }

}
