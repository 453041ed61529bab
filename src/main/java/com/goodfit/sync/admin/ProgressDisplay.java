package com.goodfit.sync.admin;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.log.ExecutionLog;
import com.goodfit.sync.log.RunProgress;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Follows a running launch until it ends: on a terminal, a live progress bar (records done / total, rate, ETA, API
 * calls); otherwise a progress line in the log now and then.
 */
@Component
class ProgressDisplay {

    private static final Log logger = LogFactory.getLog(ProgressDisplay.class);

    private static final int WIDTH = 30;

    private final ExecutionLog log;

    ProgressDisplay(ExecutionLog log) {
        this.log = log;
    }

    /**
     * Blocks until the launch ends.
     * @param started the running launch
     * @param out the terminal
     * @return the finished launch
     */
    SyncLauncher.Launch follow(SyncLauncher.Started started, PrintWriter out) {
        boolean interactive = System.console() != null;
        Duration interval = interactive ? Duration.ofMillis(500) : Duration.ofSeconds(15);
        long executionId = started.execution().getId();
        long startNanos = System.nanoTime();
        boolean drawn = false;
        while (!started.completion().isDone()) {
            try {
                started.completion().get(interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            catch (java.util.concurrent.TimeoutException ex) {
                RunProgress progress = this.log.progress(executionId).orElse(null);
                if (progress == null) {
                    continue;
                }
                long apiCalls = started.job().clients().usage().apiCalls();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
                if (interactive) {
                    out.print("\r" + bar(progress, elapsed, apiCalls));
                    out.flush();
                    drawn = true;
                }
                else {
                    logger.info("Execution " + executionId + ": " + line(progress, elapsed, apiCalls));
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (java.util.concurrent.ExecutionException ex) {
                break;
            }
        }
        if (drawn) {
            out.println();
        }
        return started.await();
    }

    static String bar(RunProgress progress, Duration elapsed, long apiCalls) {
        long goal = Math.max(progress.goal(), progress.done());
        int filled = (goal == 0) ? 0 : (int) (WIDTH * progress.done() / goal);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + line(progress, elapsed, apiCalls)
                + "   ";
    }

    static String line(RunProgress progress, Duration elapsed, long apiCalls) {
        long goal = Math.max(progress.goal(), progress.done());
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        double rate = progress.done() / seconds;
        String eta = (rate > 0 && goal > progress.done())
                ? formatDuration(Duration.ofSeconds((long) ((goal - progress.done()) / rate))) : "-";
        String phase = progress.isApplying() ? "applied" : "planned";
        return String.format(Locale.ROOT, "%s %d/%d %s (%d%%), %.0f records/s, ETA %s, %d API calls",
                (progress.step() != null) ? progress.step() : "starting", progress.done(), goal, phase,
                (goal == 0) ? 0 : 100 * progress.done() / goal, rate, eta, apiCalls);
    }

    private static String formatDuration(Duration duration) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(),
                duration.toSecondsPart());
    }

}
