package com.goodfit.sync.apply;

import com.goodfit.sync.apply.BulkJobEnding.Unprocessed;
import com.goodfit.sync.salesforce.BulkJobInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkJobEndingTests {

    private static final String TIMEOUT = "InternalServerError : retries exhausted";

    @Test
    void aCompletedJobWithNothingLeftOverIsSettled() {
        BulkJobEnding ending = BulkJobEnding.of(job(1), info("JobComplete", null), 0, "Accounts");

        assertThat(ending).isEqualTo(new BulkJobEnding("settled", null, Unprocessed.NONE, false));
    }

    @Test
    void aFirstJobFailingPartWayHasItsUnprocessedRecordsRetriedWithoutFailingTheStep() {
        BulkJobEnding ending = BulkJobEnding.of(job(1), info("Failed", TIMEOUT), 12, "Accounts");

        assertThat(ending).isEqualTo(new BulkJobEnding("failed",
                "Bulk job 750000000000001AAA (create Accounts) ended Failed: " + TIMEOUT, Unprocessed.RETRY, false));
    }

    @Test
    void aRetryFailingTooFailsTheStepAndRecordsWhatItLeftAsUnprocessedWithSalesforcesMessage() {
        BulkJobEnding ending = BulkJobEnding.of(job(2), info("Failed", TIMEOUT), 5, "Accounts");

        assertThat(ending.state()).isEqualTo("failed");
        assertThat(ending.unprocessed()).isEqualTo(Unprocessed.RECORD_FAILED);
        assertThat(ending.failsStep()).isTrue();
        assertThat(ending.unprocessedError().statusCode()).isEqualTo("BULK_UNPROCESSED");
        assertThat(ending.unprocessedError().message()).contains("750000000000001AAA").contains(TIMEOUT);
    }

    @Test
    void aRetryFailingAfterProcessingEverythingStillFailsTheStep() {
        BulkJobEnding ending = BulkJobEnding.of(job(2), info("Failed", null), 0, "Contacts");

        assertThat(ending).isEqualTo(new BulkJobEnding("failed",
                "Bulk job 750000000000001AAA (create Contacts) ended Failed: Salesforce gave no reason",
                Unprocessed.NONE, true));
    }

    @Test
    void aFirstJobFailingAfterProcessingEverythingLeavesEveryOutcomeAndGoesOn() {
        BulkJobEnding ending = BulkJobEnding.of(job(1), info("Failed", TIMEOUT), 0, "Accounts");

        assertThat(ending.unprocessed()).isEqualTo(Unprocessed.NONE);
        assertThat(ending.failsStep()).isFalse();
        assertThat(ending.message()).endsWith(TIMEOUT);
    }

    @Test
    void aCompletedRetryThatLeavesRecordsOverFailsTheStep() {
        BulkJobEnding ending = BulkJobEnding.of(job(2), info("JobComplete", null), 3, "Accounts");

        assertThat(ending).isEqualTo(new BulkJobEnding("settled", "Bulk job 750000000000001AAA (create Accounts) "
                + "ended JobComplete but left 3 records unprocessed", Unprocessed.RECORD_FAILED, true));
    }

    @Test
    void anAbortedJobFailsTheStepAtOnceAndLeavesItsRecordsPendingOnAnyAttempt() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            BulkJobEnding ending = BulkJobEnding.of(job(attempt), info("Aborted", null), 20, "Accounts");

            assertThat(ending).isEqualTo(new BulkJobEnding("aborted", "Bulk job 750000000000001AAA (create "
                    + "Accounts) ended Aborted: aborted in Salesforce, not by this run", Unprocessed.LEAVE_PENDING,
                    true));
        }
    }

    private static BulkJobs.BulkJob job(int attempt) {
        return new BulkJobs.BulkJob(1, "create", 1, 20, attempt, 20, "750000000000001AAA", "closed");
    }

    private static BulkJobInfo info(String state, String errorMessage) {
        return new BulkJobInfo("750000000000001AAA", "Account", "upsert", state, 8, 0, errorMessage);
    }

}
