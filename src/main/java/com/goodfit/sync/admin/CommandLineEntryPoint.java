package com.goodfit.sync.admin;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the command line once the context is up and reports its exit code to Spring Boot.
 */
// Tests drive GoodfitCommandLine themselves and switch the runner off.
@ConditionalOnProperty(name = "goodfit.cli.enabled", havingValue = "true", matchIfMissing = true)
@Component
class CommandLineEntryPoint implements CommandLineRunner, ExitCodeGenerator {

    private final GoodfitCommandLine commandLine;

    private int exitCode;

    CommandLineEntryPoint(GoodfitCommandLine commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public void run(String... args) {
        this.exitCode = this.commandLine.create().execute(args);
    }

    @Override
    public int getExitCode() {
        return this.exitCode;
    }

}
