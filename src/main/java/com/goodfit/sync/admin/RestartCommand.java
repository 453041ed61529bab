package com.goodfit.sync.admin;

import java.util.function.Function;

import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.log.ExecutionLog;
import com.goodfit.sync.log.ExecutionOverview;

import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restart <execution-id> | --job <name>}: resumes a failed or stopped run from its last committed chunk.
 */
@Component
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Resume a FAILED or STOPPED run from its last committed chunk.")
class RestartCommand implements CliCommand {

    private final SyncLauncher launcher;

    private final RunOutcome outcome;

    private final ProgressDisplay progress;

    private final JobLocks locks;

    private final ExecutionLog executions;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--crashed", defaultValue = "false", description = "The run's process died while it was marked running (crash, "
            + "kill -9): mark it FAILED, then resume it.")
    private boolean crashed;

    RestartCommand(SyncLauncher launcher, RunOutcome outcome, ProgressDisplay progress, JobLocks locks,
            ExecutionLog executions) {
        this.launcher = launcher;
        this.outcome = outcome;
        this.progress = progress;
        this.locks = locks;
        this.executions = executions;
    }

    @Override
    public Integer call() {
        long executionId;
        if (this.target.executionId != null) {
            executionId = this.target.executionId;
        }
        else {
            Long last = this.launcher.lastRestartable(this.target.jobName);
            if (last == null) {
                throw new UserFacingException("job '" + this.target.jobName + "' has no FAILED or STOPPED run to "
                        + "restart");
            }
            executionId = last;
        }
        long id = executionId;
        // An unknown id is left to the launcher, which says so.
        Function<SyncLauncher.Started, SyncLauncher.Launch> follow = started -> this.progress.follow(started,
                this.spec.commandLine().getOut());
        SyncLauncher.Launch launch = this.executions.overview(id)
            .map(ExecutionOverview::jobName)
            .map(jobName -> this.locks.runOrRefuse(jobName, () -> this.launcher.startRestart(id, this.crashed), follow))
            .orElseGet(() -> follow.apply(this.launcher.startRestart(id, this.crashed)));
        return this.outcome.report(launch, false, this.spec.commandLine().getOut());
    }

    static class Target {

        @Parameters(index = "0", paramLabel = "<execution-id>", description = "The execution to restart.")
        Long executionId;

        @Option(names = "--job", paramLabel = "<name>", description = "Restart this job's last failed or stopped run.")
        String jobName;

    }

}
