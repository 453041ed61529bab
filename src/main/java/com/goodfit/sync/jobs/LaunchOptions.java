package com.goodfit.sync.jobs;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How one launch of a sync runs.
 *
 * @param dryRun stop after plan: nothing is written to Salesforce
 * @param selection an SQL condition on the source alias {@code s} selecting the records to sync (a compiled ad-hoc
 * filter), or null for all
 * @param selectionParameters the selection's named parameters
 */
public record LaunchOptions(boolean dryRun, @Nullable String selection, Map<String, Object> selectionParameters) {

    public LaunchOptions {
        selectionParameters = Map.copyOf(selectionParameters);
    }

    public static LaunchOptions fullSync() {
        return new LaunchOptions(false, null, Map.of());
    }

    public static LaunchOptions dryRunOfAll() {
        return new LaunchOptions(true, null, Map.of());
    }

}
