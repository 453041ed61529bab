package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk API 2.0 ingest ({@code /jobs/ingest}): create a job, upload CSV, close or abort it, poll it, and read the
 * successful, failed and unprocessed result files. Closed jobs are processed asynchronously after
 * {@link EmulatorControl#bulkProcessingDelay(java.time.Duration)}.
 */
final class BulkIngestResource {

    /** Salesforce's limit is 150 MB base64-encoded, about 100 MB of raw CSV. */
    static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

    private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "hardDelete");

    private final EmulatorOrg org;

    private final EmulatorControl control;

    private final ApiUsage usage;

    private final IngestProcessor processor;

    private final Map<String, IngestJob> jobs = new ConcurrentHashMap<>();

    private final AtomicLong sequence = new AtomicLong();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sf-emulator-bulk-ingest");
        thread.setDaemon(true);
        return thread;
    });

    BulkIngestResource(EmulatorOrg org, EmulatorControl control, ApiUsage usage) {
        this.org = org;
        this.control = control;
        this.usage = usage;
        this.processor = new IngestProcessor(org);
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
        IngestJob job = this.jobs.get(rest.get(0));
        if (job == null) {
            throw ApiException.notFound();
        }
        if (rest.size() == 1) {
            return switch (method) {
                case "GET" -> ApiResponse.json(200, job.detail());
                case "PATCH" -> changeState(request, job);
                case "DELETE" -> {
                    this.jobs.remove(job.id);
                    yield ApiResponse.empty(204);
                }
                default -> throw ApiException.methodNotAllowed(method);
            };
        }
        if (rest.size() == 2) {
            switch (rest.get(1)) {
                case "batches":
                    if (!method.equals("PUT")) {
                        throw ApiException.methodNotAllowed(method);
                    }
                    return upload(request, job);
                case "successfulResults":
                    return IngestResults.successful(job);
                case "failedResults":
                    return IngestResults.failed(job);
                case "unprocessedrecords":
                    return IngestResults.unprocessed(job);
                default:
                    throw ApiException.notFound();
            }
        }
        throw ApiException.notFound();
    }

    private ApiResponse create(ApiRequest request, String version) {
        if (!(JsonCodec.read(request.body()) instanceof Map<?, ?> body)) {
            throw ApiException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of job info");
        }
        String object = (body.get("object") instanceof String text) ? text : null;
        String operation = (body.get("operation") instanceof String text) ? text : null;
        if (object == null || operation == null) {
            throw ApiException.of(400, "INVALIDJOB", "object and operation are required");
        }
        ObjectTable table = this.org.table(object);
        if (table == null) {
            throw ApiException.of(400, "INVALIDJOB", "InvalidJob : Invalid object: " + object);
        }
        if (!OPERATIONS.contains(operation)) {
            throw ApiException.of(400, "INVALIDJOB", "InvalidJob : Invalid operation: " + operation);
        }
        if (body.get("contentType") != null && !"CSV".equals(body.get("contentType"))) {
            throw ApiException.of(400, "INVALIDJOB", "InvalidJob : Invalid content type: " + body.get("contentType"));
        }
        BulkFormat format = BulkFormat.of(body.get("columnDelimiter"), body.get("lineEnding"));
        if (format == null) {
            throw ApiException.of(400, "INVALIDJOB", "InvalidJob : Invalid columnDelimiter or lineEnding");
        }
        String externalId = (body.get("externalIdFieldName") instanceof String text) ? text : null;
        if (operation.equals("upsert")) {
            if (externalId == null || externalId.isBlank()) {
                throw ApiException.of(400, "INVALIDJOB", "InvalidJob : External ID was blank for " + table.type().name()
                        + ". An External ID must be specified for upsert.");
            }
            int slot = table.type().slotOf(externalId);
            if (slot < 0 || !table.type().field(slot).externalId()) {
                throw ApiException.of(400, "INVALIDJOB", "InvalidJob : Field name provided, " + externalId
                        + " is not an External ID or indexed field for " + table.type().name());
            }
            externalId = table.type().field(slot).name();
        }
        String id = SalesforceId.of("750", this.sequence.incrementAndGet());
        IngestJob job = new IngestJob(id, operation.equals("hardDelete") ? "hardDelete" : operation,
                table.type().name(), version, format, this.org.userId(), externalId);
        this.jobs.put(id, job);
        return ApiResponse.json(200, job.summary());
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

    private ApiResponse upload(ApiRequest request, IngestJob job) {
        synchronized (job) {
            if (!job.state.equals("Open")) {
                throw ApiException.of(409, "INVALIDJOBSTATE", "Job is not in Open state: " + job.state);
            }
            String contentType = request.header("Content-Type");
            if (contentType != null && !contentType.toLowerCase().startsWith("text/csv")) {
                throw ApiException.of(400, "INVALIDBATCH", "Unsupported content type: " + contentType);
            }
            if (job.uploadedBytes() + request.body().length > MAX_UPLOAD_BYTES) {
                throw ApiException.of(400, "INVALIDBATCH",
                        "Upload exceeds the maximum of 150 MB (base64 encoded) per job");
            }
            job.append(request.body());
        }
        return ApiResponse.empty(201);
    }

    private ApiResponse changeState(ApiRequest request, IngestJob job) {
        Object state = (JsonCodec.read(request.body()) instanceof Map<?, ?> body) ? body.get("state") : null;
        synchronized (job) {
            if ("UploadComplete".equals(state)) {
                if (!job.state.equals("Open")) {
                    throw ApiException.of(409, "INVALIDJOBSTATE", "Job is not in Open state: " + job.state);
                }
                job.setState("UploadComplete");
                long delay = this.control.bulkProcessingDelay().toMillis();
                this.scheduler.schedule(() -> run(job), delay, TimeUnit.MILLISECONDS);
            }
            else if ("Aborted".equals(state)) {
                if (job.isTerminal()) {
                    throw ApiException.of(409, "INVALIDJOBSTATE", "Job is already in a terminal state: " + job.state);
                }
                job.setState("Aborted");
            }
            else {
                throw ApiException.of(400, "INVALIDJOBSTATE", "Invalid state transition to: " + state);
            }
        }
        return ApiResponse.json(200, job.summary());
    }

    private void run(IngestJob job) {
        if (job.state.equals("Aborted")) {
            return;
        }
        EmulatorControl.BulkJobFailure failure = this.control.takeBulkJobFailure();
        if (failure != null && failure.afterRecords() == 0) {
            job.errorMessage = failure.errorMessage();
            job.setState("Failed");
            return;
        }
        try {
            this.processor.process(job, failure);
            this.usage.bulkBatchesUsed(Math.max(1, (int) ((job.numberRecordsProcessed + IngestProcessor.INTERNAL_BATCH
                    - 1) / IngestProcessor.INTERNAL_BATCH)));
        }
        catch (RuntimeException ex) {
            // The emulator itself failed: report it as Salesforce reports a job it could not process.
            job.errorMessage = "InternalServerError : " + ex;
            job.setState("Failed");
        }
    }

}
