package com.goodfit.sync.domain;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DomainsBenchmarkTests {

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    @Test
    void printsFiguresThenOneJsonObjectAsTheLastLine() {
        int exitCode = execute("--values", "5000", "--seed", "7");

        assertThat(exitCode).isZero();
        List<String> lines = this.out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Generated 5,000 messy website values (seed 7)");
        JsonNode result = this.jsonMapper.readTree(lines.get(lines.size() - 1));
        assertThat(result.propertyNames()).containsExactly("benchmark", "values", "elapsed_ms", "values_per_s",
                "none");
        assertThat(result.get("benchmark").asString()).isEqualTo("domains");
        assertThat(result.get("values").asInt()).isEqualTo(5000);
        assertThat(result.get("values_per_s").asLong()).isPositive();
        assertThat(result.get("none").asLong()).isEqualTo(noneAmong(new MessyWebsites(7).next(5000)));
    }

    @Test
    void rejectsFewerThanOneValueAsAUsageError() {
        assertThat(execute("--values", "0")).isEqualTo(2);
        assertThat(this.err.toString()).contains("must be at least 1, was 0");
        assertThat(this.out.toString()).isEmpty();
    }

    @Test
    void generatesTheSameValuesForTheSameSeed() {
        assertThat(new MessyWebsites(42).next(1000)).containsExactly(new MessyWebsites(42).next(1000));
        assertThat(new MessyWebsites(42).next(1000)).isNotEqualTo(new MessyWebsites(43).next(1000));
    }

    @Test
    void generatesMessyValuesMostOfWhichHaveARootDomain() {
        String[] values = new MessyWebsites(42).next(20_000);

        assertThat(values).anyMatch(value -> value.startsWith("HTTPS://"))
            .anyMatch(value -> value.startsWith("mailto:"))
            .anyMatch(value -> value.startsWith("//"))
            .anyMatch(value -> value.contains(", "))
            .anyMatch(value -> value.endsWith("."))
            .anyMatch(value -> value.contains("user:secret@"))
            .anyMatch(value -> value.chars().anyMatch(c -> c > 0x7f))
            .contains("n/a", "192.168.1.10");
        double noneShare = noneAmong(values) / (double) values.length;
        assertThat(noneShare).isBetween(0.03, 0.12);
    }

    private long noneAmong(String[] values) {
        WebsiteNormaliser normaliser = new WebsiteNormaliser();
        return Arrays.stream(values).filter(value -> normaliser.rootDomainOf(value).isEmpty()).count();
    }

    private int execute(String... args) {
        return new CommandLine(new DomainsBenchmark(this.jsonMapper)).setOut(new PrintWriter(this.out, true))
            .setErr(new PrintWriter(this.err, true))
            .execute(args);
    }

}
