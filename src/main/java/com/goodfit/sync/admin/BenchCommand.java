package com.goodfit.sync.admin;


import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the group of benchmark commands. Each {@link BenchSubcommand} bean becomes one of its
 * subcommands (see {@link GoodfitCommandLine}); every benchmark prints its figures, and its last line is one JSON object.
 */
@Component
@Command(name = "bench", description = "Measure throughput, API calls and memory (prints figures, last line JSON).",
        mixinStandardHelpOptions = true, commandListHeading = "%nBenchmarks:%n")
class BenchCommand implements CliCommand {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(this.spec.commandLine(), "Missing benchmark: see 'bench --help'");
    }

}
