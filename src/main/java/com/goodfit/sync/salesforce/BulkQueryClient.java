package com.goodfit.sync.salesforce;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bulk API 2.0 query jobs, for reading large orgs: create, poll, then stream the CSV result page by page
 * ({@code Sforce-Locator}). Thread-safe.
 */
public final class BulkQueryClient {

    private final SalesforceTransport transport;

    private final BulkJobPoller poller;

    BulkQueryClient(SalesforceTransport transport, BulkJobPoller poller) {
        this.transport = transport;
        this.poller = poller;
    }

    /**
     * Starts a query job.
     * @param query the statement ({@code includeDeleted} selects {@code queryAll}; the batch size is ignored)
     * @return the job
     */
    public BulkJobInfo create(SoqlQuery query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", query.includeDeleted() ? "queryAll" : "query");
        body.put("query", query.soql());
        body.put("contentType", "CSV");
        body.put("columnDelimiter", "COMMA");
        body.put("lineEnding", "LF");
        return BulkJobInfo.from(this.transport.call(() -> this.transport.rest()
            .post()
            .uri(this.transport.data("/jobs/query"))
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(JsonNode.class)));
    }

    /**
     * The job's current state.
     * @param jobId the job
     * @return its info
     */
    public BulkJobInfo info(String jobId) {
        return BulkJobInfo.from(this.transport.call(() -> this.transport.rest()
            .get()
            .uri(this.transport.data("/jobs/query/{id}", jobId))
            .retrieve()
            .body(JsonNode.class)));
    }

    /**
     * Polls the job with growing delays until it ends.
     * @param jobId the job
     * @return its final info
     */
    public BulkJobInfo await(String jobId) {
        return this.poller.await(jobId, () -> info(jobId));
    }

    /**
     * Aborts a running job.
     * @param jobId the job
     * @return its info
     */
    public BulkJobInfo abort(String jobId) {
        return BulkJobInfo.from(this.transport.call(() -> this.transport.rest()
            .patch()
            .uri(this.transport.data("/jobs/query/{id}", jobId))
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("state", "Aborted"))
            .retrieve()
            .body(JsonNode.class)));
    }

    /**
     * Streams a completed job's rows, fetching result pages of up to {@code maxRecords} rows one after another.
     * @param jobId a {@code JobComplete} job
     * @param maxRecords rows per page, or {@code null} for Salesforce's choice
     * @param rows receives each row by column name (values as text; empty for null)
     * @return the number of pages read
     */
    public int results(String jobId, @Nullable Integer maxRecords, Consumer<Map<String, String>> rows) {
        String locator = null;
        int pages = 0;
        do {
            String current = locator;
            HttpHeaders headers = CsvDownload.fetch(this.transport, () -> resultsUri(jobId, maxRecords, current),
                    rows);
            pages++;
            locator = headers.getFirst("Sforce-Locator");
        }
        // The literal string "null" marks the last page.
        while (locator != null && !locator.isEmpty() && !locator.equals("null"));
        return pages;
    }

    private URI resultsUri(String jobId, @Nullable Integer maxRecords, @Nullable String locator) {
        URI base = this.transport.data("/jobs/query/{id}/results", jobId);
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(base);
        if (maxRecords != null) {
            uri.queryParam("maxRecords", maxRecords);
        }
        if (locator != null) {
            uri.queryParam("locator", "{locator}");
        }
        return (locator != null) ? uri.encode().buildAndExpand(locator).toUri() : uri.build(true).toUri();
    }

}
