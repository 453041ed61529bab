package com.goodfit.sync.admin;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.goodfit.sync.log.ExecutionLog;
import com.goodfit.sync.log.ExecutionOverview;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status [--job J] [--last N]}: the recent executions with their parameters, status, duration, progress and
 * API calls.
 */
@Component
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List recent runs: status, parameters, progress and API calls.")
class StatusCommand implements CliCommand {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ExecutionLog log;

    @Spec
    private CommandSpec spec;

    @Option(names = "--job", paramLabel = "<name>", defaultValue = Option.NULL_VALUE,
            description = "Only this job's runs.")
    private String jobName;

    @Option(names = "--last", paramLabel = "<n>", defaultValue = "20", description = "How many runs (default 20).")
    private int last;

    StatusCommand(ExecutionLog log) {
        this.log = log;
    }

    @Override
    public Integer call() {
        if (this.last < 1) {
            throw new UserFacingException("--last must be at least 1, was " + this.last);
        }
        PrintWriter out = this.spec.commandLine().getOut();
        List<ExecutionOverview> executions = this.log.recent(this.jobName, this.last);
        if (executions.isEmpty()) {
            out.println((this.jobName != null) ? "No runs of job '" + this.jobName + "' yet." : "No runs yet.");
            return ExitCodes.OK;
        }
        out.printf("%-9s %-6s %-20s %-10s %-19s %9s %-26s %9s  %s%n", "execution", "run", "job", "status", "started",
                "duration", "progress (planned/applied/total)", "API calls", "parameters");
        for (ExecutionOverview execution : executions) {
            out.printf("%-9d %-6d %-20s %-10s %-19s %9s %-26s %9d  %s%n", execution.executionId(), execution.runId(),
                    execution.jobName(), execution.status(),
                    (execution.startTime() != null) ? START.format(execution.startTime()) : "-",
                    String.format(Locale.ROOT, "%.1f s", execution.duration().toMillis() / 1000.0),
                    progress(execution), execution.apiCalls(), parameters(execution.parameters()));
            execution.steps()
                .forEach(step -> out.printf("          %-26s %-10s read %d, written %d%n", step.name(),
                        step.status(), step.read(), step.written()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String progress(ExecutionOverview execution) {
        return execution.progress().planned() + " / " + execution.progress().applied() + " of "
                + execution.progress().toApply() + " / " + execution.progress().total();
    }

    private static String parameters(Map<String, String> parameters) {
        return parameters.entrySet()
            .stream()
            .filter(e -> !e.getKey().equals("run.id"))
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
    }

}
