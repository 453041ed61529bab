package com.goodfit.sync.domain;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.goodfit.sync.admin.BenchSubcommand;
import com.goodfit.sync.admin.ExitCodes;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench domains}: times {@link WebsiteNormaliser} on one thread over generated messy website values, after
 * a warm-up, and prints the throughput; the last line is one JSON object.
 */
@Component
@Command(name = "domains", description = "Time the root-domain normaliser on generated messy website values.",
        mixinStandardHelpOptions = true)
class DomainsBenchmark implements BenchSubcommand {

    /** Enough calls for the JIT to compile the normaliser's hot paths before timing starts. */
    private static final int MAX_WARM_UP_CALLS = 2_000_000;

    private final WebsiteNormaliser normaliser = new WebsiteNormaliser();

    private final JsonMapper jsonMapper;

    @Spec
    private CommandSpec spec;

    @Option(names = "--values", paramLabel = "N", defaultValue = "1000000",
            description = "How many values to normalise (default: ${DEFAULT-VALUE}).")
    private int values;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the generated values (default: ${DEFAULT-VALUE}).")
    private long seed;

    DomainsBenchmark(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Integer call() {
        if (this.values < 1) {
            throw new ParameterException(this.spec.commandLine(),
                    "Invalid value for option '--values': must be at least 1, was " + this.values);
        }
        PrintWriter out = this.spec.commandLine().getOut();
        String[] websites = new MessyWebsites(this.seed).next(this.values);
        out.printf("Generated %,d messy website values (seed %d)%n", this.values, this.seed);

        // Two passes over the values, at most MAX_WARM_UP_CALLS, so a small smoke run stays quick.
        int warmUpCalls = (int) Math.min(MAX_WARM_UP_CALLS, 2L * this.values);
        long warmUpChecksum = 0;
        for (int i = 0; i < warmUpCalls; i++) {
            warmUpChecksum += normalise(websites[i % websites.length]);
        }
        out.printf("Warmed up with %,d calls%n", warmUpCalls);

        long start = System.nanoTime();
        long none = 0;
        long checksum = 0;
        for (String website : websites) {
            int length = normalise(website);
            checksum += length;
            none += (length == 0) ? 1 : 0;
        }
        long elapsedNanos = System.nanoTime() - start;

        long valuesPerSecond = Math.round(this.values * (double) TimeUnit.SECONDS.toNanos(1) / elapsedNanos);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        out.printf("Normalised %,d values in %,d ms on one thread: %,d values/s%n", this.values, elapsedMillis,
                valuesPerSecond);
        out.printf("%,d values (%.1f%%) have no root domain; checksum %d/%d%n", none, 100.0 * none / this.values,
                checksum, warmUpChecksum);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "domains");
        result.put("values", this.values);
        result.put("elapsed_ms", elapsedMillis);
        result.put("values_per_s", valuesPerSecond);
        result.put("none", none);
        out.println(this.jsonMapper.writeValueAsString(result));
        out.flush();
        return ExitCodes.OK;
    }

    /** The root domain's length, 0 for none: a result the JIT cannot prove unused. */
    private int normalise(String website) {
        Optional<RootDomain> rootDomain = this.normaliser.rootDomainOf(website);
        return rootDomain.isPresent() ? rootDomain.get().value().length() : 0;
    }

}
