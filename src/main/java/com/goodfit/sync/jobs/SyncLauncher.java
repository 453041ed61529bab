package com.goodfit.sync.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.goodfit.sync.log.JobExecutions;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.JobDefinitionException;
import com.goodfit.sync.mapping.JobDefinitionParser;
import com.goodfit.sync.source.FieldDirectoryRepository;
import com.goodfit.sync.source.filter.CompanySelection;
import com.goodfit.sync.source.filter.CompanySelectionCompiler;
import com.goodfit.sync.source.filter.CompiledFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts sync jobs from their definition files and restarts failed or stopped ones from their last committed chunk.
 * The definition's path is an identifying job parameter, so a restart finds the file again.
 */
@Component
public class SyncLauncher {

    /** Job parameter: absolute path of the job definition file. */
    public static final String DEFINITION = "definition";

    /** Job parameter: makes each launch a new job instance. */
    public static final String RUN_ID = "run.id";

    /** Job parameter: the run stops after plan. */
    public static final String DRY_RUN = "dryRun";

    /** Job parameter: the ad-hoc filter selecting the companies, as typed. */
    public static final String FILTER = CompanySelection.FILTER_PARAMETER;

    /** Job parameter: only the this many lowest-id selected companies. */
    public static final String LIMIT = CompanySelection.LIMIT_PARAMETER;

    /** Job parameter: only these company ids, comma-separated. */
    public static final String IDS = CompanySelection.IDS_PARAMETER;

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final SyncJobFactory jobs;

    private final FieldDirectoryRepository fieldDirectory;

    private final CompanySelectionCompiler selections;

    private final RunningSyncs running;

    SyncLauncher(JobOperator jobOperator, JobRepository jobRepository, SyncJobFactory jobs,
            FieldDirectoryRepository fieldDirectory, CompanySelectionCompiler selections, RunningSyncs running) {
        this.jobOperator = jobOperator;
        this.running = running;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.fieldDirectory = fieldDirectory;
        this.selections = selections;
    }

    /**
     * Reads a job definition; every problem is reported with its file and line.
     * @param file the job definition
     * @return the definition
     */
    public JobDefinition definition(Path file) {
        return new JobDefinitionParser(this.fieldDirectory.load()).parse(file);
    }

    /**
     * Runs a job to its end (this call blocks).
     * @param file the job definition
     * @param options dry run and selection
     * @return the finished execution and the clients it used
     */
    public Launch run(Path file, LaunchOptions options) {
        JobDefinition definition = definition(file);
        SyncJob job = this.jobs.create(definition, options);
        JobParameters parameters = new JobParametersBuilder()
            .addString(DEFINITION, file.toAbsolutePath().normalize().toString())
            .addLong(RUN_ID, System.currentTimeMillis())
            .addString(DRY_RUN, Boolean.toString(options.dryRun()))
            .toJobParameters();
        return start(job, parameters).await();
    }

    /**
     * Runs a job over a selection of companies (an ad-hoc run) to its end; the selection is recorded as job
     * parameters ({@link #FILTER}, {@link #LIMIT}, {@link #IDS}), so the connector log shows it and a restart
     * selects the same companies.
     * @param file the job definition
     * @param dryRun stop after plan
     * @param selection the companies to sync
     * @return the finished execution and the clients it used
     * @throws com.goodfit.sync.source.filter.FilterException when the filter cannot be used
     */
    public Launch run(Path file, boolean dryRun, CompanySelection selection) {
        return start(file, dryRun, selection).await();
    }

    /**
     * Starts a job over a selection of companies on a thread of its own, and returns at once.
     * @param file the job definition
     * @param dryRun stop after plan
     * @param selection the companies to sync
     * @return the running execution
     * @throws com.goodfit.sync.source.filter.FilterException when the filter cannot be used
     */
    public Started start(Path file, boolean dryRun, CompanySelection selection) {
        JobDefinition definition = definition(file);
        SyncJob job = this.jobs.create(definition, options(dryRun, selection));
        JobParametersBuilder parameters = new JobParametersBuilder()
            .addString(DEFINITION, file.toAbsolutePath().normalize().toString())
            .addLong(RUN_ID, System.currentTimeMillis())
            .addString(DRY_RUN, Boolean.toString(dryRun));
        if (selection.filter() != null) {
            parameters.addString(FILTER, selection.filter(), false);
        }
        if (selection.limit() != null) {
            parameters.addLong(LIMIT, selection.limit().longValue(), false);
        }
        if (selection.idsText() != null) {
            parameters.addString(IDS, selection.idsText(), false);
        }
        return start(job, parameters.toJobParameters());
    }

    private LaunchOptions options(boolean dryRun, CompanySelection selection) {
        CompiledFilter compiled = this.selections.compile(selection);
        return (compiled != null) ? new LaunchOptions(dryRun, compiled.sql(), compiled.parameters())
                : new LaunchOptions(dryRun, null, Map.of());
    }

    /**
     * @param parameters a run's job parameters
     * @return the companies the run selected
     */
    static CompanySelection selectionOf(JobParameters parameters) {
        return CompanySelection.ofParameters(parameters.getString(FILTER), parameters.getLong(LIMIT),
                parameters.getString(IDS));
    }

    /**
     * Restarts a failed or stopped execution from its last committed chunk, in this process.
     * @param executionId the execution to restart
     * @return the new execution and the clients it used
     */
    public Launch restart(long executionId) {
        return restart(executionId, false);
    }

    /**
     * Restarts a failed or stopped execution from its last committed chunk, in this process.
     * @param executionId the execution to restart
     * @param crashed the execution is still marked running but its process died (crash, {@code kill -9}): mark it
     * FAILED first
     * @return the new execution and the clients it used
     */
    public Launch restart(long executionId, boolean crashed) {
        return startRestart(executionId, crashed).await();
    }

    /**
     * Restarts a failed or stopped execution on a thread of its own, and returns at once.
     * @param executionId the execution to restart
     * @param crashed see {@link #restart(long, boolean)}
     * @return the new, running execution
     */
    public Started startRestart(long executionId, boolean crashed) {
        JobExecution previous = JobExecutions.find(this.jobRepository, executionId).orElse(null);
        if (previous == null) {
            throw new JobDefinitionException(List.of("no job execution with id " + executionId));
        }
        if (previous.isRunning()) {
            if (!crashed) {
                throw new JobDefinitionException(List.of("execution " + executionId + " is still marked "
                        + previous.getStatus() + ". If its process died (crash, kill -9, lost machine), restart it "
                        + "with --crashed to mark it FAILED and resume; if it is running, wait or stop it"));
            }
            previous = this.jobOperator.recover(previous);
        }
        BatchStatus status = previous.getStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
            throw new JobDefinitionException(List.of("execution " + executionId + " of job '"
                    + previous.getJobInstance().getJobName() + "' is " + status
                    + ": only FAILED or STOPPED executions can be restarted"));
        }
        JobParameters parameters = previous.getJobParameters();
        String definition = parameters.getString(DEFINITION);
        if (definition == null) {
            throw new JobDefinitionException(List.of("execution " + executionId + " has no '" + DEFINITION
                    + "' parameter: it was not started by goodfit-sync"));
        }
        boolean dryRun = Boolean.parseBoolean(parameters.getString(DRY_RUN));
        SyncJob job = this.jobs.create(definition(Path.of(definition)), options(dryRun, selectionOf(parameters)));
        return start(job, parameters);
    }

    /**
     * The last FAILED or STOPPED execution of a job, for {@code restart --job}.
     * @param jobName the job's name
     * @return its id, or null when the job's last execution did not fail or stop
     */
    public @Nullable Long lastRestartable(String jobName) {
        var instance = this.jobRepository.getLastJobInstance(jobName);
        if (instance == null) {
            return null;
        }
        JobExecution last = this.jobRepository.getLastJobExecution(instance);
        if (last == null || (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED)) {
            return null;
        }
        return last.getId();
    }

    private Started start(SyncJob job, JobParameters parameters) {
        try {
            // One start at a time: the operator hands the job's thread back through a thread-local of this thread.
            synchronized (this.running) {
                if (this.running.isShuttingDown()) {
                    throw new JobDefinitionException(List.of("goodfit-sync is shutting down: job '"
                            + job.job().getName() + "' was not started"));
                }
                JobExecution execution = this.running.operator().start(job.job(), parameters);
                return this.running.track(execution, job);
            }
        }
        catch (JobExecutionAlreadyRunningException ex) {
            throw new JobDefinitionException(List.of("job '" + job.job().getName() + "' is already running with "
                    + "these parameters: stop it first ('goodfit-sync stop <execution-id>')"));
        }
        catch (JobInstanceAlreadyCompleteException ex) {
            throw new JobDefinitionException(List.of("this run of job '" + job.job().getName()
                    + "' already completed; nothing to restart"));
        }
        catch (JobRestartException | InvalidJobParametersException ex) {
            throw new JobDefinitionException(List.of("cannot start job '" + job.job().getName() + "': "
                    + ex.getMessage()));
        }
    }

    /**
     * A finished launch.
     *
     * @param execution the execution, with its status
     * @param job the job and its org clients
     */
    public record Launch(JobExecution execution, SyncJob job) {
    }

    /**
     * A launch whose job runs on a thread of its own.
     *
     * @param execution the execution, updated by the job's thread as it runs
     * @param job the job and its org clients
     * @param completion done when the job has ended
     */
    public record Started(JobExecution execution, SyncJob job, Future<?> completion) {

        /**
         * Waits for the job to end.
         * @return the finished launch
         */
        public Launch await() {
            try {
                this.completion.get();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while execution " + this.execution.getId() + " runs", ex);
            }
            catch (ExecutionException ex) {
                throw new IllegalStateException("execution " + this.execution.getId() + " ended abnormally",
                        ex.getCause());
            }
            return new Launch(this.execution, this.job);
        }

    }

}
