package com.goodfit.sync.admin;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.goodfit.sync.apply.BulkApplyTasklet;
import com.goodfit.sync.database.DatabaseKind;
import com.goodfit.sync.jobs.LaunchOptions;
import com.goodfit.sync.jobs.LocalOrg;
import com.goodfit.sync.jobs.LocalOrgFactory;
import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.log.RunSummary;
import com.goodfit.sync.matching.IndexStrategy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench accounts}: syncs N generated companies (and, with {@code --contacts}, their contacts) into an
 * in-process org holding M matching Accounts (and Contacts), twice, and prints the API calls against the minimum
 * possible, the throughput and the peak heap.
 */
@Component
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Benchmark the account (and contact) sync: calls versus the minimum, throughput, heap, re-run "
                + "writes.")
class AccountsBenchmark implements BenchSubcommand {

    private static final String JOB = """
            name: bench-accounts
            salesforce: { environment: emulator }
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website ]
                - source: employees
                  targets: [ NumberOfEmployees ]
                - source: industry
                  targets: [ Industry ]
            apply: { in-flight: %d, daily-calls-floor: 0, api: %s }
            """;

    private static final String CONTACTS_JOB = """
            modes: { contacts: create-and-update }
            contacts:
              mappings:
                - source: email
                  targets: [ Email ]
                - source: first_name
                  targets: [ FirstName ]
                - source: last_name
                  targets: [ LastName ]
                - source: title
                  targets: [ Title ]
            """;

    private static final List<String> TITLES = List.of("CEO", "CTO", "Head of Sales", "Engineer", "Analyst");

    private static final List<String> INDUSTRIES = List.of("Software", "Retail", "Banking", "Energy", "Media");

    private final SyncLauncher launcher;

    private final LocalOrgFactory orgs;

    private final ConnectorLog log;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final DatabaseKind database;

    @Spec
    private CommandSpec spec;

    @Option(names = "--companies", defaultValue = "10000", description = "Companies in the source (default ${DEFAULT-VALUE}).")
    private int companies;

    @Option(names = "--existing", defaultValue = "5000",
            description = "Accounts already in the org, matching the first companies (default ${DEFAULT-VALUE}).")
    private int existing;

    @Option(names = "--contacts", defaultValue = "0",
            description = "Contacts in the source, spread over the companies; 0 leaves contacts disabled "
                    + "(default ${DEFAULT-VALUE}).")
    private int contacts;

    @Option(names = "--existing-contacts", defaultValue = "0",
            description = "Contacts already in the org, matching the first contacts by email in another case "
                    + "(default ${DEFAULT-VALUE}).")
    private int existingContacts;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Latency the org adds to every call (default ${DEFAULT-VALUE}).")
    private int latencyMs;

    @Option(names = "--in-flight", defaultValue = "4", description = "Collections calls in flight (default ${DEFAULT-VALUE}).")
    private int inFlight;

    @Option(names = "--replace", description = "Empty the source tables first if they hold rows.")
    private boolean replace;

    @Option(names = "--api", defaultValue = "auto",
            description = "Write API: bulk, collections or auto (Bulk API 2.0 from 10,000 pending records; "
                    + "default ${DEFAULT-VALUE}).")
    private String api;

    @Option(names = "--compare-apis",
            description = "Run the benchmark through Bulk API 2.0, then through sObject Collections, and print both "
                    + "side by side (the last line holds both as one JSON object).")
    private boolean compareApis;

    @Option(names = "--org-process",
            description = "Run the org in a JVM of its own, so peak_heap_mb is the sync's alone (seeded by API).")
    private boolean orgProcess;

    AccountsBenchmark(SyncLauncher launcher, LocalOrgFactory orgs, ConnectorLog log, JdbcTemplate jdbc,
            JsonMapper json, DatabaseKind database) {
        this.database = database;
        this.launcher = launcher;
        this.orgs = orgs;
        this.log = log;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = this.spec.commandLine().getOut();
        prepareSource(out);
        if (!this.compareApis) {
            Map<String, Object> figures = measure(this.api, out);
            out.println(this.json.writeValueAsString(figures));
            return "COMPLETED".equals(figures.get("status")) ? ExitCodes.OK : ExitCodes.FAILED;
        }
        Map<String, Object> bulk = measure("bulk", out);
        this.jdbc.update("DELETE FROM sf_link WHERE job_name = 'bench-accounts'");
        this.jdbc.update("DELETE FROM sf_record_index WHERE job_name = 'bench-accounts'");
        // The second API starts from tables as clean as the first did: the first one's dead rows would otherwise
        // slow its every scan (its plan step took four times as long).
        vacuumIfPostgres(out);
        Map<String, Object> collections = measure("collections", out);
        out.printf("%-22s %14s %14s%n", "", "bulk", "collections");
        for (String figure : List.of("status", "api_calls_total", "bulk_jobs", "write_calls", "wall_ms", "apply_ms",
                "records_per_s", "peak_heap_mb")) {
            out.printf("%-22s %14s %14s%n", figure, bulk.get(figure), collections.get(figure));
        }
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("benchmark", "accounts-compare-apis");
        both.put("bulk", bulk);
        both.put("collections", collections);
        out.println(this.json.writeValueAsString(both));
        return ("COMPLETED".equals(bulk.get("status")) && "COMPLETED".equals(collections.get("status")))
                ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Syncs the source into a freshly seeded org through one write API, twice, and returns the figures. */
    private Map<String, Object> measure(String api, PrintWriter out) throws Exception {
        Path job = TemporaryFiles.inNewFolder("goodfit-bench", "bench-accounts.yml");
        Files.writeString(job, JOB.formatted(this.inFlight, api) + ((this.contacts > 0) ? CONTACTS_JOB : ""));
        try (LocalOrg org = this.orgProcess ? this.orgs.startSeparate(this.latencyMs)
                : this.orgs.start(Math.max(8, this.inFlight * 2))) {
            seed(org);
            org.latency(Duration.ofMillis(this.latencyMs));
            out.printf("org seeded with %,d Accounts and %,d Contacts; syncing %,d companies and %,d contacts "
                    + "(latency %d ms, %d in flight, api %s)%n", this.existing, this.existingContacts,
                    this.companies, this.contacts, this.latencyMs, this.inFlight, api);
            long start;
            SyncLauncher.Launch first;
            long wallMs;
            long peakHeapMb;
            long peakLiveHeapMb;
            try (HeapPeaks heap = HeapPeaks.start()) {
                start = System.nanoTime();
                first = this.launcher.run(job, LaunchOptions.fullSync());
                wallMs = (System.nanoTime() - start) / 1_000_000;
                peakHeapMb = heap.peakUsedMb();
                peakLiveHeapMb = heap.peakLiveMb();
            }
            RunSummary summary = this.log.summary(first.execution().getId()).orElseThrow();
            Map<String, Long> orgCalls = org.calls();
            SyncLauncher.Launch second = this.launcher.run(job, LaunchOptions.fullSync());
            RunSummary rerun = this.log.summary(second.execution().getId()).orElseThrow();
            Map<String, Object> figures = figures(summary, wallMs, peakHeapMb, rerun, orgCalls,
                    contactWriteCalls(first));
            figures.put("peak_live_heap_mb", peakLiveHeapMb);
            // Bulk query calls of the index steps count as "bulk" too: write calls are the apply steps' own.
            figures.put("write_calls", writeCalls(first, "apply-"));
            figures.put("rerun_write_calls", writeCalls(second, "apply-"));
            figures.put("api", api);
            figures.put("status", summary.status());
            figures.put("api_calls_total", summary.apiCallsExcludingAuth());
            figures.put("bulk_jobs", bulkJobs(first));
            figures.put("api_choices", summary.indexStrategies());
            out.printf("run 1: %s in %,d ms; run 2: %s, %d write calls%n", summary.status(), wallMs, rerun.status(),
                    figures.get("rerun_write_calls"));
            return figures;
        }
    }

    /**
     * Seeds the org in a method of its own, so that the seed records are garbage before the sync starts: held by
     * locals of {@link #call} they stayed reachable and counted in the sync's peak heap.
     */
    private void seed(LocalOrg org) {
        List<Map<String, Object>> accounts = new ArrayList<>(this.existing);
        for (int i = 1; i <= this.existing; i++) {
            accounts.add(Map.of("Name", "Company " + i + " Ltd", "Website", "company" + i + ".com"));
        }
        org.insertAll("Account", accounts);
        List<Map<String, Object>> existingContacts = new ArrayList<>(this.existingContacts);
        for (int i = 1; i <= this.existingContacts; i++) {
            existingContacts.add(Map.of("LastName", "Person " + i, "Email", email(i).toUpperCase(Locale.ROOT)));
        }
        org.insertAll("Contact", existingContacts);
    }

    /** Bulk API 2.0 ingest jobs the run's apply steps created. */
    private static long bulkJobs(SyncLauncher.Launch launch) {
        return launch.execution()
            .getStepExecutions()
            .stream()
            .mapToLong(step -> step.getExecutionContext().getLong(BulkApplyTasklet.BULK_JOBS_KEY, 0L))
            .sum();
    }

    private Map<String, Object> figures(RunSummary summary, long wallMs, long peakHeapMb, RunSummary rerun,
            Map<String, Long> orgCalls, long contactWriteCalls) {
        RunSummary.ObjectOutcomes accounts = summary.objects().get("account");
        long creates = accounts.created();
        long updates = accounts.updated();
        long minCalls = ceil(this.existing, 2000) + ceil(creates, 200) + ceil(updates, 200);
        RunSummary.ObjectOutcomes contactOutcomes = summary.objects().get("contact");
        if (contactOutcomes != null) {
            IndexStrategy cheapest = IndexStrategy.choose(this.existingContacts, this.contacts, 0);
            minCalls += Math.min(cheapest.snapshotCalls(), cheapest.lookupCalls())
                    + ceil(contactOutcomes.created(), 200) + ceil(contactOutcomes.updated(), 200);
        }
        long calls = summary.apiCallsExcludingAuth();
        long applyMs = summary.steps()
            .stream()
            .filter(step -> step.name().equals("apply-accounts"))
            .mapToLong(step -> step.duration().toMillis())
            .sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "accounts");
        figures.put("companies", this.companies);
        figures.put("existing", this.existing);
        figures.put("latency_ms", this.latencyMs);
        figures.put("in_flight", this.inFlight);
        figures.put("created", creates);
        figures.put("updated", updates);
        if (contactOutcomes != null) {
            figures.put("contacts", this.contacts);
            figures.put("existing_contacts", this.existingContacts);
            figures.put("contacts_created", contactOutcomes.created());
            figures.put("contacts_updated", contactOutcomes.updated());
            figures.put("contact_write_calls", contactWriteCalls);
        }
        figures.put("wall_ms", wallMs);
        figures.put("apply_ms", applyMs);
        Map<String, Long> stepsMs = new LinkedHashMap<>();
        summary.steps().forEach(step -> stepsMs.merge(step.name(), step.duration().toMillis(), Long::sum));
        figures.put("steps_ms", stepsMs);
        figures.put("api_calls", summary.apiCalls());
        figures.put("org_calls", orgCalls);
        figures.put("write_calls", summary.writeCalls());
        figures.put("min_calls", minCalls);
        figures.put("call_ratio", Math.round(1000.0 * calls / Math.max(1, minCalls)) / 1000.0);
        figures.put("apply_ms_ideal", summary.writeCalls() * this.latencyMs / this.inFlight);
        figures.put("records_per_s", Math.round((this.companies + (long) this.contacts) * 1000.0 / Math.max(1, wallMs)));
        figures.put("peak_heap_mb", peakHeapMb);
        figures.put("rerun_write_calls", rerun.writeCalls());
        return figures;
    }

    /** Write calls of the apply-contacts step, as it recorded them. */
    private static long contactWriteCalls(SyncLauncher.Launch launch) {
        return writeCalls(launch, "apply-contacts");
    }

    /** Collections and Bulk calls of the steps whose name starts with a prefix, as they recorded them. */
    private static long writeCalls(SyncLauncher.Launch launch, String stepPrefix) {
        return launch.execution()
            .getStepExecutions()
            .stream()
            .filter(step -> step.getStepName().startsWith(stepPrefix))
            .mapToLong(step -> step.getExecutionContext().getLong(ConnectorLog.API_KEY_PREFIX + "collections", 0L)
                    + step.getExecutionContext().getLong(ConnectorLog.API_KEY_PREFIX + "bulk", 0L))
            .sum();
    }

    private String email(long contact) {
        return "person" + contact + "@company" + companyOf(contact) + ".com";
    }

    private void validate() {
        if (!List.of("bulk", "collections", "auto").contains(this.api)) {
            throw new UserFacingException("--api must be bulk, collections or auto, not '" + this.api + "'");
        }
        if (this.compareApis && !"auto".equals(this.api)) {
            throw new UserFacingException("--compare-apis runs both APIs: leave out --api");
        }
        if (this.companies < 1 || this.companies > 10_000_000) {
            throw new UserFacingException("--companies must be from 1 to 10,000,000, not " + this.companies);
        }
        if (this.existing < 0 || this.existing > this.companies) {
            throw new UserFacingException("--existing must be from 0 to --companies (" + this.companies + "), not "
                    + this.existing);
        }
        if (this.contacts < 0 || this.contacts > 30_000_000) {
            throw new UserFacingException("--contacts must be from 0 to 30,000,000, not " + this.contacts);
        }
        if (this.existingContacts < 0 || this.existingContacts > this.contacts) {
            throw new UserFacingException("--existing-contacts must be from 0 to --contacts (" + this.contacts
                    + "), not " + this.existingContacts);
        }
        if (this.latencyMs < 0 || this.latencyMs > 60_000) {
            throw new UserFacingException("--latency-ms must be from 0 to 60000, not " + this.latencyMs);
        }
        if (this.inFlight < 1 || this.inFlight > 16) {
            throw new UserFacingException("--in-flight must be from 1 to 16, not " + this.inFlight);
        }
    }

    private void prepareSource(PrintWriter out) {
        Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM companies", Long.class);
        if (rows != null && rows > 0 && !this.replace) {
            throw new UserFacingException("the companies table holds " + rows + " rows; the benchmark replaces the "
                    + "source data: pass --replace to allow it");
        }
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        this.jdbc.update("DELETE FROM sf_link WHERE job_name = 'bench-accounts'");
        this.jdbc.update("DELETE FROM sf_record_index WHERE job_name = 'bench-accounts'");
        long start = System.nanoTime();
        List<Object[]> batch = new ArrayList<>(5_000);
        for (int i = 1; i <= this.companies; i++) {
            batch.add(new Object[] { (long) i, "Company " + i, "https://www.company" + i + ".com/", i % 5_000,
                    INDUSTRIES.get(i % INDUSTRIES.size()) });
            if (batch.size() == 5_000 || i == this.companies) {
                this.jdbc.batchUpdate("INSERT INTO companies (id, name, domain, employees, industry) "
                        + "VALUES (?, ?, ?, ?, ?)", batch);
                batch.clear();
            }
        }
        for (int i = 1; i <= this.contacts; i++) {
            batch.add(new Object[] { (long) i, companyOf(i), email(i), "First" + i, "Person " + i,
                    TITLES.get(i % TITLES.size()) });
            if (batch.size() == 5_000 || i == this.contacts) {
                this.jdbc.batchUpdate("INSERT INTO contacts (id, company_id, email, first_name, last_name, title) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", batch);
                batch.clear();
            }
        }
        out.printf("source: %,d companies and %,d contacts inserted in %,d ms%n", this.companies, this.contacts,
                (System.nanoTime() - start) / 1_000_000);
        vacuumIfPostgres(out);
    }

    /**
     * Earlier benchmark runs leave many dead rows behind; where autovacuum is off (as on some test machines) they
     * would slow each run more than the last, so the benchmark cleans up before it measures.
     */
    private void vacuumIfPostgres(PrintWriter out) {
        if (this.database.isPostgres()) {
            long start = System.nanoTime();
            for (String table : List.of("companies", "contacts", "sf_link", "sf_record_index", "sync_plan",
                    "sync_error")) {
                this.jdbc.execute("VACUUM ANALYZE " + table);
            }
            out.printf("source: VACUUM ANALYZE of our tables in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Contacts are spread round-robin over the companies, so the first contacts sit under the first companies. */
    private long companyOf(long contact) {
        return 1 + (contact - 1) % this.companies;
    }

    private static long ceil(long value, long by) {
        return (value + by - 1) / by;
    }

}
