package com.goodfit.sync.jobs;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * A writer built when its step starts, for writers that need the running execution's id. Register it as the step's
 * writer and as a listener.
 */
final class StepBoundWriter<T> implements ItemWriter<T>, StepExecutionListener {

    private final Function<StepExecution, ItemWriter<T>> factory;

    private @Nullable ItemWriter<T> delegate;

    StepBoundWriter(Function<StepExecution, ItemWriter<T>> factory) {
        this.factory = factory;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.delegate = this.factory.apply(stepExecution);
    }

    @Override
    public void write(Chunk<? extends T> chunk) throws Exception {
        if (this.delegate == null) {
            throw new IllegalStateException("StepBoundWriter was not registered as a step listener");
        }
        this.delegate.write(chunk);
    }

}
