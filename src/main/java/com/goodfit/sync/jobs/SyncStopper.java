package com.goodfit.sync.jobs;

import java.time.Duration;
import java.util.List;

import com.goodfit.sync.log.JobExecutions;
import com.goodfit.sync.mapping.JobDefinitionException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Stops a running execution cleanly: its status becomes STOPPING in the job repository, which the process running it
 * (this one or another sharing the database) notices when it commits its current chunk; it then ends STOPPED and
 * can be restarted from there.
 */
@Component
public class SyncStopper {

    private final JobRepository jobRepository;

    private final RunningSyncs running;

    SyncStopper(JobRepository jobRepository, RunningSyncs running) {
        this.jobRepository = jobRepository;
        this.running = running;
    }

    /**
     * @param executionId a running execution
     * @param wait how long to wait for it to stop
     * @return whether it stopped within the wait or is still stopping
     * @throws JobDefinitionException when there is no such execution or it is not running
     */
    public Result stop(long executionId, Duration wait) {
        JobExecution execution = JobExecutions.find(this.jobRepository, executionId).orElse(null);
        if (execution == null) {
            throw new JobDefinitionException(List.of("no job execution with id " + executionId));
        }
        if (execution.getStatus() != BatchStatus.STOPPING && !this.running.requestStop(executionId)) {
            throw notRunning(execution);
        }
        return awaitStopped(executionId, wait);
    }

    private Result awaitStopped(long executionId, Duration wait) {
        if (this.running.find(executionId) != null) {
            // In this process the job's own thread is the authority on when it has ended.
            return this.running.awaitEnd(executionId, wait) ? Result.STOPPED : Result.STOPPING;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JobExecution current = JobExecutions.find(this.jobRepository, executionId).orElse(null);
            // The operator marks the execution STOPPING at once; it has ended when its own thread says so.
            if (current != null && !current.isRunning()) {
                return Result.STOPPED;
            }
            if (System.nanoTime() >= deadline) {
                return Result.STOPPING;
            }
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Result.STOPPING;
            }
        }
    }

    private static JobDefinitionException notRunning(JobExecution execution) {
        return new JobDefinitionException(List.of("execution " + execution.getId() + " of job '"
                + execution.getJobInstance().getJobName() + "' is " + execution.getStatus()
                + ": only a running execution can be stopped"));
    }

    /** What came of a stop request. */
    public enum Result {

        /** The execution has ended. */
        STOPPED,

        /** The execution was asked to stop and has not ended yet (it finishes its current chunk first). */
        STOPPING

    }

}
