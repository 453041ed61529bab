package com.goodfit.sync.database;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Runs a producer on a thread of its own and hands what it produces to the calling thread through a small bounded
 * queue, so that producing (downloading, parsing, encoding) overlaps with the caller's database writes, which stay
 * on the caller's thread and in its transaction. The producer's own exception reaches the caller as it was thrown.
 * Closing stops the producer.
 *
 * @param <T> what is handed over
 */
public final class BackgroundProducer<T> implements AutoCloseable {

    private static final Object END = new Object();

    private final String name;

    private final BlockingQueue<Object> handed;

    private final FutureTask<Void> task;

    /** Whether the end has been handed over (only the caller's thread reads and writes it). */
    private boolean ended;

    private BackgroundProducer(String name, int capacity, Producer<T> producer) {
        this.name = name;
        this.handed = new ArrayBlockingQueue<>(capacity);
        this.task = new FutureTask<>(() -> {
            producer.produce(this::hand);
            this.handed.put(END);
            return null;
        });
    }

    /**
     * @param name the producer's thread, named in errors too
     * @param capacity how many items may wait for the caller
     * @param producer hands its items to the sink it is given
     * @return the running producer
     */
    public static <T> BackgroundProducer<T> start(String name, int capacity, Producer<T> producer) {
        BackgroundProducer<T> started = new BackgroundProducer<>(name, capacity, producer);
        Thread thread = new Thread(started.task, name);
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /**
     * @return the next item, or null once the producer has finished
     * @throws RuntimeException the producer's own, as soon as it has failed
     */
    @SuppressWarnings("unchecked")
    public @Nullable T next() {
        if (this.ended) {
            return null;
        }
        try {
            while (true) {
                Object item = this.handed.poll(100, TimeUnit.MILLISECONDS);
                if (item == null && this.task.isDone()) {
                    rethrowFailure();
                    item = this.handed.poll();
                    if (item == null) {
                        throw new IllegalStateException(this.name + " stopped before its end");
                    }
                }
                if (item == END) {
                    this.ended = true;
                    return null;
                }
                if (item != null) {
                    return (T) item;
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this.name, ex);
        }
    }

    @Override
    public void close() {
        this.task.cancel(true);
    }

    private void hand(T item) {
        try {
            this.handed.put(item);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(this.name + " was interrupted", ex);
        }
    }

    private void rethrowFailure() throws InterruptedException {
        try {
            this.task.get();
        }
        catch (ExecutionException ex) {
            throw TaskFailures.unchecked(ex, this.name + " failed");
        }
    }

    /**
     * Produces the items.
     *
     * @param <T> what is handed over
     */
    @FunctionalInterface
    public interface Producer<T> {

        /**
         * @param sink takes each item, waiting while the caller is behind
         * @throws InterruptedException when the producer is stopped while it waits
         */
        void produce(Consumer<T> sink) throws InterruptedException;

    }

}
