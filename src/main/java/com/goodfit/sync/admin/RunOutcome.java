package com.goodfit.sync.admin;

import java.io.PrintWriter;

import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.log.PlanReport;
import com.goodfit.sync.log.RunSummaryPrinter;

import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

/**
 * Prints what a finished launch did and turns its status into the process exit code.
 */
@Component
class RunOutcome {

    private final ConnectorLog log;

    private final PlanReport planReport;

    RunOutcome(ConnectorLog log, PlanReport planReport) {
        this.log = log;
        this.planReport = planReport;
    }

    int report(SyncLauncher.Launch launch, boolean dryRun, PrintWriter out) {
        long executionId = launch.execution().getId();
        this.log.summary(executionId).ifPresent(summary -> RunSummaryPrinter.print(summary, out));
        if (dryRun && launch.execution().getStatus() == BatchStatus.COMPLETED) {
            this.planReport.print(launch.execution().getJobInstance().getInstanceId(), 10, out);
        }
        BatchStatus status = launch.execution().getStatus();
        if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
            out.printf("Restart it from its last committed chunk with: goodfit-sync restart %d%n", executionId);
        }
        return switch (status) {
            case COMPLETED -> ExitCodes.OK;
            case STOPPED -> ExitCodes.STOPPED;
            default -> ExitCodes.FAILED;
        };
    }

}
