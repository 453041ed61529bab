package com.goodfit.sync.source.filter;

import java.util.Map;

/**
 * A filter as SQL: a condition on the source alias {@code s} whose every value is a named parameter.
 *
 * @param sql the condition, e.g. {@code (s.country = :filter_0)}
 * @param parameters the values of its named parameters
 */
public record CompiledFilter(String sql, Map<String, Object> parameters) {

    public CompiledFilter {
        parameters = Map.copyOf(parameters);
    }

}
