package com.goodfit.sync.log;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one execution of a sync did, for the connector log: status, progress by step, outcomes by object, and API
 * calls by kind.
 *
 * @param executionId the Spring Batch job execution
 * @param instanceId the run (job instance) it belongs to; restarts share it
 * @param jobName the job
 * @param status COMPLETED, FAILED, STOPPED, ...
 * @param exitMessage why it failed or stopped, or empty
 * @param startTime when it started
 * @param duration how long it ran
 * @param steps each step's progress
 * @param objects outcome counts by object ({@code account}, {@code contact})
 * @param apiCalls API calls this execution made, by kind
 * @param indexStrategies how each index step read the org (e.g. the contacts index's snapshot or lookups) and which
 * API each index and apply step chose (Bulk API 2.0 or not, and why), by step
 */
public record RunSummary(long executionId, long instanceId, String jobName, String status, String exitMessage,
        @Nullable LocalDateTime startTime, Duration duration, List<StepProgress> steps,
        Map<String, ObjectOutcomes> objects, Map<String, Long> apiCalls, Map<String, String> indexStrategies) {

    public RunSummary {
        steps = List.copyOf(steps);
        objects = Map.copyOf(objects);
        apiCalls = Map.copyOf(apiCalls);
        indexStrategies = Map.copyOf(indexStrategies);
    }

    /** @return API calls made, excluding token requests (which do not count toward the org's limit) */
    public long apiCallsExcludingAuth() {
        return this.apiCalls.entrySet()
            .stream()
            .filter(e -> !e.getKey().equals("auth"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    }

    public long writeCalls() {
        return this.apiCalls.getOrDefault("collections", 0L) + this.apiCalls.getOrDefault("bulk", 0L);
    }

    /**
     * One step's progress, as BATCH_STEP_EXECUTION records it.
     *
     * @param name the step
     * @param status its status
     * @param read items read
     * @param written items written
     * @param duration how long it ran
     */
    public record StepProgress(String name, String status, long read, long written, Duration duration) {
    }

    /**
     * The outcome of every record of one object in the run.
     *
     * @param created records created in Salesforce
     * @param updated records updated
     * @param unchanged records that needed no write
     * @param pending records still waiting to be applied (a stopped, failed or dry run)
     * @param skipped skipped records by reason
     * @param failed failed records by Salesforce status code
     * @param warnings records synced with a warning ({@code AMBIGUOUS_MATCH}, {@code TRUNCATED}), by code
     */
    public record ObjectOutcomes(long created, long updated, long unchanged, long pending, Map<String, Long> skipped,
            Map<String, Long> failed, Map<String, Long> warnings) {

        public ObjectOutcomes {
            skipped = Map.copyOf(skipped);
            failed = Map.copyOf(failed);
            warnings = Map.copyOf(warnings);
        }

        public long total() {
            return this.created + this.updated + this.unchanged + this.pending
                    + this.skipped.values().stream().mapToLong(Long::longValue).sum()
                    + this.failed.values().stream().mapToLong(Long::longValue).sum();
        }

    }

}
