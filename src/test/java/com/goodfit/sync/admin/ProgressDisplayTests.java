package com.goodfit.sync.admin;

import java.time.Duration;

import com.goodfit.sync.log.RunProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTests {

    @Test
    void planningShowsRecordsPlannedOfTheSelectionWithRateAndEta() {
        RunProgress progress = new RunProgress("plan-accounts", 1000, 250, 0, 0);

        String bar = ProgressDisplay.bar(progress, Duration.ofSeconds(5), 7);

        assertThat(bar).startsWith("[#######-----------------------] plan-accounts 250/1000 planned (25%), "
                + "50 records/s, ETA 0:00:15, 7 API calls");
    }

    @Test
    void applyingCountsPlannedWritesDone() {
        RunProgress progress = new RunProgress("apply-accounts", 1000, 1000, 400, 400);

        assertThat(ProgressDisplay.line(progress, Duration.ofSeconds(2), 3))
            .isEqualTo("apply-accounts 400/400 applied (100%), 200 records/s, ETA -, 3 API calls");
    }

    @Test
    void beforeTheFirstStepThereIsNothingToDivideBy() {
        assertThat(ProgressDisplay.line(new RunProgress(null, 0, 0, 0, 0), Duration.ZERO, 0))
            .isEqualTo("starting 0/0 planned (0%), 0 records/s, ETA -, 0 API calls");
    }

}
