package com.goodfit.sync.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.jobs.SyncStopper;
import com.goodfit.sync.log.ErrorGroup;
import com.goodfit.sync.log.ExecutionLog;
import com.goodfit.sync.log.ExecutionOverview;
import com.goodfit.sync.log.OutcomeLog;
import com.goodfit.sync.log.OutcomeQuery;
import com.goodfit.sync.log.RecordOutcome;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.source.filter.CompanySelection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin HTTP API of {@code serve}: job definitions, launching ad-hoc runs, executions with their progress,
 * outcomes and grouped errors, stop and restart. Every endpoint needs the bearer token.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@ConditionalOnWebApplication
@Tag(name = "goodfit-sync admin")
@SecurityRequirement(name = "bearer")
class AdminApiController {

    private final JobCatalog catalog;

    private final SyncLauncher launcher;

    private final SyncStopper stopper;

    private final ExecutionLog executions;

    private final OutcomeLog outcomes;

    private final JobLocks locks;

    AdminApiController(JobCatalog catalog, SyncLauncher launcher, SyncStopper stopper, ExecutionLog executions,
            OutcomeLog outcomes, JobLocks locks) {
        this.catalog = catalog;
        this.launcher = launcher;
        this.stopper = stopper;
        this.executions = executions;
        this.outcomes = outcomes;
        this.locks = locks;
    }

    @GetMapping("/jobs")
    @Operation(summary = "List the job definitions of the jobs folder, with their schedule or their problems")
    List<JobInfo> jobs() {
        return this.catalog.entries().stream().map(JobInfo::of).toList();
    }

    @PostMapping(path = "/runs", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Launch a run of a job, optionally over a filtered selection of companies or as a dry run")
    LaunchResponse launch(@RequestBody RunRequest request) {
        if (request.job() == null || request.job().isBlank()) {
            throw new BadRequestException("'job' is required: the name of a job definition");
        }
        Path file = this.catalog.file(request.job())
            .orElseThrow(() -> new BadRequestException("unknown job '" + request.job() + "'; the jobs are: "
                    + this.catalog.entries().stream().map(JobCatalog.Entry::name).collect(Collectors.joining(", "))));
        CompanySelection selection = new CompanySelection(request.filter(), request.limit(),
                (request.ids() != null) ? request.ids() : List.of());
        SyncLauncher.Started started = this.locks.launch(request.job(),
                () -> this.launcher.start(file, Boolean.TRUE.equals(request.dryRun()), selection))
            .orElseThrow(() -> new ConflictException("job '" + request.job() + "' is already running"));
        return new LaunchResponse(started.execution().getId(), request.job(), started.execution().getStatus().name());
    }

    @GetMapping("/executions")
    @Operation(summary = "List recent executions, newest first, with status and progress")
    List<ExecutionOverview> executions(@RequestParam(required = false) @Nullable String job,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("'limit' must be between 1 and 500, was " + limit);
        }
        return this.executions.recent(job, limit);
    }

    @GetMapping("/executions/{id}")
    @Operation(summary = "One execution: status, parameters, steps and progress")
    ExecutionOverview execution(@PathVariable long id) {
        return this.executions.overview(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/executions/{id}/outcomes")
    @Operation(summary = "Per-record outcomes of an execution's run, optionally by outcome and reason")
    List<RecordOutcome> outcomes(@PathVariable long id, @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(defaultValue = "100") long limit,
            @RequestParam(defaultValue = "0") long offset) {
        long runId = this.outcomes.runOf(id).orElseThrow(() -> notFound(id));
        if (limit > 10_000) {
            throw new BadRequestException("'limit' must be at most 10000, was " + limit);
        }
        try {
            return this.outcomes.list(runId, new OutcomeQuery(outcome, reason, limit, offset));
        }
        catch (IllegalArgumentException ex) {
            throw new BadRequestException(ex.getMessage());
        }
    }

    @GetMapping("/executions/{id}/errors")
    @Operation(summary = "Failures, skips and warnings of an execution's run grouped by code, with what fixes them")
    List<ErrorGroup> errors(@PathVariable long id) {
        return this.outcomes.errors(this.outcomes.runOf(id).orElseThrow(() -> notFound(id)));
    }

    @PostMapping("/executions/{id}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Stop a running execution after its current chunk (it ends STOPPED, restartable)")
    StopResponse stop(@PathVariable long id) {
        this.executions.overview(id).orElseThrow(() -> notFound(id));
        return new StopResponse(id, this.stopper.stop(id, Duration.ZERO).name());
    }

    @PostMapping("/executions/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Restart a FAILED or STOPPED execution from its last committed chunk")
    LaunchResponse restart(@PathVariable long id) {
        ExecutionOverview previous = this.executions.overview(id).orElseThrow(() -> notFound(id));
        SyncLauncher.Started started = this.locks.launch(previous.jobName(), () -> this.launcher.startRestart(id, false))
            .orElseThrow(() -> new ConflictException("job '" + previous.jobName() + "' is already running"));
        return new LaunchResponse(started.execution().getId(), previous.jobName(),
                started.execution().getStatus().name());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no job execution with id " + id);
    }

    /**
     * A run to launch.
     *
     * @param job the job's name
     * @param filter a filter over the companies, or null for all
     * @param limit only the N lowest-id matching companies, or null
     * @param ids only these company ids, or null
     * @param dryRun stop after plan
     */
    record RunRequest(@Nullable String job, @Nullable String filter, @Nullable Integer limit, @Nullable List<Long> ids,
            @Nullable Boolean dryRun) {
    }

    record LaunchResponse(long executionId, String job, String status) {
    }

    record StopResponse(long executionId, String status) {
    }

    record JobInfo(String name, String file, @Nullable String schedule, @Nullable String accounts,
            @Nullable String contacts, boolean valid, List<String> problems) {

        static JobInfo of(JobCatalog.Entry entry) {
            JobDefinition definition = entry.definition();
            return new JobInfo(entry.name(), entry.file().toString(),
                    (definition != null) ? definition.schedule() : null,
                    (definition != null) ? definition.accountMode().name() : null,
                    (definition != null) ? definition.contactMode().name() : null, definition != null,
                    entry.problems());
        }

    }

    static class BadRequestException extends RuntimeException {

        BadRequestException(String message) {
            super(message);
        }

    }

    static class NotFoundException extends RuntimeException {

        NotFoundException(String message) {
            super(message);
        }

    }

    static class ConflictException extends RuntimeException {

        ConflictException(String message) {
            super(message);
        }

    }

}
