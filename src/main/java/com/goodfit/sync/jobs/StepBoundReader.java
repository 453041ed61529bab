package com.goodfit.sync.jobs;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A reader built when its step opens, for readers that need the running execution (the plan of this run). Register
 * it as the step's reader and as a listener.
 */
final class StepBoundReader<T> implements ItemStreamReader<T>, StepExecutionListener {

    private final RunStepFactory<ItemStreamReader<T>> factory;

    private @Nullable ItemStreamReader<T> delegate;

    StepBoundReader(RunStepFactory<ItemStreamReader<T>> factory) {
        this.factory = factory;
    }

    private @Nullable StepExecution stepExecution;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        if (this.stepExecution == null) {
            throw new IllegalStateException("StepBoundReader was not registered as a step listener");
        }
        try {
            this.delegate = this.factory.create(this.stepExecution);
        }
        // Spring Batch's reader builders declare Exception; ItemStreamException is how a reader reports it.
        catch (Exception ex) {
            throw new ItemStreamException("Cannot open the reader of step '" + this.stepExecution.getStepName()
                    + "': " + ex.getMessage(), ex);
        }
        this.delegate.open(executionContext);
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

}
