package com.goodfit.sync.database;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads that take half of a chunk's per-row work (field decisions, JSON, COPY encoding) off the thread that
 * holds the chunk's transaction. Not the common pool: with two cores its parallelism is one, and
 * {@code CompletableFuture} then starts a new thread for every task handed to it, several per chunk.
 */
public final class WorkerPool {

    private static final ForkJoinPool POOL = new ForkJoinPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("goodfit-worker-" + thread.getPoolIndex());
                return thread;
            }, null, false);

    private WorkerPool() {
    }

    public static Executor executor() {
        return POOL;
    }

    /** @return whether handing work to another thread can save time here (more than one core) */
    public static boolean worthSplitting() {
        return Runtime.getRuntime().availableProcessors() > 1;
    }

}
