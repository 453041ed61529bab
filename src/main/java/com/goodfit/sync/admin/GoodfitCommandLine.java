package com.goodfit.sync.admin;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * Builds the picocli command tree: {@link GoodfitCommand} with every {@link CliCommand} bean as a subcommand, and
 * the handlers that turn usage mistakes and {@link UserFacingException}s into one-line errors.
 */
@Component
public class GoodfitCommandLine {

    private final List<CliCommand> commands;

    private final IFactory factory;

    GoodfitCommandLine(List<CliCommand> commands, IFactory factory) {
        this.commands = commands;
        this.factory = factory;
    }

    /**
     * Creates a fresh command tree; picocli keeps parse state, so use one per execution.
     * @return the command line, ready to {@code execute(args)}
     */
    public CommandLine create() {
        CommandLine commandLine = new CommandLine(new GoodfitCommand(), this.factory);
        this.commands.stream().sorted(Comparator.comparing(GoodfitCommandLine::nameOf)).forEach(command -> {
            commandLine.addSubcommand(command);
            if (command instanceof BenchCommand bench) {
                bench.addBenchmarksTo(commandLine.getSubcommands().get("bench"));
            }
        });
        return commandLine.setExecutionExceptionHandler(new UserErrorHandler())
            .setParameterExceptionHandler(new UsageErrorHandler());
    }

    static String nameOf(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

}
