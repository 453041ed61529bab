package com.goodfit.sync.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import com.goodfit.sync.log.OutcomeLog;
import com.goodfit.sync.log.OutcomeQuery;
import com.goodfit.sync.log.RecordOutcome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code log <execution-id> [--outcome O] [--reason CODE] [--format table|json|csv]}: a run's per-record outcomes.
 */
@Component
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Print a run's per-record outcomes: ids, Salesforce Ids, reasons and errors, changed fields.")
class LogCommand implements CliCommand {

    private final OutcomeLog log;

    private final JsonMapper json;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<execution-id>", description = "Any execution of the run.")
    private long executionId;

    @Option(names = "--outcome", paramLabel = "<outcome>", defaultValue = Option.NULL_VALUE,
            description = "Only created, updated, unchanged, skipped, failed or pending records.")
    private String outcome;

    @Option(names = "--reason", paramLabel = "<code>", defaultValue = Option.NULL_VALUE,
            description = "Only records with this skip reason or Salesforce error code, e.g. INVALID_DOMAIN.")
    private String reason;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
            description = "table (default), json or csv.")
    private Format format;

    LogCommand(OutcomeLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public Integer call() throws IOException {
        long runId = this.log.runOf(this.executionId)
            .orElseThrow(() -> new UserFacingException("no job execution with id " + this.executionId));
        OutcomeQuery query;
        try {
            query = new OutcomeQuery(this.outcome, this.reason, Long.MAX_VALUE, 0);
        }
        catch (IllegalArgumentException ex) {
            throw new UserFacingException(ex.getMessage());
        }
        PrintWriter out = this.spec.commandLine().getOut();
        switch (this.format) {
            case json -> printJson(runId, query, out);
            case csv -> printCsv(runId, query, out);
            default -> printTable(runId, query, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printTable(long runId, OutcomeQuery query, PrintWriter out) {
        out.printf("%-8s %10s %-10s %-18s %-32s %s%n", "object", "source id", "outcome", "salesforce id",
                "reason / error", "message / changes");
        this.log.forEach(runId, query, record -> out.printf("%-8s %10d %-10s %-18s %-32s %s%n", record.object(),
                record.sourceId(), record.outcome(), orDash(record.salesforceId()), orDash(record.code()),
                (record.message() != null) ? record.message() : orDash(record.changes())));
    }

    private void printJson(long runId, OutcomeQuery query, PrintWriter out) {
        out.println("[");
        boolean[] first = { true };
        this.log.forEach(runId, query, record -> {
            out.print(first[0] ? "  " : ",\n  ");
            first[0] = false;
            out.print(this.json.writeValueAsString(record));
        });
        out.println(first[0] ? "]" : "\n]");
    }

    private void printCsv(long runId, OutcomeQuery query, PrintWriter out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder()
            .setHeader("object", "source_id", "outcome", "salesforce_id", "code", "message", "changes")
            .get()
            .print(out);
        this.log.forEach(runId, query, record -> print(csv, record));
        csv.flush();
    }

    private static void print(CSVPrinter csv, RecordOutcome record) {
        try {
            csv.printRecord(record.object(), record.sourceId(), record.outcome(), record.salesforceId(),
                    record.code(), record.message(), record.changes());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String orDash(String value) {
        return (value != null) ? value : "-";
    }

    enum Format {

        table, json, csv

    }

}
