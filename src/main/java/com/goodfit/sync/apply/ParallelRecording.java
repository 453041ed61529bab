package com.goodfit.sync.apply;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.goodfit.sync.salesforce.SaveResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records batches of results on a few threads, each batch in a transaction of its own, for both write APIs.
 * Recording is the database's share of applying a plan, and done on the step's one thread it was the bottleneck.
 * Batches touch disjoint plan rows; a batch that is not committed leaves its rows pending, which a restart reads
 * again.
 */
final class ParallelRecording implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(ParallelRecording.class);

    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final OutcomeRecorder recorder;

    private final TransactionTemplate transactions;

    private final ExecutorService threads;

    /**
     * @param threads how many batches are recorded at once; each holds a database connection while it records
     * @param threadName the recording threads' name
     */
    ParallelRecording(OutcomeRecorder recorder, PlatformTransactionManager transactionManager, int threads,
            String threadName) {
        this.recorder = recorder;
        this.transactions = new TransactionTemplate(transactionManager);
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return how many results the batch held, once it is committed */
    CompletableFuture<Integer> record(OutcomeRecorder.ApplyRun run, List<WriteResult> results) {
        return CompletableFuture.supplyAsync(() -> this.transactions.execute(status -> {
            this.recorder.record(run, results);
            return results.size();
        }), this.threads);
    }

    /**
     * Records results keyed by source id against the plan rows of one operation that are still pending.
     * @see OutcomeRecorder#recordPending
     * @return how many results were recorded, once the batch is committed
     */
    CompletableFuture<Integer> recordPending(OutcomeRecorder.ApplyRun run, boolean create,
            Map<Long, SaveResult> results, Function<Collection<Long>, List<PendingWrite>> pending) {
        return CompletableFuture.supplyAsync(() -> this.transactions
            .execute(status -> this.recorder.recordPending(run, create, results, pending)), this.threads);
    }

    /** Waits for every batch; the first failure is rethrown (the others have committed or rolled back). */
    static void awaitAll(List<CompletableFuture<Integer>> batches) {
        try {
            for (CompletableFuture<Integer> batch : batches) {
                batch.get();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording results", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("recording results failed", ex.getCause());
        }
    }

    /** Stops and waits, so that nothing is still recording when a restart (in this JVM) reads the pending plan. */
    @Override
    public void close() {
        this.threads.shutdownNow();
        try {
            if (!this.threads.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                logger.warn("Recording threads did not stop within {} s", STOP_TIMEOUT_SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
