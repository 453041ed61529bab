package com.goodfit.sync.admin;

import java.io.PrintWriter;
import java.util.List;

import com.goodfit.sync.log.ErrorGroup;
import com.goodfit.sync.log.OutcomeLog;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code errors <execution-id>}: a run's failures, skips and warnings grouped by code, with counts, an example and
 * what usually fixes each.
 */
@Component
@Command(name = "errors", mixinStandardHelpOptions = true,
        description = "Group a run's failures and skips by code, with an example and what usually fixes it.")
class ErrorsCommand implements CliCommand {

    private final OutcomeLog log;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<execution-id>", description = "Any execution of the run.")
    private long executionId;

    ErrorsCommand(OutcomeLog log) {
        this.log = log;
    }

    @Override
    public Integer call() {
        long runId = this.log.runOf(this.executionId)
            .orElseThrow(() -> new UserFacingException("no job execution with id " + this.executionId));
        PrintWriter out = this.spec.commandLine().getOut();
        List<ErrorGroup> groups = this.log.errors(runId);
        if (groups.isEmpty()) {
            out.println("Run " + runId + " has no failed or skipped records and no warnings.");
        }
        for (ErrorGroup group : groups) {
            out.printf("%s %s %s: %d record%s%n", group.object() + "s", group.kind(), group.code(), group.count(),
                    (group.count() == 1) ? "" : "s");
            out.printf("  example: %s %d%s%n", group.object(), group.exampleSourceId(),
                    (group.exampleMessage() != null) ? ": " + group.exampleMessage() : "");
            if (group.advice() != null) {
                out.printf("  fix: %s%n", group.advice());
            }
        }
        if (!groups.isEmpty()) {
            out.printf("List the records with: goodfit-sync log %d --reason <code>%n", this.executionId);
        }
        out.flush();
        return ExitCodes.OK;
    }

}
