package com.goodfit.sync.jobs;

import org.springframework.batch.core.step.StepExecution;

/**
 * Builds a reader, processor or writer for the step that is starting, from what only the running execution knows
 * (its run id, what the validate step learnt).
 */
@FunctionalInterface
interface RunStepFactory<C> {

    C create(StepExecution stepExecution) throws Exception;

    /** The run (job instance) a step belongs to: a run's first execution and its restarts share its plan. */
    static long runIdOf(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

}
