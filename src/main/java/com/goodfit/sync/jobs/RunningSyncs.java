package com.goodfit.sync.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.goodfit.sync.log.JobExecutions;
import com.goodfit.sync.log.SyncMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The sync jobs running in this process, each on a thread of its own, so a caller can follow a run's progress, and
 * so that shutdown (SIGTERM) stops them cleanly: each is asked to stop after its current chunk, ending STOPPED and
 * restartable, and shutdown waits up to the grace period ({@code goodfit.shutdown.grace-period}) for them.
 */
@Component
public class RunningSyncs implements SmartLifecycle, DisposableBean {

    private static final Log logger = LogFactory.getLog(RunningSyncs.class);

    /** How often a stop waits 50 ms for a run still STARTING to be STARTED (10 s in all). */
    private static final int STARTING_POLLS = 200;

    private final ExecutorService threads;

    private final ThreadLocal<Future<?>> submitted = new ThreadLocal<>();

    private final TaskExecutorJobOperator operator;

    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    private final Duration gracePeriod;

    private volatile boolean started;

    private volatile boolean shuttingDown;

    private final SyncMetrics metrics;

    private final JobRepository jobRepository;

    RunningSyncs(JobRepository jobRepository, ShutdownProperties shutdown, SyncMetrics metrics) {
        this.metrics = metrics;
        this.jobRepository = jobRepository;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> new Thread(task, "sync-" + count.incrementAndGet()));
        this.gracePeriod = shutdown.gracePeriod();
        this.operator = new TaskExecutorJobOperator();
        this.operator.setJobRepository(jobRepository);
        this.operator.setJobRegistry(new MapJobRegistry());
        // The operator submits the job on the caller's thread; the future is picked up right after start returns.
        TaskExecutor executor = task -> this.submitted.set(this.threads.submit(task));
        this.operator.setTaskExecutor(executor);
    }

    TaskExecutorJobOperator operator() {
        return this.operator;
    }

    /** Called on the thread that just called {@code operator().start(...)}. */
    SyncLauncher.Started track(JobExecution execution, SyncJob job) {
        Future<?> completion = this.submitted.get();
        this.submitted.remove();
        if (completion == null) {
            throw new IllegalStateException("no job was submitted for execution " + execution.getId());
        }
        SyncLauncher.Started started = new SyncLauncher.Started(execution, job, completion);
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        this.running.put(execution.getId(), new Running(execution, completion, recorded));
        this.threads.submit(() -> {
            try {
                awaitQuietly(completion);
                this.running.remove(execution.getId());
                this.metrics.record(execution);
            }
            finally {
                recorded.complete(null);
            }
        });
        return started;
    }

    /** @return the executions running in this process */
    public List<JobExecution> executions() {
        return this.running.values().stream().map(Running::execution).toList();
    }

    /**
     * @param executionId an execution
     * @return the execution when it runs in this process
     */
    public @Nullable JobExecution find(long executionId) {
        Running run = this.running.get(executionId);
        return (run != null) ? run.execution() : null;
    }

    /**
     * Marks an execution STOPPING in the job repository; the process running it (this or another) notices when it
     * commits its current chunk, and the execution ends STOPPED.
     * @param executionId the execution
     * @return false when it was not running
     */
    public boolean requestStop(long executionId) {
        int conflicts = 0;
        for (int attempt = 1;; attempt++) {
            // A copy from the repository, not the object the job's thread updates: sharing it races on its version.
            JobExecution current = JobExecutions.find(this.jobRepository, executionId).orElse(null);
            if (current == null || !current.isRunning()) {
                return false;
            }
            if (current.getStatus() == BatchStatus.STOPPING) {
                return true;
            }
            if (current.getStatus() == BatchStatus.STARTING && attempt < STARTING_POLLS) {
                // The job's thread is about to mark the run STARTED; a stop written first makes that update fail
                // on the execution's version, and the run ends FAILED instead of STOPPED.
                sleep(Duration.ofMillis(50));
                continue;
            }
            try {
                this.operator.stop(current);
                return true;
            }
            catch (JobExecutionNotRunningException ex) {
                return false;
            }
            catch (OptimisticLockingFailureException ex) {
                // The job's thread updated the execution meanwhile; read it again.
                if (++conflicts == 10) {
                    throw ex;
                }
                sleep(Duration.ofMillis(50));
            }
        }
    }

    /**
     * Waits for an execution running in this process to end.
     * @param executionId the execution
     * @param wait how long to wait at most
     * @return whether it has ended (or does not run in this process)
     */
    public boolean awaitEnd(long executionId, Duration wait) {
        Running run = this.running.get(executionId);
        if (run == null) {
            return true;
        }
        try {
            run.completion().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException ex) {
            return true;
        }
    }

    /**
     * Asks every running job to stop after its current chunk and waits for them up to the grace period.
     * @return the executions still running when the grace period ran out
     */
    public List<Long> stopAll() {
        List<Running> runs = List.copyOf(this.running.values());
        for (Running run : runs) {
            logger.info("Stopping execution " + run.execution().getId() + " of job '"
                    + run.execution().getJobInstance().getJobName() + "' (it ends STOPPED, restartable)");
            requestStop(run.execution().getId());
        }
        long deadline = System.nanoTime() + this.gracePeriod.toNanos();
        List<Long> left = new java.util.ArrayList<>();
        for (Running run : runs) {
            try {
                run.completion().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                // The run's metrics are read from the database: shutdown must not close it under them.
                run.recorded().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException ex) {
                left.add(run.execution().getId());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                left.add(run.execution().getId());
            }
            catch (ExecutionException ex) {
                // The job thread failed outside the job (the job records its own failures); it is no longer running.
                logger.warn("Execution " + run.execution().getId() + " ended with " + ex.getCause());
            }
        }
        if (!left.isEmpty()) {
            logger.warn("Executions " + left + " did not stop within " + this.gracePeriod + "; they stay marked "
                    + "running: resume them with 'goodfit-sync restart <execution-id> --crashed'");
        }
        return left;
    }

    @Override
    public void start() {
        // Also after a stop: test contexts are paused (stopped) and started again when reused.
        synchronized (this) {
            this.shuttingDown = false;
        }
        this.started = true;
    }

    /** @return whether shutdown has begun, after which no run may start (it would outlive the database) */
    boolean isShuttingDown() {
        return this.shuttingDown;
    }

    @Override
    public void stop() {
        if (this.started) {
            // Launches start under this monitor (SyncLauncher), so none slips in after the list of runs to stop.
            synchronized (this) {
                this.shuttingDown = true;
            }
            stopAll();
            this.started = false;
        }
    }

    @Override
    public void destroy() {
        this.threads.shutdown();
    }

    @Override
    public boolean isRunning() {
        return this.started;
    }

    @Override
    public int getPhase() {
        // Stopped before the web server and the scheduler's own lifecycle: the database stays up meanwhile.
        return Integer.MAX_VALUE - 100;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(Future<?> completion) {
        try {
            completion.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException ex) {
            logger.warn("A sync thread ended with " + ex.getCause());
        }
    }

    /**
     * @param execution the run
     * @param completion ends when the job does
     * @param recorded ends once the run's metrics are recorded, after the job
     */
    private record Running(JobExecution execution, Future<?> completion, Future<Void> recorded) {
    }

}
