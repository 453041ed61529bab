package com.goodfit.sync.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.goodfit.sync.domain.RootDomain;
import com.goodfit.sync.domain.WebsiteNormaliser;
import com.goodfit.sync.jobs.LaunchOptions;
import com.goodfit.sync.jobs.LocalOrg;
import com.goodfit.sync.jobs.LocalOrgFactory;
import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.log.RunSummary;
import com.goodfit.sync.log.RunSummaryPrinter;
import com.goodfit.sync.source.GenerationListener;
import com.goodfit.sync.source.SampleDataLoader;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole product in one command, with nothing to install. Generates sample companies, starts an
 * emulated org holding Accounts that match some of them in messy ways, syncs twice and prints what each run did.
 */
@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample data, sync it twice into an in-process emulated org, print both summaries.")
class DemoCommand implements CliCommand {

    private static final Instant LONG_AGO = Instant.parse("2018-03-01T09:00:00Z");

    private static final Instant LATER = Instant.parse("2023-06-01T09:00:00Z");

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final LocalOrgFactory orgs;

    private final SyncLauncher launcher;

    private final ConnectorLog log;

    @Spec
    private CommandSpec spec;

    @Option(names = "--companies", defaultValue = "1000", description = "Sample companies (default ${DEFAULT-VALUE}).")
    private int companies;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample data (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--job", description = "Job definition to run (default: jobs/demo.yml, or the copy in the jar).")
    private Path job;

    DemoCommand(DataSource dataSource, JdbcTemplate jdbc, LocalOrgFactory orgs, SyncLauncher launcher,
            ConnectorLog log) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.orgs = orgs;
        this.launcher = launcher;
        this.log = log;
    }

    @Override
    public Integer call() throws IOException {
        if (this.companies < 10 || this.companies > 100_000) {
            throw new UserFacingException("--companies must be from 10 to 100,000 for the demo, not " + this.companies);
        }
        PrintWriter out = this.spec.commandLine().getOut();
        Path jobFile = jobFile();
        out.printf("1. Generating %,d sample companies (seed %d) in %s%n", this.companies, this.seed, database());
        new SampleDataLoader(this.dataSource).load(this.companies, 0, this.seed, true, new GenerationListener() {
            @Override
            public void started(String database, String method, long companies, long contacts) {
            }

            @Override
            public void written(String table, long written, long total) {
            }
        });
        String jobName = this.launcher.definition(jobFile).name();
        this.jdbc.update("DELETE FROM sf_link WHERE job_name = ?", jobName);
        this.jdbc.update("DELETE FROM sf_record_index WHERE job_name = ?", jobName);
        try (LocalOrg org = this.orgs.start(8)) {
            SeededOrg seeded = seed(org);
            out.printf("2. Started an emulated Salesforce org at %s with %d existing Accounts:%n", org.url(),
                    org.count("Account"));
            out.printf("   %d match companies by root domain under a different spelling of their website,%n",
                    seeded.matching());
            out.printf("   %d of them already hold NumberOfEmployees (update-if-empty keeps it),%n", seeded.withEmployees());
            out.printf("   %d root domains have two Accounts (the oldest is updated, AMBIGUOUS_MATCH is logged),%n",
                    seeded.ambiguous());
            out.printf("   %d are unrelated to any company.%n", seeded.unrelated());
            out.printf("3. First sync (%s):%n", jobFile);
            RunSummary first = run(jobFile, out);
            out.printf("%n4. Second sync, nothing changed in between:%n");
            RunSummary second = run(jobFile, out);
            out.printf("%nThe second run made %d write calls%s.%n", second.writeCalls(),
                    (second.writeCalls() == 0) ? ": every record was already up to date" : "");
            out.printf("Accounts in the org: %d. Inspect the run with SQL on table sync_plan (job_instance_id %d).%n",
                    org.count("Account"), first.instanceId());
            return "COMPLETED".equals(first.status()) && "COMPLETED".equals(second.status()) ? ExitCodes.OK
                    : ExitCodes.FAILED;
        }
    }

    private RunSummary run(Path jobFile, PrintWriter out) {
        SyncLauncher.Launch launch = this.launcher.run(jobFile, LaunchOptions.fullSync());
        RunSummary summary = this.log.summary(launch.execution().getId()).orElseThrow();
        RunSummaryPrinter.print(summary, out);
        return summary;
    }

    /**
     * Seeds Accounts for about a third of the companies with a valid root domain, in the forms CRMs hold, plus a
     * few unrelated ones.
     */
    private SeededOrg seed(LocalOrg org) {
        WebsiteNormaliser websites = new WebsiteNormaliser();
        List<Map<String, Object>> rows = this.jdbc.queryForList(
                "SELECT id, name, domain FROM companies ORDER BY id");
        int matching = 0;
        int withEmployees = 0;
        int ambiguous = 0;
        Map<String, Boolean> seen = new HashMap<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            Optional<String> root = websites.rootDomainOf((String) row.get("domain")).map(RootDomain::value);
            if (root.isEmpty() || id % 3 != 0 || seen.putIfAbsent(root.get(), true) != null) {
                continue;
            }
            Map<String, Object> account = new HashMap<>();
            account.put("Name", row.get("name") + " (CRM)");
            account.put("Website", messy(root.get(), id));
            if (id % 2 == 0) {
                account.put("NumberOfEmployees", 7);
                withEmployees++;
            }
            org.insert("Account", account, LONG_AGO);
            matching++;
            if (id % 10 == 0) {
                org.insert("Account", Map.of("Name", row.get("name") + " duplicate", "Website", "http://" + root.get()),
                        LATER);
                ambiguous++;
            }
        }
        for (int i = 1; i <= 20; i++) {
            org.insert("Account", Map.of("Name", "Unrelated Prospect " + i, "Website", "prospect" + i + ".example.org"),
                    LONG_AGO);
        }
        return new SeededOrg(matching, withEmployees, ambiguous, 20);
    }

    private static String messy(String root, long id) {
        return switch ((int) (id % 4)) {
            case 0 -> "HTTPS://WWW." + root.toUpperCase(Locale.ROOT) + "/";
            case 1 -> "www." + root + "/about-us?utm_source=crm";
            case 2 -> "http://shop." + root + ":8080";
            default -> " " + root + ". ";
        };
    }

    private Path jobFile() throws IOException {
        if (this.job != null) {
            return this.job;
        }
        Path local = Path.of("jobs", "demo.yml");
        if (Files.exists(local)) {
            return local;
        }
        Path extracted = Files.createTempDirectory("goodfit-demo").resolve("demo.yml");
        try (InputStream in = DemoCommand.class.getResourceAsStream("/bundled-jobs/demo.yml")) {
            if (in == null) {
                throw new UserFacingException("no jobs/demo.yml here and none bundled in the jar: pass --job FILE");
            }
            Files.copy(in, extracted);
        }
        return extracted;
    }

    private String database() {
        return this.jdbc.execute((java.sql.Connection connection) -> {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " (" + meta.getURL() + ")";
        });
    }

    private record SeededOrg(int matching, int withEmployees, int ambiguous, int unrelated) {
    }

}
