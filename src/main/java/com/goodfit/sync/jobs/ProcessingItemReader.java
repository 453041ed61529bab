package com.goodfit.sync.jobs;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A reader whose items pass through a processor as they are read. Behind a {@link ReadAheadItemReader} the
 * processor runs on the reading thread, beside the step's own: the plan step normalises match keys there, the one
 * piece of its per-record work that neither depends on the record before nor must run in id order. The processor
 * must not filter: a filtered item would be lost from the step's counts rather than counted as filtered.
 */
final class ProcessingItemReader<S, T> implements ItemStreamReader<T> {

    private final ItemStreamReader<S> delegate;

    private final ItemProcessor<? super S, ? extends T> processor;

    ProcessingItemReader(ItemStreamReader<S> delegate, ItemProcessor<? super S, ? extends T> processor) {
        this.delegate = delegate;
        this.processor = processor;
    }

    @Override
    public @Nullable T read() throws Exception {
        S item = this.delegate.read();
        if (item == null) {
            return null;
        }
        T processed = this.processor.process(item);
        if (processed == null) {
            throw new IllegalStateException("the processor of a ProcessingItemReader filtered " + item
                    + "; only processors that never filter may run on the reader");
        }
        return processed;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        this.delegate.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        this.delegate.update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        this.delegate.close();
    }

}
