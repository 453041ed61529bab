package com.goodfit.sync.log;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.TreeMap;

/**
 * Renders a {@link RunSummary} as the table the {@code run}, {@code restart} and {@code demo} commands print.
 */
public final class RunSummaryPrinter {

    private RunSummaryPrinter() {
    }

    public static void print(RunSummary summary, PrintWriter out) {
        out.printf("%nRun %d of job '%s' (execution %d): %s in %s%n", summary.instanceId(), summary.jobName(),
                summary.executionId(), summary.status(), seconds(summary.duration()));
        if (!summary.exitMessage().isBlank() && !"COMPLETED".equals(summary.status())) {
            out.printf("  reason: %s%n", firstLine(summary.exitMessage()));
        }
        out.printf("  %-10s %8s %8s %9s %8s %8s %8s %8s%n", "object", "total", "created", "updated", "unchanged",
                "skipped", "failed", "pending");
        summary.objects().forEach((object, outcomes) -> out.printf("  %-10s %8d %8d %9d %8d %8d %8d %8d%n",
                object + "s", outcomes.total(), outcomes.created(), outcomes.updated(), outcomes.unchanged(),
                sum(outcomes.skipped()), sum(outcomes.failed()), outcomes.pending()));
        summary.objects().forEach((object, outcomes) -> {
            if (!outcomes.skipped().isEmpty()) {
                out.printf("  %s skipped by reason: %s%n", object + "s", join(outcomes.skipped()));
            }
            if (!outcomes.warnings().isEmpty()) {
                out.printf("  %s synced with a warning: %s%n", object + "s", join(outcomes.warnings()));
            }
            if (!outcomes.failed().isEmpty()) {
                out.printf("  %s failed by Salesforce error: %s%n", object + "s", join(outcomes.failed()));
            }
        });
        summary.indexStrategies().forEach((step, strategy) -> out.printf("  %s: %s%n", step, strategy));
        out.printf("  API calls: %d (%s; write calls %d)%n", summary.apiCallsExcludingAuth(),
                join(summary.apiCalls()), summary.writeCalls());
        out.printf("  steps: %s%n", summary.steps()
            .stream()
            .map(step -> step.name() + " " + step.status().toLowerCase(Locale.ROOT) + " " + seconds(step.duration()))
            .collect(Collectors.joining(", ")));
        out.flush();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String join(Map<String, Long> counts) {
        return new TreeMap<>(counts).entrySet()
            .stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0) ? text : text.substring(0, newline);
    }

}
