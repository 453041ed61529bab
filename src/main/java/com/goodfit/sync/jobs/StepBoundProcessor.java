package com.goodfit.sync.jobs;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * A processor built when its step starts, for processors that need what an earlier step learnt (the org's
 * describe). Register it in the chain and as a listener.
 */
final class StepBoundProcessor<I, O> implements ItemProcessor<I, O>, StepExecutionListener {

    private final Function<StepExecution, ItemProcessor<I, O>> factory;

    private @Nullable ItemProcessor<I, O> delegate;

    StepBoundProcessor(Function<StepExecution, ItemProcessor<I, O>> factory) {
        this.factory = factory;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.delegate = this.factory.apply(stepExecution);
    }

    @Override
    public @Nullable O process(I item) throws Exception {
        if (this.delegate == null) {
            throw new IllegalStateException("StepBoundProcessor was not registered as a step listener");
        }
        return this.delegate.process(item);
    }

}
