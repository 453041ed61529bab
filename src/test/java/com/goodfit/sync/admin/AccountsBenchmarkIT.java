package com.goodfit.sync.admin;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench accounts --org-process} as the README runs it: the packaged jar on PostgreSQL, the org in a JVM of
 * its own. Checks the figures the benchmark derives, not its speed.
 */
@PostgresIntegrationTest
class AccountsBenchmarkIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Test
    void reportsTheMinimumCallsAndANoWriteRerunAndLeavesNoTemporaryFile(@TempDir Path tmp) throws Exception {
        File jar = new File("target/goodfit-sync.jar");
        assertThat(jar).as("the packaged jar (mvn verify builds it before integration tests)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", jar.getPath(), "bench", "accounts", "--companies", "1000",
                "--existing", "400", "--org-process", "--replace");
        builder.environment().put("SPRING_DATASOURCE_URL", this.databaseUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", this.databaseUser);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        Map<?, ?> figures = JsonMapper.builder().build().readValue(lines.get(lines.size() - 1), Map.class);
        assertThat(figures.get("created")).isEqualTo(600);
        assertThat(figures.get("updated")).isEqualTo(400);
        assertThat(figures.get("min_calls")).as("1 index page + 3 create calls + 2 update calls").isEqualTo(6);
        assertThat(((Number) figures.get("write_calls")).intValue()).isEqualTo(5);
        assertThat(((Number) figures.get("call_ratio")).doubleValue()).isLessThanOrEqualTo(1.5);
        assertThat(figures.get("rerun_write_calls")).isEqualTo(0);
        assertThat(((Number) figures.get("peak_heap_mb")).intValue()).isPositive();
        assertThat(((Number) figures.get("peak_live_heap_mb")).intValue()).isNotNegative();
        assertThat(figures.containsKey("contacts")).isFalse();
        assertThat(tmp).as("the benchmark's job file and the org process's log are removed").isEmptyDirectory();
    }

    @Test
    void countsContactsInTheMinimumCalls() throws Exception {
        Map<?, ?> figures = bench("--companies", "300", "--existing", "100", "--contacts", "900",
                "--existing-contacts", "500");

        assertThat(figures.get("contacts")).isEqualTo(900);
        assertThat(figures.get("contacts_created")).isEqualTo(400);
        assertThat(figures.get("contacts_updated")).isEqualTo(500);
        assertThat(figures.get("contact_write_calls")).as("2 create calls + 3 update calls").isEqualTo(5);
        assertThat(figures.get("min_calls")).as("accounts 1 + 1 + 1, contacts 1 index page + 2 + 3").isEqualTo(9);
        assertThat(figures.get("rerun_write_calls")).isEqualTo(0);
    }

    @Test
    void comparesBulkAndCollectionsSideBySide() throws Exception {
        Map<?, ?> both = bench("--companies", "300", "--existing", "100", "--compare-apis");

        assertThat(both.get("benchmark")).isEqualTo("accounts-compare-apis");
        Map<?, ?> bulk = (Map<?, ?>) both.get("bulk");
        Map<?, ?> collections = (Map<?, ?>) both.get("collections");
        assertThat(bulk.get("api")).isEqualTo("bulk");
        assertThat(bulk.get("bulk_jobs")).as("one upsert job for the creates, one update job").isEqualTo(2);
        assertThat(bulk.get("created")).isEqualTo(200);
        assertThat(bulk.get("updated")).isEqualTo(100);
        assertThat(bulk.get("rerun_write_calls")).isEqualTo(0);
        assertThat(collections.get("api")).isEqualTo("collections");
        assertThat(collections.get("bulk_jobs")).isEqualTo(0);
        assertThat(collections.get("write_calls")).as("1 create call + 1 update call").isEqualTo(2);
        assertThat(collections.get("created")).isEqualTo(200);
        assertThat(collections.get("updated")).isEqualTo(100);
    }

    @Test
    void refusesAnUnknownApi() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/goodfit-sync.jar", "bench", "accounts", "--api", "soap");
        builder.environment().put("SPRING_DATASOURCE_URL", this.databaseUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", this.databaseUser);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("--api must be bulk, collections or auto, not 'soap'");
    }

    private Map<?, ?> bench(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/goodfit-sync.jar",
                "bench", "accounts", "--replace"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_DATASOURCE_URL", this.databaseUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", this.databaseUser);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        return JsonMapper.builder().build().readValue(lines.get(lines.size() - 1), Map.class);
    }

}
