package com.goodfit.sync.admin;

import java.time.Duration;

import com.goodfit.sync.log.LogPruner;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prune-log [--older-than DAYS]}: deletes the per-record log rows (and the Bulk job rows) of runs that ended
 * before the retention.
 */
@Component
@Command(name = "prune-log", mixinStandardHelpOptions = true,
        description = "Delete per-record log rows and Bulk job rows of runs that ended before the retention "
                + "(default 30 days).")
class PruneLogCommand implements CliCommand {

    private final LogPruner pruner;

    @Spec
    private CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "<days>", defaultValue = Option.NULL_VALUE,
            description = "Retention in days (default: goodfit.log.retention, 30 days).")
    private Integer days;

    PruneLogCommand(LogPruner pruner) {
        this.pruner = pruner;
    }

    @Override
    public Integer call() {
        if (this.days != null && this.days < 0) {
            throw new UserFacingException("--older-than must not be negative, was " + this.days);
        }
        Duration retention = (this.days != null) ? Duration.ofDays(this.days) : this.pruner.retention();
        long deleted = this.pruner.prune(retention);
        this.spec.commandLine()
            .getOut()
            .printf("Deleted %d log rows (outcomes, errors, Bulk jobs) of runs that ended more than %d days ago.%n",
                    deleted, retention.toDays());
        return ExitCodes.OK;
    }

}
