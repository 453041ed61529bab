package com.goodfit.sync.jobs;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A reader built when its step starts, for readers that need the running execution's id (the plan of this run).
 * Register it as the step's reader and as a listener.
 */
final class StepBoundReader<T> implements ItemStreamReader<T>, StepExecutionListener {

    private final StepFactory<ItemStreamReader<T>> factory;

    private @Nullable ItemStreamReader<T> delegate;

    StepBoundReader(StepFactory<ItemStreamReader<T>> factory) {
        this.factory = factory;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.delegate = this.factory.create(stepExecution);
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        delegate().open(executionContext);
    }

    @Override
    public @Nullable T read() throws Exception {
        return delegate().read();
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        delegate().update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        if (this.delegate != null) {
            this.delegate.close();
        }
    }

    private ItemStreamReader<T> delegate() {
        if (this.delegate == null) {
            throw new IllegalStateException("StepBoundReader was not registered as a step listener");
        }
        return this.delegate;
    }

    /** Builds a component for the step that is starting. */
    @FunctionalInterface
    interface StepFactory<C> {

        C create(StepExecution stepExecution);

        static <C> StepFactory<C> of(Function<StepExecution, C> function) {
            return function::apply;
        }

    }

}
