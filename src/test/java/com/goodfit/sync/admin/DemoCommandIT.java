package com.goodfit.sync.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.goodfit.sync.support.CommandRun;
import com.goodfit.sync.support.EmbeddedIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main command, on the zero-install default (embedded H2, in-process emulator).
 */
@EmbeddedIntegrationTest
class DemoCommandIT {

    @Autowired
    GoodfitCommandLine commandLine;

    @Test
    void syncsSampleDataTwiceAndTheSecondRunWritesNothing() {
        CommandRun run = CommandRun.of(this.commandLine, "demo", "--companies", "300");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1. Generating 300 sample companies", "H2",
                "Run", "COMPLETED", "accounts skipped by reason:", "INVALID_DOMAIN",
                "accounts synced with a warning: AMBIGUOUS_MATCH", "UPDATE_ONLY_NO_MATCH", "ACCOUNT_NOT_SYNCED",
                "INVALID_EMAIL", "contacts synced with a warning: AMBIGUOUS_MATCH", "index-contacts: snapshot:",
                "The last run made 0 write calls: every record was already up to date.");
        assertThat(run.out()).containsPattern("accounts +300 +\\d+ +\\d+ +0 ")
            .containsPattern("contacts +\\d+ +0 +0 +[1-9]\\d* ")
            .as("Contacts matching by email in another case are updated in the first run")
            .containsPattern("contacts +\\d+ +\\d+ +[1-9]\\d* +0 ");
        Matcher writing = Pattern.compile("4\\. Sync with the job as written .*?\\RRun (\\d+) of job", Pattern.DOTALL)
            .matcher(run.out());
        assertThat(writing.find()).as(run.out()).isTrue();
        assertThat(run.out()).as("the run to inspect is the one that wrote")
            .contains("5. Again, nothing changed in between:")
            .contains("Inspect the records step 4 wrote with SQL on table sync_plan (job_instance_id "
                    + writing.group(1) + ").");
    }

    @Test
    void refusesAnAbsurdSize() {
        CommandRun run = CommandRun.of(this.commandLine, "demo", "--companies", "5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--companies must be from 10 to 100,000");
    }

}
