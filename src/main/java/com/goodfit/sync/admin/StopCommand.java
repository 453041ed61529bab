package com.goodfit.sync.admin;

import java.io.PrintWriter;
import java.time.Duration;

import com.goodfit.sync.jobs.SyncStopper;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stop <execution-id> [--wait SECONDS]}: asks a running execution, in any process sharing the database, to
 * stop after its current chunk; it ends STOPPED and can be restarted.
 */
@Component
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a running run cleanly after its current chunk (it ends STOPPED, restartable).")
class StopCommand implements CliCommand {

    private final SyncStopper stopper;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<execution-id>", description = "The running execution.")
    private long executionId;

    @Option(names = "--wait", paramLabel = "<seconds>", defaultValue = "60",
            description = "Wait up to this long for it to stop (default 60; 0 returns at once).")
    private long waitSeconds;

    StopCommand(SyncStopper stopper) {
        this.stopper = stopper;
    }

    @Override
    public Integer call() {
        PrintWriter out = this.spec.commandLine().getOut();
        SyncStopper.Result result = this.stopper.stop(this.executionId, Duration.ofSeconds(this.waitSeconds));
        switch (result) {
            case STOPPED -> out.printf("Execution %d stopped. Resume it with: goodfit-sync restart %d%n",
                    this.executionId, this.executionId);
            case STOPPING -> out.printf("Execution %d is stopping after its current chunk; see 'goodfit-sync status'."
                    + "%n", this.executionId);
            default -> throw new IllegalStateException(result.name());
        }
        out.flush();
        return (result == SyncStopper.Result.STOPPED) ? ExitCodes.OK : ExitCodes.STOPPED;
    }

}
