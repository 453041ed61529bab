package com.goodfit.sync.apply;

import java.util.List;

import com.goodfit.sync.salesforce.BulkIngestClient;
import com.goodfit.sync.source.SourceObject;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the Bulk API 2.0 apply of one step (see {@link BulkApplyTasklet}).
 */
@Component
public class BulkApply {

    private final BulkPlanRows rows;

    private final BulkJobs jobs;

    private final OutcomeRecorder recorder;

    private final PlatformTransactionManager transactionManager;

    BulkApply(BulkPlanRows rows, BulkJobs jobs, OutcomeRecorder recorder, PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.jobs = jobs;
        this.recorder = recorder;
        this.transactionManager = transactionManager;
    }

    /**
     * @param bulk the org's ingest client
     * @param jobName the job
     * @param target what is written and how it is keyed
     * @param limits how large one job may be
     * @return a tasklet for one step execution
     */
    public BulkApplyTasklet tasklet(BulkIngestClient bulk, String jobName, ApplyTarget target,
            BulkApplyTasklet.Limits limits) {
        return new BulkApplyTasklet(bulk, this.rows, this.jobs, this.recorder, jobName, target, limits,
                this.transactionManager);
    }

    /**
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @return whether the run has a Bulk job of that object that is not settled yet (a restart must resume it)
     */
    public boolean hasUnsettledJob(long jobInstanceId, SourceObject object) {
        return this.jobs.unsettled(jobInstanceId, object, List.of()).isPresent();
    }

}
