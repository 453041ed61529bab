package com.goodfit.sync.jobs;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.goodfit.sync.emulator.SalesforceEmulator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's Bulk API 2.0 ingest jobs seen from outside the run, over plain HTTP: what an admin sees in Setup >
 * Bulk Data Load Jobs (result files) and does there (abort a job).
 */
final class IngestJobsApi {

    private static final String JOBS = "/services/data/v62.0/jobs/ingest";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final SalesforceEmulator emulator;

    IngestJobsApi(SalesforceEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * @param jobId the job
     * @param file {@code successfulResults}, {@code failedResults} or {@code unprocessedrecords}
     * @return the rows of the result file, by column name
     */
    List<CSVRecord> results(String jobId, String file) throws IOException, InterruptedException {
        String csv = send("GET", JOBS + "/" + jobId + "/" + file + "/", null);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
            .getRecords();
    }

    /**
     * Waits (up to 30 s) for a job that was closed and is waiting to be processed, and aborts it.
     * @return the aborted job's id
     */
    String abortTheFirstJobWaitingToBeProcessed() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode job : JSON.readTree(send("GET", JOBS, null)).path("records")) {
                if ("UploadComplete".equals(job.path("state").asString())) {
                    String id = job.path("id").asString();
                    send("PATCH", JOBS + "/" + id, "{\"state\":\"Aborted\"}");
                    return id;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no Bulk job reached UploadComplete within 30 s");
    }

    private String send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.url() + path))
            .header("Authorization", "Bearer " + this.emulator.credentials().accessToken())
            .method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
                    : HttpRequest.BodyPublishers.noBody());
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

}
