package com.goodfit.sync.admin;

import java.nio.file.Path;

import java.util.List;

import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.source.filter.CompanySelection;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run <job-file> [--dry-run] [--filter <expr>] [--limit N] [--ids 1,2,3]}: runs a sync job, over every company
 * or an ad-hoc selection, to its end and prints what it did.
 */
@Component
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sync job from its job definition file and print a summary.")
class RunCommand implements CliCommand {

    private final SyncLauncher launcher;

    private final RunOutcome outcome;

    private final ProgressDisplay progress;

    private final JobLocks locks;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job-file>", description = "The job definition, e.g. jobs/demo.yml.")
    private Path jobFile;

    @Option(names = "--dry-run", defaultValue = "false", description = "Validate, index and plan only; print what would be written.")
    private boolean dryRun;

    @Option(names = "--filter", paramLabel = "<expr>", defaultValue = Option.NULL_VALUE,
            description = "Sync only the companies matching this filter, "
            + "e.g. \"country = 'Germany' and employees >= 50\" (fields from field_definitions).")
    private String filter;

    @Option(names = "--limit", paramLabel = "<n>", defaultValue = Option.NULL_VALUE,
            description = "Sync only the N lowest-id matching companies.")
    private Integer limit;

    @Option(names = "--ids", paramLabel = "<id>", split = ",", defaultValue = Option.NULL_VALUE,
            description = "Sync only these company ids, "
            + "comma-separated.")
    private List<Long> ids;

    RunCommand(SyncLauncher launcher, RunOutcome outcome, ProgressDisplay progress, JobLocks locks) {
        this.launcher = launcher;
        this.outcome = outcome;
        this.progress = progress;
        this.locks = locks;
    }

    @Override
    public Integer call() {
        CompanySelection selection = new CompanySelection(this.filter, this.limit,
                (this.ids != null) ? this.ids : List.of());
        // A dry run takes the lock too: its index step replaces the snapshot a running sync matches against.
        String jobName = this.launcher.definition(this.jobFile).name();
        SyncLauncher.Launch launch = this.locks.runOrRefuse(jobName,
                () -> this.launcher.start(this.jobFile, this.dryRun, selection),
                started -> this.progress.follow(started, this.spec.commandLine().getOut()));
        return this.outcome.report(launch, this.dryRun, this.spec.commandLine().getOut());
    }

}
