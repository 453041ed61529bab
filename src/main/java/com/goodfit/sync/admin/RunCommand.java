package com.goodfit.sync.admin;

import java.nio.file.Path;

import com.goodfit.sync.jobs.LaunchOptions;
import com.goodfit.sync.jobs.SyncLauncher;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run <job-file> [--dry-run]}: runs a sync job to its end and prints what it did.
 */
@Component
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sync job from its job definition file and print a summary.")
class RunCommand implements CliCommand {

    private final SyncLauncher launcher;

    private final RunOutcome outcome;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job-file>", description = "The job definition, e.g. jobs/demo.yml.")
    private Path jobFile;

    @Option(names = "--dry-run", description = "Validate, index and plan only; print what would be written.")
    private boolean dryRun;

    RunCommand(SyncLauncher launcher, RunOutcome outcome) {
        this.launcher = launcher;
        this.outcome = outcome;
    }

    @Override
    public Integer call() {
        LaunchOptions options = this.dryRun ? LaunchOptions.dryRunOfAll() : LaunchOptions.fullSync();
        SyncLauncher.Launch launch = this.launcher.run(this.jobFile, options);
        return this.outcome.report(launch, this.dryRun, this.spec.commandLine().getOut());
    }

}
