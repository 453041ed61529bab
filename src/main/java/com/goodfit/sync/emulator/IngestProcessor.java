package com.goodfit.sync.emulator;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Processes an uploaded ingest job: parses its CSV, maps columns to fields (including
 * {@code Relationship.ExternalIdField} columns), and applies each row through the same {@link DmlEngine} and org
 * rules as the REST paths, in internal batches of 10,000 rows so API reads can interleave.
 */
final class IngestProcessor {

    static final int INTERNAL_BATCH = 10_000;

    static final String SET_NULL = "#N/A";

    private final EmulatorOrg org;

    IngestProcessor(EmulatorOrg org) {
        this.org = org;
    }

    /** A column: either a field slot, or a parent lookup by external ID written into a reference slot. */
    private record Column(int slot, ObjectTable parent, int parentKeySlot, String header) {
    }

    /**
     * @param job a closed job
     * @param failure null to process every row; else the job processes the failure's first rows, then ends
     * {@code Failed} with its message
     */
    void process(IngestJob job, EmulatorControl.BulkJobFailure failure) {
        long started = System.currentTimeMillis();
        job.setState("InProgress");
        ObjectTable table = this.org.table(job.object);
        List<Column> columns;
        try {
            parse(job);
            columns = columns(job, table);
        }
        catch (IllegalArgumentException ex) {
            job.errorMessage = ex.getMessage();
            job.setState("Failed");
            return;
        }
        int keySlot = (job.externalIdFieldName != null) ? table.type().slotOf(job.externalIdFieldName) : -1;
        int end = (failure != null) ? Math.min(job.rows.size(), failure.afterRecords()) : job.rows.size();
        for (int from = 0; from < end; from += INTERNAL_BATCH) {
            if (job.state.equals("Aborted")) {
                return;
            }
            int to = Math.min(end, from + INTERNAL_BATCH);
            int start = from;
            List<IngestJob.Outcome> outcomes = this.org.write(() -> {
                DmlEngine.Session session = new DmlEngine.Session(EmulatorControl.CallFault.BACKGROUND);
                List<IngestJob.Outcome> batch = new ArrayList<>(to - start);
                for (int i = start; i < to; i++) {
                    batch.add(processRow(job, table, columns, keySlot, job.rows.get(i), session));
                }
                if (job.operation.equals("hardDelete")) {
                    // hardDelete skips the recycle bin: the rows leave queryAll too. Bulk jobs never roll back.
                    List<String> deleted = new ArrayList<>();
                    batch.stream().filter(IngestJob.Outcome::success).forEach(o -> deleted.add(o.id()));
                    this.org.purgeDeleted(table, deleted);
                }
                return batch;
            });
            synchronized (job) {
                for (IngestJob.Outcome outcome : outcomes) {
                    job.outcomes.add(outcome);
                    if (!outcome.success()) {
                        job.numberRecordsFailed++;
                    }
                }
                job.numberRecordsProcessed = job.outcomes.size();
            }
        }
        long elapsed = System.currentTimeMillis() - started;
        job.totalProcessingTime = elapsed;
        job.apiActiveProcessingTime = elapsed;
        if (failure != null) {
            job.errorMessage = failure.errorMessage();
            job.setState("Failed");
            return;
        }
        job.setState("JobComplete");
    }

    private void parse(IngestJob job) {
        String csv = new String(job.uploadBytes(), StandardCharsets.UTF_8);
        if (csv.isBlank()) {
            throw new IllegalArgumentException("InvalidBatch : No content in the uploaded data");
        }
        try (CSVParser parser = CSVParser.builder()
            .setReader(new StringReader(csv))
            .setFormat(job.format.parser())
            .get()) {
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                String[] values = record.values();
                if (header == null) {
                    header = List.of(values);
                    continue;
                }
                if (values.length != header.size()) {
                    throw new IllegalArgumentException("InvalidBatch : Wrong number of columns in row "
                            + record.getRecordNumber() + ": expected " + header.size() + " but found "
                            + values.length);
                }
                rows.add(values);
            }
            synchronized (job) {
                job.header = header;
                job.rows.addAll(rows);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (IllegalStateException | java.io.UncheckedIOException ex) {
            throw new IllegalArgumentException("InvalidBatch : Failed to parse CSV: " + ex.getMessage());
        }
    }

    private List<Column> columns(IngestJob job, ObjectTable table) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : job.header) {
            if (!seen.add(name.trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("InvalidBatch : Duplicate field name: " + name.trim());
            }
        }
        FieldAccess access = this.org.fieldAccess();
        for (String name : job.header) {
            String trimmed = name.trim();
            int dot = trimmed.indexOf('.');
            if (dot > 0) {
                String relationship = trimmed.substring(0, dot);
                String parentField = trimmed.substring(dot + 1);
                Column column = null;
                for (int slot = 0; slot < table.type().fieldCount(); slot++) {
                    FieldDefinition field = table.type().field(slot);
                    if (relationship.equalsIgnoreCase(field.relationshipName())) {
                        ObjectTable parent = this.org.table(field.referenceTo());
                        int parentKey = parent.type().slotOf(parentField);
                        if (parentKey < 0 || !parent.type().field(parentKey).idLookup()) {
                            throw new IllegalArgumentException("InvalidBatch : Field name not found : " + trimmed);
                        }
                        column = new Column(slot, parent, parentKey, trimmed);
                    }
                }
                if (column == null) {
                    throw new IllegalArgumentException("InvalidBatch : Field name not found : " + trimmed);
                }
                columns.add(column);
                continue;
            }
            int slot = table.type().slotOf(trimmed);
            if (slot < 0 || !access.visible(table.type(), table.type().field(slot))) {
                throw new IllegalArgumentException("InvalidBatch : Field name not found : " + trimmed);
            }
            columns.add(new Column(slot, null, -1, trimmed));
        }
        return columns;
    }

    private IngestJob.Outcome processRow(IngestJob job, ObjectTable table, List<Column> columns, int keySlot,
            String[] cells, DmlEngine.Session session) {
        Map<Integer, Object> values = new LinkedHashMap<>();
        String id = null;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            String cell = cells[c];
            if (cell.isEmpty()) {
                continue;
            }
            if (column.slot() == SObjectType.ID_SLOT) {
                id = cell;
                continue;
            }
            if (column.parent() != null) {
                if (cell.equals(SET_NULL)) {
                    values.put(column.slot(), null);
                    continue;
                }
                List<Row> parents = column.parent().find(column.parentKeySlot(), cell);
                FieldDefinition parentKey = column.parent().type().field(column.parentKeySlot());
                if (parentKey.type() == FieldType.ID) {
                    Row parent = SalesforceId.normalise(cell).map(column.parent()::byId).orElse(null);
                    parents = (parent != null) ? List.of(parent) : List.of();
                }
                if (parents.size() != 1) {
                    String error = (parents.isEmpty())
                            ? "INVALID_FIELD:Foreign key external ID: " + cell + " not found for field "
                                    + parentKey.name() + " in entity " + column.parent().type().name() + ":--"
                            : "DUPLICATE_EXTERNAL_ID:Foreign key external ID: " + cell + " matched more than one "
                                    + column.parent().type().name() + ":--";
                    return new IngestJob.Outcome(null, false, false, error);
                }
                values.put(column.slot(), parents.get(0).id());
                continue;
            }
            FieldDefinition field = table.type().field(column.slot());
            if (cell.equals(SET_NULL)) {
                values.put(column.slot(), null);
                continue;
            }
            try {
                values.put(column.slot(), field.type().coerce(cell));
            }
            catch (IllegalArgumentException ex) {
                return new IngestJob.Outcome(null, false, false, "INVALID_TYPE_ON_FIELD_IN_RECORD:" + field.label()
                        + ": value not of required type: " + cell + ":" + field.name() + " --");
            }
        }
        SaveResult result;
        switch (job.operation) {
            case "insert":
                if (id != null) {
                    values.put(SObjectType.ID_SLOT, id);
                }
                result = this.org.dml().create(session, table, values);
                break;
            case "update":
                result = (id == null) ? SaveResult.failed(null,
                        SaveError.of("MISSING_ARGUMENT", "Id not specified in an update call"))
                        : this.org.dml().update(session, table, id, values);
                break;
            case "upsert":
                result = this.org.dml().upsert(session, table, keySlot, values);
                break;
            default:
                result = (id == null) ? SaveResult.failed(null,
                        SaveError.of("MISSING_ARGUMENT", "Id not specified in a delete call"))
                        : this.org.dml().delete(session, table, id);
                break;
        }
        if (result.success()) {
            return new IngestJob.Outcome(result.id(), true, result.created() && !job.operation.equals("update")
                    && !job.operation.equals("delete"), null);
        }
        return new IngestJob.Outcome(result.id(), false, false, result.firstError().toBulkCell());
    }

}
