package com.goodfit.sync.admin;

import java.util.Comparator;
import java.util.List;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Runs the picocli command tree once the context is up and reports its exit code to Spring Boot.
 */
// Tests build the command line themselves (see CommandLineTests) and switch the runner off.
@ConditionalOnProperty(name = "goodfit.cli.enabled", havingValue = "true", matchIfMissing = true)
@Component
class CommandLineEntryPoint implements CommandLineRunner, ExitCodeGenerator {

    private final List<CliCommand> commands;

    private final IFactory factory;

    private int exitCode;

    CommandLineEntryPoint(List<CliCommand> commands, IFactory factory) {
        this.commands = commands;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        this.exitCode = commandLine().execute(args);
    }

    CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GoodfitCommand(), this.factory);
        this.commands.stream()
            .sorted(Comparator.comparing(CommandLineEntryPoint::nameOf))
            .forEach(command -> {
                commandLine.addSubcommand(command);
                if (command instanceof BenchCommand bench) {
                    bench.addBenchmarksTo(commandLine.getSubcommands().get("bench"));
                }
            });
        return commandLine.setExecutionExceptionHandler(new UserErrorHandler())
            .setParameterExceptionHandler(new UsageErrorHandler());
    }

    private static String nameOf(CliCommand command) {
        return command.getClass().getAnnotation(CommandLine.Command.class).name();
    }

    @Override
    public int getExitCode() {
        return this.exitCode;
    }

}
