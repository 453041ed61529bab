package com.goodfit.sync.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records batches of results on a few threads, each batch in a transaction of its own. Recording is the database's
 * share of applying a Bulk job's results, and one thread left the second core idle. Batches touch disjoint plan
 * rows; a batch that is not committed leaves its rows pending, which a restart reads again.
 */
final class ParallelRecording implements AutoCloseable {

    private final OutcomeRecorder recorder;

    private final TransactionTemplate transactions;

    private final ExecutorService threads;

    private final List<Future<?>> batches = new ArrayList<>();

    ParallelRecording(OutcomeRecorder recorder, PlatformTransactionManager transactionManager, int threads) {
        this.recorder = recorder;
        this.transactions = new TransactionTemplate(transactionManager);
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bulk-record");
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(OutcomeRecorder.ApplyRun run, List<WriteResult> results) {
        this.batches.add(this.threads.submit(
                () -> this.transactions.executeWithoutResult(status -> this.recorder.record(run, results))));
    }

    /** Waits for every batch; the first failure is rethrown (the others have committed or rolled back). */
    void awaitAll() {
        try {
            for (Future<?> batch : this.batches) {
                batch.get();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording Bulk results", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("recording Bulk results failed", ex.getCause());
        }
        finally {
            this.batches.clear();
        }
    }

    @Override
    public void close() {
        this.threads.shutdownNow();
    }

}
