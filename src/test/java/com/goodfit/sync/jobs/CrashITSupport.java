package com.goodfit.sync.jobs;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.goodfit.sync.emulator.SalesforceEmulator;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crash tests share: a sync run by the packaged jar in a JVM of its own (which the test kills with
 * {@code kill -9}), the Accounts seeded before it, and a snapshot of the org to compare with an uninterrupted run.
 * Job files are named {@code crash}, so the child's credentials come from {@code GOODFIT_CRASH_*}.
 */
abstract class CrashITSupport extends SyncITSupport {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    static void seedExistingAccounts(SalesforceEmulator org, int count) {
        for (int i = 1; i <= count; i++) {
            org.org().insert("Account", Map.of("Name", "Existing " + i, "Website", "company" + i + ".com"),
                    Instant.parse("2020-01-01T00:00:00Z"));
        }
    }

    /** Every Account by external id, with the values the sync writes; fails on a duplicate external id. */
    static Map<String, List<Object>> accountSnapshot(SalesforceEmulator org, int expected) {
        Map<String, List<Object>> snapshot = new TreeMap<>();
        for (Map<String, Object> account : org.org().all("Account")) {
            Object externalId = account.get("GoodFit_ID__c");
            assertThat(externalId).as("every Account carries its company's external id").isNotNull();
            List<Object> previous = snapshot.put(externalId.toString(), Arrays.asList(account.get("Name"),
                    account.get("Website"), ((Number) account.get("NumberOfEmployees")).longValue()));
            assertThat(previous).as("duplicate Account for " + externalId).isNull();
        }
        assertThat(snapshot).hasSize(expected);
        return snapshot;
    }

    /**
     * @param job the job file (named {@code crash.yml})
     * @param log where the child's output goes
     * @param environment settings added to the child's environment
     * @return the running child
     */
    Process startSyncProcess(Path job, File log, Map<String, String> environment) throws Exception {
        File jar = new File("target/goodfit-sync.jar");
        assertThat(jar).as("the packaged jar (mvn verify builds it before integration tests)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getPath(), "run", job.toString());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", this.databaseUrl);
        env.put("SPRING_DATASOURCE_USERNAME", this.databaseUser);
        env.put("GOODFIT_EMULATOR_URL", this.emulator.url().toString());
        env.put("GOODFIT_CRASH_CLIENT_ID", this.emulator.credentials().clientId());
        env.put("GOODFIT_CRASH_CLIENT_SECRET", this.emulator.credentials().clientSecret());
        env.put("GOODFIT_CRASH_REFRESH_TOKEN", this.emulator.credentials().refreshToken());
        env.putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }

    /** Waits until the child reaches the point, failing if it ends first or takes longer than the timeout. */
    static void waitFor(Process child, BooleanSupplier point, long timeoutSeconds, File log)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!point.getAsBoolean()) {
            assertThat(child.isAlive()).as("the sync process ended early; see " + log).isTrue();
            assertThat(System.nanoTime()).as("the crash point was not reached in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    static void kill(Process child) throws InterruptedException {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

}
