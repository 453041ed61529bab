package com.goodfit.sync.emulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkQueryTests {

    private static final String JOBS = ApiCalls.V + "/jobs/query";

    private SalesforceEmulator emulator;

    private ApiCalls api;

    @BeforeEach
    void start() {
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults().withSeedAccounts(25).withSeedContacts(50));
        this.emulator.control().bulkProcessingDelay(Duration.ofMillis(10));
        this.api = new ApiCalls(this.emulator);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    private String runJob(String operation, String soql) throws InterruptedException {
        ApiCalls.Response created = this.api.post(JOBS, Map.of("operation", operation, "query", soql));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.map()).containsEntry("state", "UploadComplete").containsEntry("jobType", "V2Query");
        String id = (String) created.map().get("id");
        for (int i = 0; i < 1000; i++) {
            if ("JobComplete".equals(this.api.get(JOBS + "/" + id).map().get("state"))) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Query job did not complete");
    }

    @Test
    void pagesResultsByLocator() throws Exception {
        String id = runJob("query", "SELECT Id, Email, Account.Name FROM Contact");
        assertThat(this.api.get(JOBS + "/" + id).map()).containsEntry("numberRecordsProcessed", 50);
        Set<String> ids = new HashSet<>();
        String locator = "";
        int pages = 0;
        while (true) {
            ApiCalls.Response page = this.api.get(JOBS + "/" + id + "/results?maxRecords=20"
                    + (locator.isEmpty() ? "" : "&locator=" + locator));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).startsWith("\"Id\",\"Email\",\"Account.Name\"\n");
            List<CSVRecord> rows = BulkIngestTests.csv(page.body());
            assertThat(page.header("Sforce-NumberOfRecords")).isEqualTo(Integer.toString(rows.size()));
            rows.forEach(r -> ids.add(r.get("Id")));
            pages++;
            locator = page.header("Sforce-Locator");
            if (locator.equals("null")) {
                break;
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(50);
        assertThat(this.emulator.calls().get("bulk-query")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void queryAllIncludesDeletedRows() throws Exception {
        String gone = (String) this.emulator.org().all("Account").get(0).get("Id");
        this.emulator.org().delete("Account", gone);
        String query = runJob("query", "SELECT Id FROM Account");
        String queryAll = runJob("queryAll", "SELECT Id FROM Account");
        assertThat(BulkIngestTests.csv(this.api.get(JOBS + "/" + query + "/results").body())).hasSize(24);
        assertThat(BulkIngestTests.csv(this.api.get(JOBS + "/" + queryAll + "/results").body())).hasSize(25);
    }

    @Test
    void rejectsBadQueriesAndOperations() {
        ApiCalls.Response field = this.api.post(JOBS, Map.of("operation", "query", "query",
                "SELECT Nope FROM Account"));
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.list().get(0)).containsEntry("errorCode", "INVALID_FIELD");
        assertThat(this.api.post(JOBS, Map.of("operation", "select", "query", "SELECT Id FROM Account")).status())
            .isEqualTo(400);
    }

}
