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
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.goodfit.sync.domain.EmailNormaliser;
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
 * {@code demo}: the whole product in one command, with nothing to install. Generates sample companies and their
 * contacts, starts an emulated org holding Accounts and Contacts that match some of them in messy ways, then syncs
 * three times (Accounts update-only, then the job as written, then again with nothing changed) and prints what each
 * run did.
 */
@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample data, sync it three times into an in-process emulated org, print the summaries.")
class DemoCommand implements CliCommand {

    private static final Instant LONG_AGO = Instant.parse("2018-03-01T09:00:00Z");

    private static final Instant LATER = Instant.parse("2023-06-01T09:00:00Z");

    /** The length of Contact.Email in every org. */
    private static final int CONTACT_EMAIL_LENGTH = 80;

    private static final Pattern ACCOUNTS_CREATE = Pattern.compile("(?m)^([ \\t]+accounts:[ \\t]*)create-and-update\\b");

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final LocalOrgFactory orgs;

    private final SyncLauncher launcher;

    private final ConnectorLog log;

    @Spec
    private CommandSpec spec;

    @Option(names = "--companies", defaultValue = "1000", description = "Sample companies (default ${DEFAULT-VALUE}).")
    private int companies;

    @Option(names = "--contacts-per-company", defaultValue = "3",
            description = "Average sample contacts a company (default ${DEFAULT-VALUE}).")
    private int contactsPerCompany;

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
        if (this.contactsPerCompany < 0 || this.contactsPerCompany > 20) {
            throw new UserFacingException(
                    "--contacts-per-company must be from 0 to 20 for the demo, not " + this.contactsPerCompany);
        }
        PrintWriter out = this.spec.commandLine().getOut();
        Path jobFile = jobFile();
        out.printf("1. Generating %,d sample companies with about %d contacts each (seed %d) in %s%n", this.companies,
                this.contactsPerCompany, this.seed, database());
        new SampleDataLoader(this.dataSource).load(this.companies, this.contactsPerCompany, this.seed, true,
                new GenerationListener() {
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
            out.printf("   It also holds %d Contacts: %d match contacts by email in another case, %d emails have a%n",
                    org.count("Contact"), seeded.contacts().matching(), seeded.contacts().ambiguous());
            out.printf("   second, newer Contact (AMBIGUOUS_MATCH), %d already have a Title (override replaces it).%n",
                    seeded.contacts().withTitle());
            Optional<Path> updateOnly = updateOnlyCopy(jobFile);
            int step = 3;
            if (updateOnly.isPresent()) {
                out.printf("%d. First sync with Accounts in update-only mode (a copy of %s): matched Accounts and%n",
                        step++, jobFile);
                out.printf("   Contacts are updated; the contacts of companies with no Account are skipped with%n");
                out.printf("   ACCOUNT_NOT_SYNCED:%n");
                run(updateOnly.get(), out);
                out.println();
            }
            int writing = step;
            out.printf("%d. Sync with the job as written (%s):%n", writing, jobFile);
            RunSummary first = run(jobFile, out);
            out.printf("%n%d. Again, nothing changed in between:%n", writing + 1);
            RunSummary second = run(jobFile, out);
            out.printf("%nThe last run made %d write calls%s.%n", second.writeCalls(),
                    (second.writeCalls() == 0) ? ": every record was already up to date" : "");
            out.printf("Accounts in the org: %d, Contacts: %d. Inspect the records step %d wrote with SQL on table "
                    + "sync_plan (job_instance_id %d).%n", org.count("Account"), org.count("Contact"), writing,
                    first.instanceId());
            return "COMPLETED".equals(first.status()) && "COMPLETED".equals(second.status()) ? ExitCodes.OK
                    : ExitCodes.FAILED;
        }
    }

    /**
     * A copy of the job with {@code modes.accounts: update-only}, under the same job name (so the runs share their
     * links), or empty when the job does not spell its accounts mode as the shipped demo does.
     */
    private Optional<Path> updateOnlyCopy(Path jobFile) throws IOException {
        String yaml = Files.readString(jobFile);
        String changed = ACCOUNTS_CREATE.matcher(yaml).replaceFirst("$1update-only");
        if (changed.equals(yaml)) {
            return Optional.empty();
        }
        Path copy = TemporaryFiles.inNewFolder("goodfit-demo-update-only", jobFile.getFileName().toString());
        Files.writeString(copy, changed);
        return Optional.of(copy);
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
        return new SeededOrg(matching, withEmployees, ambiguous, 20, seedContacts(org));
    }

    /**
     * Seeds Contacts for about a third of the contacts with a valid email, as a CRM holds them: the address in
     * another case, some with a Title of their own, some emails held twice. Emails longer than Contact.Email
     * allows are left out: no org can hold them, and the sample data has some on purpose.
     */
    private SeededContacts seedContacts(LocalOrg org) {
        EmailNormaliser emails = new EmailNormaliser();
        List<Map<String, Object>> rows = this.jdbc.queryForList(
                "SELECT id, email, last_name FROM contacts ORDER BY id");
        int matching = 0;
        int ambiguous = 0;
        int withTitle = 0;
        Map<String, Boolean> seen = new HashMap<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            Optional<String> email = emails.normalise((String) row.get("email"));
            if (email.isEmpty() || email.get().length() > CONTACT_EMAIL_LENGTH || id % 3 != 1
                    || seen.putIfAbsent(email.get(), true) != null) {
                continue;
            }
            Map<String, Object> contact = new HashMap<>();
            contact.put("LastName", (row.get("last_name") != null) ? row.get("last_name") + " (CRM)" : "Unknown");
            contact.put("Email", (id % 2 == 0) ? email.get().toUpperCase(Locale.ROOT) : capitalised(email.get()));
            if (id % 4 == 1) {
                contact.put("Title", "Title typed by a sales rep");
                withTitle++;
            }
            org.insert("Contact", contact, LONG_AGO);
            matching++;
            if (id % 10 == 1) {
                org.insert("Contact", Map.of("LastName", "Duplicate", "Email", email.get()), LATER);
                ambiguous++;
            }
        }
        return new SeededContacts(matching, ambiguous, withTitle);
    }

    private static String capitalised(String email) {
        return email.substring(0, 1).toUpperCase(Locale.ROOT) + email.substring(1);
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
        Path extracted = TemporaryFiles.inNewFolder("goodfit-demo", "demo.yml");
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

    private record SeededOrg(int matching, int withEmployees, int ambiguous, int unrelated, SeededContacts contacts) {
    }

    private record SeededContacts(int matching, int ambiguous, int withTitle) {
    }

}
