package com.goodfit.sync.source.filter;

/**
 * The database a filter compiles for. Columns compile the same on both; keys of the JSON {@code data_points}
 * column need PostgreSQL's JSON operators, which the embedded H2 database has no equivalent of.
 */
public enum FilterDialect {

    POSTGRESQL, H2;

}
