package com.goodfit.sync.source.filter;

/**
 * The database a filter compiles for. Columns compile the same on both; keys of the JSON {@code data_points}
 * column need PostgreSQL's JSON operators, which the embedded H2 database has no equivalent of.
 */
public enum FilterDialect {

    POSTGRESQL, H2;

    /**
     * @param productName the JDBC driver's database product name
     * @return the dialect
     */
    public static FilterDialect ofProductName(String productName) {
        return productName.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }

}
