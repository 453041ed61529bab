package com.goodfit.sync.emulator;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkIngestTests extends EmulatorApiTestSupport {

    static final String JOBS = ApiCalls.V + "/jobs/ingest";

    @BeforeEach
    void setUp() {
        this.emulator.control().bulkProcessingDelay(Duration.ofMillis(10));
    }

    private String createJob(Map<String, Object> request) {
        ApiCalls.Response response = this.api.post(JOBS, request);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.map()).containsEntry("state", "Open");
        return (String) response.map().get("id");
    }

    private Map<String, Object> runJob(String id, String csv) throws InterruptedException {
        assertThat(this.api.put(JOBS + "/" + id + "/batches", csv, "text/csv").status()).isEqualTo(201);
        ApiCalls.Response closed = this.api.patch(JOBS + "/" + id, Map.of("state", "UploadComplete"));
        assertThat(closed.map()).containsEntry("state", "UploadComplete");
        return await(id);
    }

    Map<String, Object> await(String id) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> info = this.api.get(JOBS + "/" + id).map();
            String state = (String) info.get("state");
            if (state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted")) {
                return info;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Job did not finish");
    }

    static List<CSVRecord> csv(String body) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))
            .getRecords();
    }

    @Test
    void insertsAndReportsSuccessfulAndFailedRows() throws Exception {
        String id = createJob(Map.of("object", "Account", "operation", "insert", "contentType", "CSV", "lineEnding",
                "LF"));
        Map<String, Object> info = runJob(id, """
                Name,Website,NumberOfEmployees,GoodFit_ID__c
                Acme,acme.com,10,pg-1
                ,noname.com,5,pg-2
                "Globex, Inc",globex.com,lots,pg-3
                Initech,initech.com,,pg-4
                """);
        assertThat(info).containsEntry("state", "JobComplete")
            .containsEntry("numberRecordsProcessed", 4)
            .containsEntry("numberRecordsFailed", 2);
        ApiCalls.Response successes = this.api.get(JOBS + "/" + id + "/successfulResults");
        assertThat(successes.header("Content-Type")).startsWith("text/csv");
        assertThat(successes.body()).startsWith("\"sf__Id\",\"sf__Created\",Name,Website,NumberOfEmployees,GoodFit_ID__c\n");
        List<CSVRecord> ok = csv(successes.body());
        assertThat(ok).extracting(r -> r.get("Name")).containsExactly("Acme", "Initech");
        assertThat(ok).allSatisfy(r -> assertThat(r.get("sf__Created")).isEqualTo("true"));
        assertThat(ok.get(0).get("sf__Id")).startsWith("001");
        List<CSVRecord> failed = csv(this.api.get(JOBS + "/" + id + "/failedResults").body());
        assertThat(failed).extracting(r -> r.get("sf__Error")).containsExactly(
                "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --",
                "INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: lots:NumberOfEmployees --");
        assertThat(failed.get(1).get("Name")).isEqualTo("Globex, Inc");
        assertThat(this.emulator.org().count("Account")).isEqualTo(2);
        assertThat(this.emulator.org().all("Account").get(1)).containsEntry("NumberOfEmployees", null);
    }

    @Test
    void upsertsWithRelationshipColumnsAndNullMarkers() throws Exception {
        String acme = this.emulator.org().insert("Account", Map.of("Name", "Acme", "GoodFit_ID__c", "pg-42"));
        String existing = this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "Phone", "123",
                "Title", "CEO", "GoodFit_ID__c", "pg-c-1"));
        String id = createJob(Map.of("object", "Contact", "operation", "upsert", "externalIdFieldName",
                "GoodFit_ID__c"));
        Map<String, Object> info = runJob(id, "GoodFit_ID__c,LastName,Email,Account.GoodFit_ID__c,Phone,Title\r\n"
                + "pg-c-1,Doe,jo@acme.com,pg-42,#N/A,\r\n" + "pg-c-2,Roe,ro@acme.com,PG-42,555,\r\n"
                + "pg-c-3,Moe,mo@acme.com,pg-missing,,\r\n");
        assertThat(info).containsEntry("numberRecordsFailed", 1).containsEntry("externalIdFieldName", "GoodFit_ID__c");
        Map<String, Object> updated = this.emulator.org().get("Contact", existing).orElseThrow();
        assertThat(updated).containsEntry("AccountId", acme)
            .containsEntry("Phone", null)
            .containsEntry("Title", "CEO")
            .containsEntry("Email", "jo@acme.com");
        List<CSVRecord> ok = csv(this.api.get(JOBS + "/" + id + "/successfulResults").body());
        assertThat(ok).extracting(r -> r.get("sf__Created")).containsExactly("false", "true");
        List<CSVRecord> failed = csv(this.api.get(JOBS + "/" + id + "/failedResults").body());
        assertThat(failed.get(0).get("sf__Error")).startsWith("INVALID_FIELD:Foreign key external ID: pg-missing");
    }

    @Test
    void updatesAndDeletesById() throws Exception {
        String a = this.emulator.org().insert("Account", Map.of("Name", "A"));
        String b = this.emulator.org().insert("Account", Map.of("Name", "B"));
        String update = createJob(Map.of("object", "Account", "operation", "update"));
        assertThat(runJob(update, "Id,Name\n" + a + ",A2\n001000000000000AAA,Ghost\n"))
            .containsEntry("numberRecordsFailed", 1);
        assertThat(this.emulator.org().get("Account", a).orElseThrow()).containsEntry("Name", "A2");
        String delete = createJob(Map.of("object", "Account", "operation", "delete"));
        assertThat(runJob(delete, "Id\n" + b + "\n")).containsEntry("numberRecordsFailed", 0);
        assertThat(this.emulator.org().count("Account")).isEqualTo(1);
    }

    @Test
    void hardDeleteRemovesRecordsFromQueryAll() throws Exception {
        String a = this.emulator.org().insert("Account", Map.of("Name", "A"));
        String id = createJob(Map.of("object", "Account", "operation", "hardDelete"));
        assertThat(runJob(id, "Id\n" + a + "\n")).containsEntry("numberRecordsFailed", 0);
        assertThat(this.emulator.org().get("Account", a)).isEmpty();
    }

    @Test
    void unknownColumnFailsTheJob() throws Exception {
        String id = createJob(Map.of("object", "Account", "operation", "insert"));
        Map<String, Object> info = runJob(id, "Name,Bogus__c\nA,b\n");
        assertThat(info).containsEntry("state", "Failed");
        assertThat((String) info.get("errorMessage")).contains("Bogus__c");
        assertThat(this.api.get(JOBS + "/" + id + "/unprocessedrecords").body()).isEqualTo("Name,Bogus__c\nA,b\n");
    }

    @Test
    void aJobFailingPartWayKeepsWhatItProcessedAndServesTheRestAsUnprocessed() throws Exception {
        this.emulator.control().failNextBulkJobs(1, "InternalServerError : retries exhausted", 2);
        String id = createJob(Map.of("object", "Account", "operation", "insert"));

        Map<String, Object> info = runJob(id, """
                Name,Website,GoodFit_ID__c
                Acme,acme.com,pg-1
                ,noname.com,pg-2
                "Globex, Inc",globex.com,pg-3
                Initech,initech.com,pg-4
                """);

        assertThat(info).containsEntry("state", "Failed")
            .containsEntry("errorMessage", "InternalServerError : retries exhausted")
            .containsEntry("numberRecordsProcessed", 2)
            .containsEntry("numberRecordsFailed", 1);
        assertThat(csv(this.api.get(JOBS + "/" + id + "/successfulResults").body())).extracting(r -> r.get("Name"))
            .containsExactly("Acme");
        assertThat(csv(this.api.get(JOBS + "/" + id + "/failedResults").body())).extracting(r -> r.get("sf__Error"))
            .containsExactly("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
        assertThat(this.api.get(JOBS + "/" + id + "/unprocessedrecords").body()).as("original columns only")
            .isEqualTo("Name,Website,GoodFit_ID__c\n\"Globex, Inc\",globex.com,pg-3\nInitech,initech.com,pg-4\n");
        assertThat(this.emulator.org().all("Account")).extracting(account -> account.get("Name"))
            .containsExactly("Acme");
    }

    @Test
    void failuresApplyToTheNextJobsOnlyAndZeroRecordsFailsBeforeAnyRow() throws Exception {
        this.emulator.control().failNextBulkJobs(2, "InvalidBatch : Something went wrong");
        String csv = "Name\nA\nB\n";
        List<Map<String, Object>> infos = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            infos.add(runJob(createJob(Map.of("object", "Account", "operation", "insert")), csv));
        }

        assertThat(infos).extracting(info -> info.get("state")).containsExactly("Failed", "Failed", "JobComplete");
        assertThat(infos.get(0)).containsEntry("numberRecordsProcessed", 0)
            .containsEntry("errorMessage", "InvalidBatch : Something went wrong");
        assertThat(this.api.get(JOBS + "/" + infos.get(1).get("id") + "/unprocessedrecords").body()).isEqualTo(csv);
        assertThat(this.api.get(JOBS + "/" + infos.get(2).get("id") + "/unprocessedrecords").body())
            .isEqualTo("Name\n");
        assertThat(this.emulator.org().count("Account")).isEqualTo(2);
    }

    @Test
    void duplicateColumnsFailTheJob() throws Exception {
        String id = createJob(Map.of("object", "Account", "operation", "insert"));
        Map<String, Object> info = runJob(id, "Name,name\nA,B\n");
        assertThat(info).containsEntry("state", "Failed");
        assertThat((String) info.get("errorMessage")).contains("Duplicate field name");
    }

    @Test
    void abortedJobsKeepTheirRowsUnprocessed() {
        String id = createJob(Map.of("object", "Account", "operation", "insert"));
        this.api.put(JOBS + "/" + id + "/batches", "Name\nA\nB\n", "text/csv");
        assertThat(this.api.patch(JOBS + "/" + id, Map.of("state", "Aborted")).map()).containsEntry("state", "Aborted");
        assertThat(this.api.get(JOBS + "/" + id + "/unprocessedrecords").body()).isEqualTo("Name\nA\nB\n");
        ApiCalls.Response upload = this.api.put(JOBS + "/" + id + "/batches", "Name\nC\n", "text/csv");
        assertThat(upload.status()).isEqualTo(409);
        assertThat(this.emulator.org().count("Account")).isZero();
    }

    @Test
    void listsAndDeletesJobsAndValidatesRequests() {
        String id = createJob(Map.of("object", "Account", "operation", "insert"));
        Map<String, Object> list = this.api.get(JOBS).map();
        assertThat(list).containsEntry("done", true);
        assertThat((List<?>) list.get("records")).hasSize(1);
        assertThat(this.api.delete(JOBS + "/" + id).status()).isEqualTo(204);
        assertThat(this.api.get(JOBS + "/" + id).status()).isEqualTo(404);
        assertThat(this.api.post(JOBS, Map.of("object", "Account", "operation", "upsert")).status()).isEqualTo(400);
        assertThat(this.api.post(JOBS, Map.of("object", "Nope__c", "operation", "insert")).status()).isEqualTo(400);
        assertThat(this.api.post(JOBS, Map.of("object", "Account", "operation", "merge")).status()).isEqualTo(400);
        assertThat(this.emulator.calls().get("bulk-ingest")).isEqualTo(7);
    }

    @Test
    void rejectsUploadsOverTheSizeLimit() {
        String id = createJob(Map.of("object", "Account", "operation", "insert"));
        String big = "Name\n" + "x".repeat((int) BulkIngestResource.MAX_UPLOAD_BYTES);
        ApiCalls.Response response = this.api.put(JOBS + "/" + id + "/batches", big, "text/csv");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.list().get(0)).containsKeys("errorCode", "message");
    }

}
