package com.goodfit.sync.jobs;

import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.mapping.ApiChoice;
import com.goodfit.sync.mapping.ApplySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * An apply step that chooses its write API when it starts: Bulk API 2.0 ingest when the step's pending plan holds at
 * least {@code bulk-threshold} records, else sObject Collections, unless the job definition's {@code api} forces one.
 * The choice and its reason are logged and kept in the step's execution context ({@link ConnectorLog#API_CHOICE_KEY})
 * for the run summary. A restart keeps the choice of the execution it resumes, and always resumes an unsettled Bulk
 * job, so a crash never sends the same records through both APIs at once.
 */
final class ApplyApiStep implements Step {

    private static final Logger logger = LoggerFactory.getLogger(ApplyApiStep.class);

    private final String name;

    private final Step collections;

    private final Step bulk;

    private final ApplySettings settings;

    private final ToLongFunction<StepExecution> pending;

    private final Predicate<StepExecution> unsettledBulkJob;

    ApplyApiStep(String name, Step collections, Step bulk, ApplySettings settings,
            ToLongFunction<StepExecution> pending, Predicate<StepExecution> unsettledBulkJob) {
        this.name = name;
        this.collections = collections;
        this.bulk = bulk;
        this.settings = settings;
        this.pending = pending;
        this.unsettledBulkJob = unsettledBulkJob;
    }

    @Override
    public String getName() {
        return this.name;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        ExecutionContext context = stepExecution.getExecutionContext();
        String choice = context.containsKey(ConnectorLog.API_CHOICE_KEY) ? context.getString(ConnectorLog.API_CHOICE_KEY)
                : null;
        if (this.unsettledBulkJob.test(stepExecution)) {
            choice = "bulk: resuming a Bulk job started before the restart";
        }
        else if (choice == null) {
            choice = choose(this.pending.applyAsLong(stepExecution));
        }
        logger.info("{}: {}", this.name, choice);
        context.putString(ConnectorLog.API_CHOICE_KEY, choice);
        (choice.startsWith("bulk") ? this.bulk : this.collections).execute(stepExecution);
    }

    private String choose(long pendingRecords) {
        int threshold = this.settings.bulkThreshold();
        if (this.settings.api() == ApiChoice.BULK) {
            return "bulk: forced by 'api: bulk' (%,d pending records)".formatted(pendingRecords);
        }
        if (this.settings.api() == ApiChoice.COLLECTIONS) {
            return "collections: forced by 'api: collections' (%,d pending records)".formatted(pendingRecords);
        }
        if (pendingRecords >= threshold) {
            return "bulk: %,d pending records >= bulk-threshold %,d".formatted(pendingRecords, threshold);
        }
        return "collections: %,d pending records < bulk-threshold %,d".formatted(pendingRecords, threshold);
    }

}
