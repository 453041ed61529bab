package com.goodfit.sync.salesforce;

/**
 * One REST API version the org offers.
 *
 * @param version the number, e.g. {@code 62.0}
 * @param label the release name, e.g. {@code Winter '25}
 * @param url the path, e.g. {@code /services/data/v62.0}
 */
public record ApiVersion(String version, String label, String url) {
}
