package com.goodfit.sync.source;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.goodfit.sync.admin.CliCommand;
import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;

/**
 * {@code generate}: fills the source tables with realistic, deliberately messy, reproducible sample data and
 * reports progress and what it wrote.
 */
@Component
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fill the source tables with realistic, messy sample data (same seed, same rows).",
        footer = { "%nExamples:", "  goodfit-sync generate --companies 2000",
                "  goodfit-sync generate --companies 1000000 --contacts-per-company 5 --replace",
                "%nPostgreSQL is filled with COPY, the embedded H2 database with batch inserts; both get the same rows.",
                "Everything happens in one transaction: on failure the tables are left as they were." })
class GenerateCommand implements CliCommand, GenerationListener {

    static final long MAX_COMPANIES = 10_000_000;

    static final int MAX_CONTACTS_PER_COMPANY = 100;

    static final long MAX_CONTACTS = 100_000_000;

    private static final long PROGRESS_NANOS = Duration.ofSeconds(2).toNanos();

    private final DataSource dataSource;

    @Spec
    private CommandSpec spec;

    @Option(names = "--companies", required = true, paramLabel = "N",
            description = "Number of companies to generate (1 to 10,000,000).")
    long companies;

    @Option(names = "--contacts-per-company", paramLabel = "K", defaultValue = "3",
            description = "Average contacts per company, 0 to 100; the total is exactly N x K "
                    + "(default: ${DEFAULT-VALUE}).")
    int contactsPerCompany;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of every value: the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--replace",
            description = "Empty companies and contacts first (field_definitions is kept). "
                    + "Without it the tables must be empty.")
    boolean replace;

    private long tableStarted;

    private long lastReport;

    GenerateCommand(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Integer call() {
        validate(this.companies, this.contactsPerCompany);
        GenerationSummary summary = new SampleDataLoader(this.dataSource).load(this.companies,
                this.contactsPerCompany, this.seed, this.replace, this);
        printSummary(this.spec.commandLine().getOut(), summary);
        return ExitCodes.OK;
    }

    static void validate(long companies, int contactsPerCompany) {
        if (companies < 1 || companies > MAX_COMPANIES) {
            throw new UserFacingException(String.format(Locale.ROOT,
                    "--companies must be between 1 and %,d (got %d)", MAX_COMPANIES, companies));
        }
        if (contactsPerCompany < 0 || contactsPerCompany > MAX_CONTACTS_PER_COMPANY) {
            throw new UserFacingException(String.format(Locale.ROOT,
                    "--contacts-per-company must be between 0 and %d (got %d)", MAX_CONTACTS_PER_COMPANY,
                    contactsPerCompany));
        }
        if (companies * contactsPerCompany > MAX_CONTACTS) {
            throw new UserFacingException(String.format(Locale.ROOT,
                    "--companies x --contacts-per-company must not exceed %,d contacts (got %,d)", MAX_CONTACTS,
                    companies * contactsPerCompany));
        }
    }

    @Override
    public void started(String database, String method, long companies, long contacts) {
        PrintWriter out = this.spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Generating %,d companies and %,d contacts (seed %d) into %s with %s...%n", companies,
                contacts, this.seed, database, method);
        out.flush();
        this.tableStarted = System.nanoTime();
        this.lastReport = this.tableStarted;
    }

    @Override
    public void written(String table, long written, long total) {
        long now = System.nanoTime();
        boolean done = written >= total;
        if (done || now - this.lastReport >= PROGRESS_NANOS) {
            double seconds = Math.max(1e-3, (now - this.tableStarted) / 1e9);
            PrintWriter out = this.spec.commandLine().getOut();
            out.printf(Locale.ROOT, "  %-9s %,13d / %,d (%3d%%)  %,9d rows/s%n", table, written, total,
                    (total == 0) ? 100 : written * 100 / total, (long) (written / seconds));
            out.flush();
            this.lastReport = now;
            if (done) {
                this.tableStarted = now;
            }
        }
    }

    private void printSummary(PrintWriter out, GenerationSummary summary) {
        out.printf(Locale.ROOT, "Generated %,d companies and %,d contacts (seed %d) into %s in %s (%,d rows/s).%n",
                summary.companies(), summary.contacts(), this.seed, summary.database(), format(summary.elapsed()),
                summary.rowsPerSecond());
        out.println("Deliberately messy rows:");
        for (Map.Entry<MessKind, Long> entry : new TreeMap<>(summary.mess()).entrySet()) {
            out.printf(Locale.ROOT, "  %-32s %,12d%n", entry.getKey().label(), entry.getValue());
        }
        out.flush();
    }

    private static String format(Duration elapsed) {
        long minutes = elapsed.toMinutes();
        double seconds = elapsed.minusMinutes(minutes).toMillis() / 1000.0;
        return (minutes > 0) ? String.format(Locale.ROOT, "%dm %04.1fs", minutes, seconds)
                : String.format(Locale.ROOT, "%.1fs", seconds);
    }

}
