package com.goodfit.sync.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.log.LogPruner;
import com.goodfit.sync.mapping.JobDefinitionException;
import com.goodfit.sync.source.filter.CompanySelection;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs every job definition that has a {@code schedule} on its cron, in the configured time zone, one run of a job at
 * a time across every {@code serve} process ({@link JobLocks}): a tick that finds the job running is skipped and
 * logged. A scheduled run that FAILS is restarted from its last committed chunk up to {@code goodfit.admin.retries}
 * times, waiting {@code retry-backoff} before the first and twice as long before each next one. Also prunes the
 * connector log once a day. Started by {@code serve} only.
 */
@Component
class SyncScheduler implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(SyncScheduler.class);

    private final JobCatalog catalog;

    private final SyncLauncher launcher;

    private final JobLocks locks;

    private final LogPruner pruner;

    private final AdminProperties properties;

    private volatile ThreadPoolTaskScheduler scheduler;

    SyncScheduler(JobCatalog catalog, SyncLauncher launcher, JobLocks locks, LogPruner pruner,
            AdminProperties properties) {
        this.catalog = catalog;
        this.launcher = launcher;
        this.locks = locks;
        this.pruner = pruner;
        this.properties = properties;
    }

    /**
     * Schedules the jobs of the jobs folder.
     * @return the scheduled jobs, as {@code name: cron}
     */
    synchronized List<String> schedule() {
        List<String> scheduled = new ArrayList<>();
        List<JobCatalog.Entry> entries = this.catalog.entries();
        ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
        // A scheduled run holds its thread until it ends, so every job has one, plus one for pruning.
        tasks.setPoolSize(entries.size() + 1);
        tasks.setThreadNamePrefix("schedule-");
        tasks.initialize();
        // Cron ticks are one-shot delayed tasks: without this they would go on firing after shutdown.
        tasks.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        for (JobCatalog.Entry entry : entries) {
            if (entry.definition() == null) {
                logger.warn("Not scheduling job '" + entry.name() + "': " + String.join("; ", entry.problems()));
                continue;
            }
            String cron = entry.definition().schedule();
            if (cron == null) {
                continue;
            }
            tasks.schedule(() -> tick(entry.name(), entry.file()), new CronTrigger(cron, this.properties.timeZone()));
            scheduled.add(entry.name() + ": " + cron);
        }
        tasks.scheduleAtFixedRate(this::prune, Instant.now().plus(Duration.ofMinutes(1)), Duration.ofDays(1));
        this.scheduler = tasks;
        return scheduled;
    }

    /** One tick of a job's schedule: run it unless it is running, and restart it while it fails. */
    void tick(String jobName, Path file) {
        Optional<SyncLauncher.Started> started;
        try {
            started = this.locks.launch(jobName, () -> this.launcher.start(file, false, CompanySelection.all()));
        }
        catch (JobDefinitionException ex) {
            logger.error("Scheduled run of job '" + jobName + "' cannot start: " + String.join("; ", ex.problems()));
            return;
        }
        if (started.isEmpty()) {
            logger.info("Skipped the scheduled run of job '" + jobName + "': a run of it is still going (in this or "
                    + "another serve process)");
            return;
        }
        SyncLauncher.Launch launch = awaitEnd(started.get());
        if (launch == null) {
            return;
        }
        logger.info("Scheduled run of job '" + jobName + "' (execution " + launch.execution().getId() + ") ended "
                + launch.execution().getStatus());
        retryWhileFailed(jobName, launch);
    }

    private void retryWhileFailed(String jobName, SyncLauncher.Launch first) {
        SyncLauncher.Launch launch = first;
        Duration wait = this.properties.retryBackoff();
        for (int attempt = 1; attempt <= this.properties.retries()
                && launch.execution().getStatus() == BatchStatus.FAILED; attempt++) {
            long failed = launch.execution().getId();
            logger.info("Restarting failed execution " + failed + " of job '" + jobName + "' in " + wait + " (retry "
                    + attempt + " of " + this.properties.retries() + ")");
            if (!sleep(wait)) {
                return;
            }
            Optional<SyncLauncher.Started> restarted = this.locks.launch(jobName,
                    () -> this.launcher.startRestart(failed, false));
            if (restarted.isEmpty()) {
                logger.info("Not restarting execution " + failed + ": job '" + jobName + "' is running again");
                return;
            }
            launch = awaitEnd(restarted.get());
            if (launch == null) {
                return;
            }
            logger.info("Restart of job '" + jobName + "' (execution " + launch.execution().getId() + ") ended "
                    + launch.execution().getStatus());
            wait = wait.multipliedBy(2);
        }
    }

    /** @return the finished launch, or null when serve is shutting down (which stops the run itself) */
    private static SyncLauncher.@Nullable Launch awaitEnd(SyncLauncher.Started started) {
        try {
            started.completion().get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (ExecutionException ex) {
            logger.error("Execution " + started.execution().getId() + " ended abnormally", ex.getCause());
            return null;
        }
        return started.await();
    }

    private void prune() {
        long deleted = this.pruner.prune(this.pruner.retention());
        logger.info("Pruned " + deleted + " log rows (outcomes, errors, Bulk jobs) older than "
                + this.pruner.retention().toDays() + " days");
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public void start() {
        // Started by the serve command through schedule().
    }

    @Override
    public synchronized void stop() {
        ThreadPoolTaskScheduler tasks = this.scheduler;
        if (tasks != null) {
            // No new ticks; runs in progress are stopped by RunningSyncs, in a later phase.
            // Without interrupting a tick in progress: it waits for its run, which RunningSyncs stops next.
            tasks.getScheduledExecutor().shutdown();
            this.scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.scheduler != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

}
