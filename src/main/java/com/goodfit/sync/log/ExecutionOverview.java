package com.goodfit.sync.log;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One execution in the list {@code status} and the admin API show.
 *
 * @param executionId the execution
 * @param runId the run (job instance) it belongs to
 * @param jobName the job
 * @param parameters its job parameters (definition, dry run, filter, limit, ids, ...)
 * @param status STARTED, COMPLETED, FAILED, STOPPED, ...
 * @param startTime when it started
 * @param duration how long it ran (so far)
 * @param steps each step's status and counts
 * @param progress records planned, applied and in total
 * @param apiCalls API calls the finished steps recorded (token requests excluded)
 */
public record ExecutionOverview(long executionId, long runId, String jobName, Map<String, String> parameters,
        String status, @Nullable LocalDateTime startTime, Duration duration, List<RunSummary.StepProgress> steps,
        RunProgress progress, long apiCalls) {

    public ExecutionOverview {
        parameters = Map.copyOf(parameters);
        steps = List.copyOf(steps);
    }

}
