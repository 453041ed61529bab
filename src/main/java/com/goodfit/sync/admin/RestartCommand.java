package com.goodfit.sync.admin;

import com.goodfit.sync.jobs.SyncLauncher;

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

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--crashed", defaultValue = "false", description = "The run's process died while it was marked running (crash, "
            + "kill -9): mark it FAILED, then resume it.")
    private boolean crashed;

    RestartCommand(SyncLauncher launcher, RunOutcome outcome, ProgressDisplay progress) {
        this.launcher = launcher;
        this.outcome = outcome;
        this.progress = progress;
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
        SyncLauncher.Launch launch = this.progress.follow(this.launcher.startRestart(executionId, this.crashed),
                this.spec.commandLine().getOut());
        return this.outcome.report(launch, false, this.spec.commandLine().getOut());
    }

    static class Target {

        @Parameters(index = "0", paramLabel = "<execution-id>", description = "The execution to restart.")
        Long executionId;

        @Option(names = "--job", paramLabel = "<name>", description = "Restart this job's last failed or stopped run.")
        String jobName;

    }

}
