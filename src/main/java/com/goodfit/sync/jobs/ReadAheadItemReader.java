package com.goodfit.sync.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.goodfit.sync.database.TaskFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the next chunk's items on a thread of its own while the step processes and writes the current chunk, so
 * that the source query and the mapping of its rows overlap the plan's work instead of coming before it.
 * <p>
 * Once opened, the delegate is used by the reading thread alone. Its restart state is taken on that thread after
 * each chunk's worth of items and handed to the step only when the step has taken that chunk whole, so a restart
 * resumes after the last committed chunk exactly as with the delegate alone. The step's chunk size must therefore be
 * the batch size given here; a state asked for in the middle of a batch is refused rather than guessed. A failure to
 * read reaches the step when it reaches the item that could not be read.
 */
final class ReadAheadItemReader<T> implements ItemStreamReader<T> {

    private static final Logger logger = LoggerFactory.getLogger(ReadAheadItemReader.class);

    private final ItemStreamReader<T> delegate;

    private final int batchSize;

    private final String threadName;

    private @Nullable ExecutorService reading;

    private @Nullable Future<Batch<T>> next;

    private Batch<T> current = new Batch<>(List.of(), Map.of(), false);

    private int position;

    /**
     * @param delegate the reader whose items are read ahead
     * @param batchSize the step's chunk size
     * @param threadName the name of the reading thread
     */
    ReadAheadItemReader(ItemStreamReader<T> delegate, int batchSize, String threadName) {
        this.delegate = delegate;
        this.batchSize = batchSize;
        this.threadName = threadName;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        this.delegate.open(executionContext);
        this.current = new Batch<>(List.of(), stateOf(this.delegate), false);
        this.position = 0;
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, this.threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.reading = executor;
        this.next = executor.submit(this::readBatch);
    }

    @Override
    public @Nullable T read() throws Exception {
        while (this.position == this.current.items().size()) {
            if (this.current.last() || this.next == null) {
                return null;
            }
            this.current = await(this.next);
            this.position = 0;
            this.next = (this.current.last() || this.reading == null) ? null : this.reading.submit(this::readBatch);
        }
        return this.current.items().get(this.position++);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        if (this.position != this.current.items().size()) {
            throw new ItemStreamException("Read-ahead state asked for after " + this.position + " of a batch of "
                    + this.current.items().size() + " items: the step's chunk size must be " + this.batchSize);
        }
        this.current.state().forEach(executionContext::put);
    }

    @Override
    public void close() throws ItemStreamException {
        ExecutorService executor = this.reading;
        this.reading = null;
        this.next = null;
        if (executor != null) {
            // The batch being read finishes first: the delegate is not closed under the reading thread.
            executor.shutdown();
            try {
                if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    logger.warn("The read-ahead thread {} is still reading after a minute; closing its reader",
                            this.threadName);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.delegate.close();
    }

    /** On the reading thread: the next batch and the delegate's state right after it. */
    private Batch<T> readBatch() throws Exception {
        List<T> items = new ArrayList<>(this.batchSize);
        while (items.size() < this.batchSize) {
            T item = this.delegate.read();
            if (item == null) {
                break;
            }
            items.add(item);
        }
        return new Batch<>(items, stateOf(this.delegate), items.size() < this.batchSize);
    }

    private static Map<String, Object> stateOf(ItemStreamReader<?> reader) {
        ExecutionContext state = new ExecutionContext();
        reader.update(state);
        return state.toMap();
    }

    private static <T> Batch<T> await(Future<Batch<T>> batch) throws Exception {
        try {
            return batch.get();
        }
        catch (ExecutionException ex) {
            throw TaskFailures.asThrown(ex);
        }
    }

    /**
     * Items read ahead.
     *
     * @param items up to a batch of them
     * @param state the delegate's restart state after the last of them
     * @param last whether the delegate had no more
     */
    private record Batch<T>(List<T> items, Map<String, Object> state, boolean last) {
    }

}
