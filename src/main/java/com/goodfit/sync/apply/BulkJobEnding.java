package com.goodfit.sync.apply;

import java.util.List;

import com.goodfit.sync.salesforce.BulkJobInfo;
import com.goodfit.sync.salesforce.RecordError;
import org.jspecify.annotations.Nullable;

/**
 * How a Bulk API 2.0 ingest job that has ended is settled once the results it has are recorded: what becomes of the
 * records it left unprocessed (still pending in its range), the state it is recorded in and whether the step fails.
 * <ul>
 * <li>{@code Aborted} (someone aborted it in Salesforce): the step fails at once; the unprocessed records stay
 * pending, so a restart sends them.</li>
 * <li>{@code Failed} part-way, or {@code JobComplete} with records left over, on the first attempt: the unprocessed
 * records are sent once more in a new job; the step goes on.</li>
 * <li>{@code Failed} on the second attempt, or records left over again: they are recorded as failed
 * ({@value BulkApplyTasklet#UNPROCESSED}) so that none stays without an outcome, and the step fails.</li>
 * </ul>
 *
 * @param state the {@code sync_bulk_job} state: {@code settled}, {@code failed} or {@code aborted}
 * @param message what went wrong, with Salesforce's message; null when the job completed with nothing left over
 * @param unprocessed what becomes of the records still pending in the job's range
 * @param failsStep whether the step fails with {@code message} once this is committed
 */
record BulkJobEnding(String state, @Nullable String message, Unprocessed unprocessed, boolean failsStep) {

    /**
     * @param job the job as recorded
     * @param info how it ended in Salesforce (a terminal state)
     * @param unprocessed how many of its records are still pending after its results were recorded
     * @param objects what it wrote, e.g. {@code Accounts}
     * @return how to settle it
     */
    static BulkJobEnding of(BulkJobs.BulkJob job, BulkJobInfo info, int unprocessed, String objects) {
        String ended = "Bulk job %s (%s %s) ended %s".formatted(job.sfJobId(), job.operation(), objects,
                info.state());
        if ("Aborted".equals(info.state())) {
            // Our own aborts happen only before UploadComplete and never reach here: someone else stopped it.
            return new BulkJobEnding("aborted", ended + ": " + reason(info, "aborted in Salesforce, not by this run"),
                    Unprocessed.LEAVE_PENDING, true);
        }
        boolean retried = job.attempt() > 1;
        Unprocessed left = (unprocessed == 0) ? Unprocessed.NONE
                : (retried ? Unprocessed.RECORD_FAILED : Unprocessed.RETRY);
        if (!info.complete()) {
            return new BulkJobEnding("failed", ended + ": " + reason(info, "Salesforce gave no reason"), left,
                    retried);
        }
        if (left == Unprocessed.NONE) {
            return new BulkJobEnding("settled", null, left, false);
        }
        return new BulkJobEnding("settled", ended + " but left " + unprocessed + " records unprocessed", left,
                retried);
    }

    private static String reason(BulkJobInfo info, String otherwise) {
        return (info.errorMessage() != null && !info.errorMessage().isBlank()) ? info.errorMessage() : otherwise;
    }

    /**
     * @return the error recorded for each record left unprocessed twice: it names the last job and carries
     * Salesforce's message, which the connector log shows beside the record
     */
    RecordError unprocessedError() {
        return new RecordError(BulkApplyTasklet.UNPROCESSED,
                "Salesforce left the record unprocessed in two Bulk jobs: " + this.message, List.of());
    }

    /** What becomes of the records a job left unprocessed. */
    enum Unprocessed {

        /** The job left none. */
        NONE,
        /** Sent once more in a new job (attempt 2). */
        RETRY,
        /** Recorded as failed {@value BulkApplyTasklet#UNPROCESSED}. */
        RECORD_FAILED,
        /** Left pending for a restart to send. */
        LEAVE_PENDING

    }

}
