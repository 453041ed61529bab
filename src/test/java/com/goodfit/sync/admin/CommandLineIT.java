package com.goodfit.sync.admin;

import java.util.List;

import com.goodfit.sync.support.CommandRun;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
class CommandLineIT {

    @Autowired
    GoodfitCommandLine commandLine;

    @Autowired
    List<CliCommand> commands;

    @Test
    void helpListsEveryCommandWithItsDescription() {
        CommandRun run = CommandRun.of(this.commandLine, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(this.commands).isNotEmpty();
        for (CliCommand command : this.commands) {
            Command annotation = command.getClass().getAnnotation(Command.class);
            assertThat(run.out()).contains(annotation.name());
            assertThat(annotation.description()).as("one-line description of " + annotation.name()).hasSize(1);
            String firstWords = annotation.description()[0].split(" ")[0];
            assertThat(run.out()).contains(firstWords);
        }
    }

    @Test
    void unknownCommandExitsWithTwoAndNamesIt() {
        CommandRun run = CommandRun.of(this.commandLine, "synk");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command or argument 'synk'");
    }

    @Test
    void unknownOptionExitsWithTwoAndNamesIt() {
        CommandRun run = CommandRun.of(this.commandLine, "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option '--frobnicate'");
    }

    @Test
    void unknownOptionOfASubcommandNamesTheSubcommand() {
        CommandRun run = CommandRun.of(this.commandLine, "bench", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option '--frobnicate' for 'goodfit-sync bench'");
    }

    @Test
    void missingCommandIsAUsageError() {
        CommandRun run = CommandRun.of(this.commandLine);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CommandRun run = CommandRun.of(this.commandLine, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("goodfit-sync \\d+\\.\\d+\\.\\d+.*\\R");
    }

}
