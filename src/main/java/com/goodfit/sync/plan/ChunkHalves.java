package com.goodfit.sync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.goodfit.sync.database.TaskFailures;
import com.goodfit.sync.database.WorkerPool;
import org.jspecify.annotations.Nullable;

/**
 * Runs a chunk's per-item work in two halves, the second on a {@link WorkerPool} thread while the step's thread
 * does the first. The plan step's record-by-record matching must run in id order on one thread; the work after it
 * (field decisions, the plan rows' JSON) depends on no other record, and on that one thread it was most of the step.
 * The work must be thread-safe and must not depend on the order items are handled in; results keep the items' order.
 */
final class ChunkHalves {

    /** Below this, handing half a chunk to another thread costs more than it saves. */
    private static final int MIN_ITEMS = 500;

    private ChunkHalves() {
    }

    /**
     * @param items the chunk's items
     * @param work what each item becomes; null drops it
     * @return the items' results, in the items' order, without the dropped ones
     * @throws Exception the first failure of the work, as thrown
     */
    static <T, R> List<R> map(List<? extends T> items, ItemWork<T, R> work) throws Exception {
        if (items.size() < MIN_ITEMS || !WorkerPool.worthSplitting()) {
            return mapRange(items, work);
        }
        int half = items.size() / 2;
        CompletableFuture<List<R>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return mapRange(items.subList(half, items.size()), work);
            }
            catch (Exception ex) {
                throw new CompletionException(ex);
            }
        }, WorkerPool.executor());
        List<R> results = mapRange(items.subList(0, half), work);
        try {
            results.addAll(second.join());
        }
        catch (CompletionException ex) {
            throw TaskFailures.asThrown(ex);
        }
        return results;
    }

    private static <T, R> List<R> mapRange(List<? extends T> items, ItemWork<T, R> work) throws Exception {
        List<R> results = new ArrayList<>(items.size());
        for (T item : items) {
            R result = work.apply(item);
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }

    /** An item's work, which may throw what an ItemProcessor throws. */
    @FunctionalInterface
    interface ItemWork<T, R> {

        @Nullable R apply(T item) throws Exception;

    }

}
