package com.goodfit.sync.admin;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * Builds the picocli command tree: {@link GoodfitCommand} with every {@link CliCommand} bean as a subcommand (and
 * every {@link BenchSubcommand} under {@code bench}), and the handlers that turn usage mistakes and
 * {@link UserFacingException}s into one-line errors.
 * <p>
 * Each tree gets new command objects, built from the beans' classes: picocli takes an option's current field value
 * as its default, so a command object reused across executions would carry one execution's options into the next.
 */
@Component
public class GoodfitCommandLine {

    private final List<Class<?>> commands;

    private final List<Class<?>> benchmarks;

    private final IFactory factory;

    private final AutowireCapableBeanFactory beans;

    GoodfitCommandLine(List<CliCommand> commands, List<BenchSubcommand> benchmarks, IFactory factory,
            AutowireCapableBeanFactory beans) {
        this.commands = typesOf(commands);
        this.benchmarks = typesOf(benchmarks);
        this.factory = factory;
        this.beans = beans;
    }

    /**
     * Creates a fresh command tree; picocli keeps parse state, so use one per execution.
     * @return the command line, ready to {@code execute(args)}
     */
    public CommandLine create() {
        CommandLine commandLine = new CommandLine(new GoodfitCommand(), this.factory);
        this.commands.forEach(type -> commandLine.addSubcommand(this.beans.createBean(type)));
        CommandLine bench = commandLine.getSubcommands().get("bench");
        if (bench != null) {
            this.benchmarks.forEach(type -> bench.addSubcommand(this.beans.createBean(type)));
        }
        return commandLine.setExecutionExceptionHandler(new UserErrorHandler())
            .setParameterExceptionHandler(new UsageErrorHandler());
    }

    private static List<Class<?>> typesOf(List<?> commands) {
        return commands.stream()
            .<Class<?>>map(ClassUtils::getUserClass)
            .sorted(Comparator.comparing(type -> type.getAnnotation(Command.class).name()))
            .toList();
    }

}
