package com.goodfit.sync.emulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.goodfit.sync.admin.BenchSubcommand;
import com.goodfit.sync.admin.ExitCodes;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench emulator}: measures the emulator's write throughput over real HTTP with a plain JDK client, through
 * sObject Collections (200 records a call, several in flight) and one Bulk API 2.0 ingest job, and the heap used
 * by a seeded org.
 */
@Component
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Measure emulator throughput (Collections and Bulk API 2.0 ingest) and heap for seeded records.")
class EmulatorBenchmark implements BenchSubcommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--records", defaultValue = "100000",
            description = "Records to write per API. Default: ${DEFAULT-VALUE}.")
    private int records;

    @Option(names = "--seed-records", defaultValue = "0",
            description = "Records to seed first (half Accounts, half Contacts) for the heap check.")
    private int seedRecords;

    @Option(names = "--warmup", defaultValue = "20000",
            description = "Records written through each API first, unmeasured, so the JIT has compiled the paths."
                    + " Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--in-flight", defaultValue = "4",
            description = "Concurrent Collections calls. Default: ${DEFAULT-VALUE}.")
    private int inFlight;

    private String lastBulkDetail = "";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        long seedStart = System.nanoTime();
        int seedAccounts = this.seedRecords / 2;
        EmulatorOptions options = EmulatorOptions.defaults()
            .withSeedAccounts(seedAccounts)
            .withSeedContacts((seedAccounts == 0) ? 0 : this.seedRecords - seedAccounts);
        try (SalesforceEmulator emulator = SalesforceEmulator.start(options)) {
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long heapMb = usedHeapMb();
            long maxHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            out.printf("seeded %,d records in %.1f s; heap used after GC %,d MB of max %,d MB%n", this.seedRecords,
                    seedSeconds, heapMb, maxHeapMb);
            emulator.control().bulkProcessingDelay(Duration.ZERO);
            String token = emulator.credentials().accessToken();
            if (this.warmup > 0) {
                collections(emulator.url(), token, "warm-c", this.warmup);
                bulkIngest(emulator.url(), token, "warm-b", this.warmup);
                out.printf("warm-up: %,d records through each API (not measured)%n", this.warmup);
            }
            double collections = collections(emulator.url(), token, "bench-c", this.records);
            out.printf("collections create: %,d records in %d-record calls, %d in flight: %,.0f records/s%n",
                    this.records, CollectionsResource.MAX_RECORDS, this.inFlight, collections);
            double bulk = bulkIngest(emulator.url(), token, "bench-b", this.records);
            out.printf("bulk ingest insert: %,d records in one job: %,.0f records/s (%s)%n", this.records, bulk,
                    this.lastBulkDetail);
            out.printf("api calls: %s%n", emulator.calls().snapshot());
            long finalHeapMb = usedHeapMb();
            out.printf("records held: %,d Accounts; heap used after GC %,d MB%n", emulator.org().count("Account"),
                    finalHeapMb);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("benchmark", "emulator");
            json.put("records", this.records);
            json.put("collectionsRecordsPerSecond", Math.round(collections));
            json.put("bulkIngestRecordsPerSecond", Math.round(bulk));
            json.put("apiCalls", emulator.calls().total());
            json.put("seededRecords", this.seedRecords);
            json.put("seededHeapUsedMb", heapMb);
            json.put("finalHeapUsedMb", finalHeapMb);
            json.put("maxHeapMb", maxHeapMb);
            out.println(new String(JsonCodec.write(json), java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private double collections(URI url, String token, String prefix, int records) throws Exception {
        int calls = (records + CollectionsResource.MAX_RECORDS - 1) / CollectionsResource.MAX_RECORDS;
        List<String> bodies = new ArrayList<>(calls);
        for (int call = 0; call < calls; call++) {
            StringBuilder body = new StringBuilder("{\"allOrNone\":false,\"records\":[");
            int from = call * CollectionsResource.MAX_RECORDS;
            int to = Math.min(records, from + CollectionsResource.MAX_RECORDS);
            for (int i = from; i < to; i++) {
                if (i > from) {
                    body.append(',');
                }
                body.append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"").append(prefix).append(" Co ")
                    .append(i).append("\",\"Website\":\"").append(prefix).append(i)
                    .append(".example.com\",\"NumberOfEmployees\":").append(i % 1000)
                    .append(",\"GoodFit_ID__c\":\"").append(prefix).append('-').append(i).append("\"}");
            }
            bodies.add(body.append("]}").toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(this.inFlight);
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String body : bodies) {
                futures.add(pool.submit(() -> {
                    HttpResponse<String> response = send(HttpRequest
                        .newBuilder(url.resolve("/services/data/v60.0/composite/sobjects"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
                    if (response.statusCode() != 200 || response.body().contains("\"success\":false")) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " Collections calls reported failures");
        }
        return records / seconds;
    }

    private double bulkIngest(URI url, String token, String prefix, int records) throws Exception {
        StringBuilder csv = new StringBuilder("Name,Website,NumberOfEmployees,GoodFit_ID__c\n");
        for (int i = 0; i < records; i++) {
            csv.append(prefix).append(" Co ").append(i).append(',').append(prefix).append(i).append(".example.com,")
                .append(i % 1000).append(',').append(prefix).append('-').append(i).append('\n');
        }
        String base = "/services/data/v60.0/jobs/ingest";
        long start = System.nanoTime();
        HttpResponse<String> created = send(json(url.resolve(base), token, "POST",
                "{\"object\":\"Account\",\"operation\":\"insert\",\"contentType\":\"CSV\",\"lineEnding\":\"LF\"}"));
        String id = String.valueOf(((Map<?, ?>) JsonCodec.read(created.body().getBytes())).get("id"));
        HttpResponse<String> uploaded = send(HttpRequest.newBuilder(url.resolve(base + "/" + id + "/batches"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/csv")
            .PUT(HttpRequest.BodyPublishers.ofString(csv.toString()))
            .build());
        if (uploaded.statusCode() != 201) {
            throw new IllegalStateException("Upload failed: " + uploaded.body());
        }
        long uploadedAt = System.nanoTime();
        send(json(url.resolve(base + "/" + id), token, "PATCH", "{\"state\":\"UploadComplete\"}"));
        Map<?, ?> info;
        do {
            Thread.sleep(20);
            info = (Map<?, ?>) JsonCodec.read(send(HttpRequest.newBuilder(url.resolve(base + "/" + id))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build()).body().getBytes());
        }
        while (!"JobComplete".equals(info.get("state")) && !"Failed".equals(info.get("state")));
        double seconds = (System.nanoTime() - start) / 1e9;
        this.lastBulkDetail = String.format("upload %d ms, server processing %s ms, end to end %.0f ms",
                (uploadedAt - start) / 1_000_000, info.get("totalProcessingTime"), seconds * 1000);
        if (!"JobComplete".equals(info.get("state")) || ((Number) info.get("numberRecordsFailed")).longValue() > 0) {
            throw new IllegalStateException("Bulk job did not complete cleanly: " + info);
        }
        return records / seconds;
    }

    private static HttpRequest json(URI uri, String token, String method, String body) {
        return HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    private static long usedHeapMb() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

}
