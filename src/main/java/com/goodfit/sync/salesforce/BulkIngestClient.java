package com.goodfit.sync.salesforce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * Bulk API 2.0 ingest: create a job, upload its CSV, close it ({@code UploadComplete}) or abort it, poll it until it
 * ends, and stream its successful, failed and unprocessed rows. {@link #submit} does the first three for any number of
 * rows, starting a new job whenever the CSV would exceed the upload size limit. Thread-safe.
 */
public final class BulkIngestClient {

    private final SalesforceTransport transport;

    private final BulkJobPoller poller;

    private final long maxUploadBytes;

    BulkIngestClient(SalesforceTransport transport, BulkJobPoller poller, long maxUploadBytes) {
        this.transport = transport;
        this.poller = poller;
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * Writes rows as CSV into as many jobs as the upload limit requires, uploads and closes each. An empty cell
     * (or a {@code null} value) leaves a field unchanged; {@code #N/A} sets it null.
     * @param spec the job's object and operation
     * @param columns the header: field API names, e.g. {@code Account.Ext_Id__c} for a parent by external Id
     * @param rows the values, one list per row, in column order
     * @return the closed jobs, in order; each still has to be awaited
     */
    public List<BulkJobInfo> submit(IngestJobSpec spec, List<String> columns, Iterable<? extends List<?>> rows) {
        byte[] header = csv(columns);
        List<BulkJobInfo> jobs = new ArrayList<>();
        ByteArrayOutputStream upload = new ByteArrayOutputStream();
        upload.writeBytes(header);
        int rowsInUpload = 0;
        for (List<?> row : rows) {
            Assert.isTrue(row.size() == columns.size(),
                    () -> "row has %d values for %d columns".formatted(row.size(), columns.size()));
            byte[] line = csv(row);
            Assert.isTrue(header.length + line.length <= this.maxUploadBytes,
                    "one row is larger than the upload size limit");
            if (upload.size() + line.length > this.maxUploadBytes) {
                jobs.add(createUploadClose(spec, upload.toByteArray()));
                upload.reset();
                upload.writeBytes(header);
                rowsInUpload = 0;
            }
            upload.writeBytes(line);
            rowsInUpload++;
        }
        if (rowsInUpload > 0) {
            jobs.add(createUploadClose(spec, upload.toByteArray()));
        }
        return jobs;
    }

    /**
     * Creates an open job ({@code POST /jobs/ingest}).
     * @param spec the object and operation
     * @return the job, state {@code Open}
     */
    public BulkJobInfo create(IngestJobSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", spec.object());
        body.put("operation", spec.operation().apiName());
        if (spec.externalIdFieldName() != null) {
            body.put("externalIdFieldName", spec.externalIdFieldName());
        }
        body.put("contentType", "CSV");
        body.put("columnDelimiter", "COMMA");
        body.put("lineEnding", "LF");
        return BulkJobInfo.from(this.transport.call(() -> this.transport.rest()
            .post()
            .uri(this.transport.data("/jobs/ingest"))
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(JsonNode.class)));
    }

    /**
     * Uploads a job's CSV ({@code PUT .../batches}); one upload per job.
     * @param jobId the open job
     * @param csv UTF-8 CSV with a header row, at most the configured upload size
     */
    public void upload(String jobId, byte[] csv) {
        Assert.isTrue(csv.length <= this.maxUploadBytes, () -> "CSV of %d bytes exceeds the upload limit of %d bytes"
            .formatted(csv.length, this.maxUploadBytes));
        this.transport.callOnce(() -> this.transport.rest()
            .put()
            .uri(this.transport.data("/jobs/ingest/{id}/batches", jobId))
            .contentType(MediaType.parseMediaType("text/csv"))
            .body(csv)
            .retrieve()
            .toBodilessEntity());
    }

    /**
     * Marks the upload complete, so that Salesforce starts processing.
     * @param jobId the job
     * @return the job, state {@code UploadComplete}
     */
    public BulkJobInfo close(String jobId) {
        return changeState(jobId, "UploadComplete");
    }

    /**
     * Aborts a job; rows not yet processed stay unprocessed.
     * @param jobId the job
     * @return the job, state {@code Aborted}
     */
    public BulkJobInfo abort(String jobId) {
        return changeState(jobId, "Aborted");
    }

    /**
     * The job's current state.
     * @param jobId the job
     * @return its info
     */
    public BulkJobInfo info(String jobId) {
        return BulkJobInfo.from(this.transport.call(() -> this.transport.rest()
            .get()
            .uri(this.transport.data("/jobs/ingest/{id}", jobId))
            .retrieve()
            .body(JsonNode.class)));
    }

    /**
     * Polls the job with growing delays until it is {@code JobComplete}, {@code Failed} or {@code Aborted}.
     * @param jobId the job
     * @return its final info
     * @throws SalesforceTransientException if the configured poll timeout passes first
     */
    public BulkJobInfo await(String jobId) {
        return await(jobId, 0);
    }

    /**
     * Polls the job until it ends, as {@link #await(String)}, and once it is seen to progress, when it should end at
     * its pace so far if that comes sooner.
     * @param jobId the job
     * @param expectedRecords how many records were uploaded to it
     * @return its final info
     * @throws SalesforceTransientException if the configured poll timeout passes first
     */
    public BulkJobInfo await(String jobId, long expectedRecords) {
        return this.poller.await(jobId, expectedRecords, () -> info(jobId));
    }

    /**
     * Streams the rows that were written.
     * @param jobId a finished job
     * @param rows receives each row
     */
    public void successfulResults(String jobId, Consumer<BulkSuccess> rows) {
        results(jobId, "successfulResults/", (fields) -> {
            String id = fields.remove("sf__Id");
            boolean created = Boolean.parseBoolean(fields.remove("sf__Created"));
            rows.accept(new BulkSuccess((id != null) ? id : "", created, fields));
        });
    }

    /**
     * Streams the rows that Salesforce rejected, with their parsed {@code sf__Error}.
     * @param jobId a finished job
     * @param rows receives each row
     */
    public void failedResults(String jobId, Consumer<BulkFailure> rows) {
        results(jobId, "failedResults/", (fields) -> {
            @Nullable String id = fields.remove("sf__Id");
            String error = fields.remove("sf__Error");
            rows.accept(new BulkFailure((id == null || id.isEmpty()) ? null : id,
                    BulkFailure.parseError((error != null) ? error : ""), fields));
        });
    }

    /**
     * Streams the rows a failed or aborted job never processed (these are not failures).
     * @param jobId a finished job
     * @param rows receives each row's original columns
     */
    public void unprocessedRecords(String jobId, Consumer<Map<String, String>> rows) {
        results(jobId, "unprocessedrecords/", rows);
    }

    private void results(String jobId, String resource, Consumer<Map<String, String>> rows) {
        CsvDownload.fetch(this.transport, () -> this.transport.data("/jobs/ingest/{id}/" + resource, jobId), rows);
    }

    private BulkJobInfo createUploadClose(IngestJobSpec spec, byte[] csv) {
        BulkJobInfo job = create(spec);
        try {
            upload(job.id(), csv);
        }
        catch (SalesforceException ex) {
            abort(job.id());
            throw ex;
        }
        return close(job.id());
    }

    private BulkJobInfo changeState(String jobId, String state) {
        return BulkJobInfo.from(this.transport.call(() -> this.transport.rest()
            .patch()
            .uri(this.transport.data("/jobs/ingest/{id}", jobId))
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("state", state))
            .retrieve()
            .body(JsonNode.class)));
    }

    private static byte[] csv(List<?> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, BulkCsv.WRITE)) {
            printer.printRecord(values.stream().map((value) -> (value != null) ? value.toString() : "").toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

}
