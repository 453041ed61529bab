package com.goodfit.sync.admin;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the group of benchmark commands. Each {@link BenchSubcommand} bean becomes one of its
 * subcommands; every benchmark prints its figures, and its last line is one JSON object.
 */
@Component
@Command(name = "bench", description = "Measure throughput, API calls and memory (prints figures, last line JSON).",
        mixinStandardHelpOptions = true, commandListHeading = "%nBenchmarks:%n")
class BenchCommand implements CliCommand {

    private final List<BenchSubcommand> benchmarks;

    @Spec
    private CommandSpec spec;

    BenchCommand(List<BenchSubcommand> benchmarks) {
        this.benchmarks = benchmarks;
    }

    void addBenchmarksTo(CommandLine bench) {
        this.benchmarks.stream()
            .sorted(Comparator.comparing(GoodfitCommandLine::nameOf))
            .forEach(bench::addSubcommand);
    }

    @Override
    public Integer call() {
        throw new ParameterException(this.spec.commandLine(), "Missing benchmark: see 'bench --help'");
    }

}
