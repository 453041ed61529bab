package com.goodfit.sync.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk API 2.0 query ({@code /jobs/query}): create a job from SOQL, poll it, and page its CSV results by
 * {@code locator} and {@code maxRecords}, with {@code Sforce-Locator} ({@code null} on the last page) and
 * {@code Sforce-NumberOfRecords} headers.
 */
final class BulkQueryResource {

    /** Page size when the client does not pass maxRecords. */
    static final int DEFAULT_MAX_RECORDS = 50_000;

    private final EmulatorOrg org;

    private final QueryResource query;

    private final EmulatorControl control;

    private final ApiUsage usage;

    private final Map<String, QueryJob> jobs = new ConcurrentHashMap<>();

    private final AtomicLong sequence = new AtomicLong(500_000);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sf-emulator-bulk-query");
        thread.setDaemon(true);
        return thread;
    });

    BulkQueryResource(EmulatorOrg org, QueryResource query, EmulatorControl control, ApiUsage usage) {
        this.org = org;
        this.query = query;
        this.control = control;
        this.usage = usage;
    }

    void close() {
        this.scheduler.shutdownNow();
    }

    ApiResponse handle(ApiRequest request, List<String> rest, String version) {
        String method = request.method();
        if (rest.isEmpty()) {
            return switch (method) {
                case "POST" -> create(request, version);
                case "GET" -> list();
                default -> throw ApiException.methodNotAllowed(method);
            };
        }
        QueryJob job = this.jobs.get(rest.get(0));
        if (job == null) {
            throw ApiException.notFound();
        }
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> ApiResponse.json(200, job.detail());
                case "PATCH" -> abort(request, job);
                case "DELETE" -> {
                    this.jobs.remove(job.id);
                    yield ApiResponse.empty(204);
                }
                default -> throw ApiException.methodNotAllowed(method);
            };
        }
        if (rest.size() == 2 && rest.get(1).equals("results") && method.equals("GET")) {
            return results(request, job, version);
        }
        throw ApiException.notFound();
    }

    private ApiResponse create(ApiRequest request, String version) {
        if (!(JsonCodec.read(request.body()) instanceof Map<?, ?> body)) {
            throw ApiException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of job info");
        }
        Object operation = body.get("operation");
        if (!"query".equals(operation) && !"queryAll".equals(operation)) {
            throw ApiException.of(400, "INVALIDJOB", "InvalidJob : Invalid operation: " + operation);
        }
        if (!(body.get("query") instanceof String soql) || soql.isBlank()) {
            throw ApiException.of(400, "INVALIDJOB", "InvalidJob : query is required");
        }
        BulkFormat format = BulkFormat.of(body.get("columnDelimiter"), body.get("lineEnding"));
        if (format == null) {
            throw ApiException.of(400, "INVALIDJOB", "InvalidJob : Invalid columnDelimiter or lineEnding");
        }
        SoqlQuery parsed;
        try {
            parsed = SoqlParser.parse(soql);
        }
        catch (SoqlException ex) {
            throw ex.toApiException(soql);
        }
        if (!parsed.children().isEmpty()) {
            throw ApiException.of(400, "API_ERROR", "Bulk API 2.0 query does not support relationship subqueries");
        }
        if (parsed.aggregate() != null || !parsed.groupBy().isEmpty()) {
            throw ApiException.of(400, "API_ERROR", "Aggregate queries are not supported by Bulk API 2.0");
        }
        // Validate the statement against the schema now, as Salesforce rejects bad fields at job creation.
        String object = this.query.validate(soql).type().name();
        String id = SalesforceId.of("750", this.sequence.incrementAndGet());
        QueryJob job = new QueryJob(id, (String) operation, object, version, format, this.org.userId(), soql);
        this.jobs.put(id, job);
        this.usage.bulkQueryJobCreated();
        long delay = this.control.bulkProcessingDelay().toMillis();
        this.scheduler.schedule(() -> run(job), delay, TimeUnit.MILLISECONDS);
        return ApiResponse.json(200, job.summary());
    }

    private void run(QueryJob job) {
        if (job.state.equals("Aborted")) {
            return;
        }
        long started = System.currentTimeMillis();
        job.setState("InProgress");
        try {
            job.result = this.query.run(job.soql, job.operation.equals("queryAll"));
            job.numberRecordsProcessed = job.result.rows().size();
            job.totalProcessingTime = System.currentTimeMillis() - started;
            job.setState("JobComplete");
        }
        catch (ApiException ex) {
            job.errorMessage = ex.getMessage();
            job.setState("Failed");
        }
    }

    private ApiResponse list() {
        List<Object> records = new ArrayList<>();
        this.jobs.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).forEach(job -> records.add(job.summary()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("records", records);
        body.put("nextRecordsUrl", null);
        return ApiResponse.json(200, body);
    }

    private ApiResponse abort(ApiRequest request, QueryJob job) {
        Object state = (JsonCodec.read(request.body()) instanceof Map<?, ?> body) ? body.get("state") : null;
        if (!"Aborted".equals(state)) {
            throw ApiException.of(400, "INVALIDJOBSTATE", "Invalid state transition to: " + state);
        }
        if (job.isTerminal()) {
            throw ApiException.of(409, "INVALIDJOBSTATE", "Job is already in a terminal state: " + job.state);
        }
        job.setState("Aborted");
        return ApiResponse.json(200, job.summary());
    }

    private ApiResponse results(ApiRequest request, QueryJob job, String version) {
        if (!job.version.equals(version)) {
            throw ApiException.of(409, "INVALIDJOBSTATE", "The job was created with API version " + job.version
                    + "; use the same version to get its results");
        }
        if (!job.state.equals("JobComplete")) {
            throw ApiException.of(400, "INVALIDJOBSTATE", "Job is not in JobComplete state: " + job.state);
        }
        int offset = 0;
        String locator = request.param("locator");
        if (locator != null && !locator.isEmpty()) {
            try {
                offset = Integer.parseInt(new String(Base64.getDecoder().decode(locator), StandardCharsets.UTF_8));
            }
            catch (IllegalArgumentException ex) {
                offset = -1;
            }
            if (offset < 0 || offset > job.rows().size()) {
                throw ApiException.of(400, "INVALIDLOCATOR", "Invalid locator: " + locator);
            }
        }
        int maxRecords = DEFAULT_MAX_RECORDS;
        if (request.param("maxRecords") != null) {
            try {
                maxRecords = Integer.parseInt(request.param("maxRecords"));
            }
            catch (NumberFormatException ex) {
                maxRecords = -1;
            }
            if (maxRecords < 1) {
                throw ApiException.of(400, "INVALIDMAXRECORDS", "maxRecords must be a positive integer");
            }
        }
        int end = (int) Math.min(job.rows().size(), (long) offset + maxRecords);
        int from = offset;
        String csv = this.query.csvPage(job.result, from, end, job.format);
        String next = (end < job.rows().size())
                ? Base64.getEncoder()
                    .withoutPadding()
                    .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8))
                : "null";
        return ApiResponse.csv(200, csv)
            .withHeader("Sforce-Locator", next)
            .withHeader("Sforce-NumberOfRecords", Integer.toString(end - from));
    }

}
