package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /query}, {@code /queryAll} and the "query more" locator resource: runs SOQL and pages results 2,000
 * records at a time (or the {@code Sforce-Query-Options: batchSize} asked for, 200..2000).
 */
final class QueryResource {

    static final int MAX_BATCH = 2000;

    // Bounds memory: each open cursor holds its matching rows until evicted.
    private static final int MAX_OPEN_CURSORS = 100;

    private final EmulatorOrg org;

    private final AtomicLong locatorSequence = new AtomicLong();

    // Least recently used cursors are dropped first, as Salesforce expires idle locators.
    private final Map<String, Cursor> cursors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN_CURSORS;
        }
    };

    QueryResource(EmulatorOrg org) {
        this.org = org;
    }

    /** Runs a query and returns the bound plan and the matching rows (used by Bulk query jobs too). */
    Result run(String soql, boolean includeDeleted) {
        if (soql == null || soql.isBlank()) {
            throw ApiException.of(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        try {
            SoqlQuery query = SoqlParser.parse(soql);
            return this.org.read(() -> {
                QueryPlan plan = QueryPlan.bind(query, this.org.fieldAccess(), this.org::table);
                return new Result(plan, plan.execute(includeDeleted));
            });
        }
        catch (SoqlException ex) {
            throw ex.toApiException(soql);
        }
    }

    /** Parses and binds a query without running it. */
    QueryPlan validate(String soql) {
        try {
            SoqlQuery query = SoqlParser.parse(soql);
            return this.org.read(() -> QueryPlan.bind(query, this.org.fieldAccess(), this.org::table));
        }
        catch (SoqlException ex) {
            throw ex.toApiException(soql);
        }
    }

    /** Rows {@code from..to} of a result as Bulk API 2.0 query CSV: header of field paths, every value quoted. */
    String csvPage(Result result, int from, int to, BulkFormat format) {
        List<FieldAccessor> columns = result.plan().columns();
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                out.append(format.delimiter());
            }
            FieldAccessor column = columns.get(c);
            String name = column.isParentField() ? column.relationshipName() + "." + column.field().name()
                    : column.field().name();
            format.appendQuoted(out, name);
        }
        out.append(format.newline());
        this.org.read(() -> {
            for (int i = from; i < to; i++) {
                Row row = result.rows().get(i);
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        out.append(format.delimiter());
                    }
                    FieldAccessor column = columns.get(c);
                    Object value = column.value(row);
                    if (value != null) {
                        format.appendQuoted(out, column.field().type().toCsv(value));
                    }
                }
                out.append(format.newline());
            }
            return null;
        });
        return out.toString();
    }

    ApiResponse query(ApiRequest request, String version, boolean includeDeleted) {
        Result result = run(request.param("q"), includeDeleted);
        SoqlQuery.Aggregate aggregate = result.plan().query().aggregate();
        if (!result.plan().query().groupBy().isEmpty()) {
            List<Object> records = this.org.read(() -> result.plan().aggregateRecords(result.rows()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("totalSize", records.size());
            body.put("done", true);
            body.put("records", records);
            return ApiResponse.json(200, body);
        }
        if (aggregate != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (aggregate.field() == null) {
                body.put("totalSize", result.rows().size());
                body.put("done", true);
                body.put("records", List.of());
            }
            else {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("attributes", Map.of("type", "AggregateResult"));
                record.put(aggregate.alias(), result.rows().size());
                body.put("totalSize", 1);
                body.put("done", true);
                body.put("records", List.of(record));
            }
            return ApiResponse.json(200, body);
        }
        String locator = SalesforceId.of("01g", this.locatorSequence.incrementAndGet()).substring(0, 15);
        Cursor cursor = new Cursor(result, batchSize(request));
        return page(locator, cursor, 0, version);
    }

    ApiResponse more(String locatorAndOffset, String version) {
        int dash = locatorAndOffset.lastIndexOf('-');
        Cursor cursor;
        int offset;
        synchronized (this.cursors) {
            cursor = (dash > 0) ? this.cursors.get(locatorAndOffset.substring(0, dash)) : null;
        }
        try {
            offset = (dash > 0) ? Integer.parseInt(locatorAndOffset.substring(dash + 1)) : -1;
        }
        catch (NumberFormatException ex) {
            offset = -1;
        }
        if (cursor == null || offset < 0 || offset > cursor.result().rows().size()) {
            throw ApiException.of(404, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return page(locatorAndOffset.substring(0, dash), cursor, offset, version);
    }

    private ApiResponse page(String locator, Cursor cursor, int offset, String version) {
        List<Row> rows = cursor.result().rows();
        int end = Math.min(rows.size(), offset + cursor.batchSize());
        QueryPlan plan = cursor.result().plan();
        List<Object> records = this.org.read(() -> {
            List<Object> rendered = new ArrayList<>(end - offset);
            for (int i = offset; i < end; i++) {
                rendered.add(plan.render(rows.get(i), version));
            }
            return rendered;
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", rows.size());
        body.put("done", end >= rows.size());
        synchronized (this.cursors) {
            if (end < rows.size()) {
                body.put("nextRecordsUrl", "/services/data/" + version + "/query/" + locator + "-" + end);
                this.cursors.put(locator, cursor);
            }
        }
        body.put("records", records);
        return ApiResponse.json(200, body).withHeader("X-Emulator-Records", Integer.toString(records.size()));
    }

    private static int batchSize(ApiRequest request) {
        String options = request.header("Sforce-Query-Options");
        if (options != null) {
            for (String option : options.split(",")) {
                String[] pair = option.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("batchSize")) {
                    try {
                        return Math.max(200, Math.min(MAX_BATCH, Integer.parseInt(pair[1].trim())));
                    }
                    catch (NumberFormatException ex) {
                        return MAX_BATCH;
                    }
                }
            }
        }
        return MAX_BATCH;
    }

    /** A query's plan and matching rows. */
    record Result(QueryPlan plan, List<Row> rows) {
    }

    private record Cursor(Result result, int batchSize) {
    }

}
