package com.goodfit.sync.source.filter;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Which companies an ad-hoc run syncs: those matching a filter and among a list of ids, cut to the lowest ids.
 * Every part is optional; with none, the run syncs every company.
 *
 * @param filter a filter expression, or null
 * @param limit sync only the this many lowest-id matching companies, or null for all of them
 * @param ids sync only these company ids (empty for no restriction)
 */
public record CompanySelection(@Nullable String filter, @Nullable Integer limit, List<Long> ids) {

    /** Job parameter holding the filter as typed. */
    public static final String FILTER_PARAMETER = "filter";

    /** Job parameter holding the limit. */
    public static final String LIMIT_PARAMETER = "limit";

    /** Job parameter holding the ids, comma-separated. */
    public static final String IDS_PARAMETER = "ids";

    /** More ids than this belong in a filter; each id is one SQL parameter. */
    public static final int MAX_IDS = 1000;

    public CompanySelection {
        ids = List.copyOf(ids);
        if (filter != null && filter.isBlank()) {
            throw new FilterException(0, "the filter is empty");
        }
        if (limit != null && limit < 1) {
            throw new FilterException(0, "limit must be at least 1, was " + limit);
        }
        if (ids.size() > MAX_IDS) {
            throw new FilterException(0, "at most " + MAX_IDS + " ids can be listed, " + ids.size()
                    + " were given; select that many companies with a filter instead");
        }
        for (Long id : ids) {
            if (id == null || id < 1) {
                throw new FilterException(0, "company ids are positive numbers, got " + id);
            }
        }
    }

    /**
     * @param filter the {@link #FILTER_PARAMETER} job parameter, or null
     * @param limit the {@link #LIMIT_PARAMETER} job parameter, or null
     * @param ids the {@link #IDS_PARAMETER} job parameter, or null
     * @return the selection a run was launched with
     */
    public static CompanySelection ofParameters(@Nullable String filter, @Nullable Long limit, @Nullable String ids) {
        return new CompanySelection(filter, (limit != null) ? Math.toIntExact(limit) : null, parseIds(ids));
    }

    public static CompanySelection all() {
        return new CompanySelection(null, null, List.of());
    }

    /** @return whether this selects every company */
    public boolean isAll() {
        return this.filter == null && this.limit == null && this.ids.isEmpty();
    }

    /** @return the ids as the comma-separated text of the {@code ids} job parameter, or null when there are none */
    public @Nullable String idsText() {
        return this.ids.isEmpty() ? null : this.ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * @param text the comma-separated ids, as {@link #idsText()} writes them, or null
     * @return the ids
     */
    public static List<Long> parseIds(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return java.util.Arrays.stream(text.split(",")).map(String::trim).map(Long::valueOf).toList();
        }
        catch (NumberFormatException ex) {
            throw new FilterException(0, "ids must be comma-separated numbers, got '" + text + "'");
        }
    }

}
