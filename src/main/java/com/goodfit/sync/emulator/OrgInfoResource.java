package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The org-level read-only resources: API versions ({@code GET /services/data}), the resource directory of a
 * version and {@code /limits}.
 */
final class OrgInfoResource {

    static final int OLDEST_VERSION = 31;

    static final int NEWEST_VERSION = 62;

    private static final String[] RELEASES = { "Spring", "Summer", "Winter" };

    private final EmulatorControl control;

    private final ApiUsage usage;

    OrgInfoResource(EmulatorControl control, ApiUsage usage) {
        this.control = control;
        this.usage = usage;
    }

    static boolean isSupported(String version) {
        if (!version.matches("v\\d{2}\\.0")) {
            return false;
        }
        int major = Integer.parseInt(version.substring(1, 3));
        return major >= OLDEST_VERSION && major <= NEWEST_VERSION;
    }

    ApiResponse versions() {
        List<Object> versions = new ArrayList<>();
        for (int major = OLDEST_VERSION; major <= NEWEST_VERSION; major++) {
            // v60.0 was Spring '24; three releases a year.
            int offset = major - 60;
            int releaseIndex = Math.floorMod(offset, 3);
            int year = 24 + Math.floorDiv(offset + 1, 3);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", RELEASES[releaseIndex] + " '" + String.format("%02d", year));
            entry.put("url", "/services/data/v" + major + ".0");
            entry.put("version", major + ".0");
            versions.add(entry);
        }
        return ApiResponse.json(200, versions);
    }

    ApiResponse resources(String version) {
        String base = "/services/data/" + version;
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : new String[] { "composite", "jobs", "limits", "query", "queryAll", "sobjects", "tooling" }) {
            body.put(name, base + "/" + name);
        }
        return ApiResponse.json(200, body);
    }

    ApiResponse limits() {
        Map<String, Object> body = new LinkedHashMap<>();
        long max = this.control.dailyApiLimit();
        body.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        body.put("ConcurrentSyncReportRuns", limit(20, 20));
        Map<String, Object> daily = limit(max, Math.max(0, max - this.usage.used()));
        daily.put("Dataloader Bulk", limit(0, 0));
        body.put("DailyApiRequests", daily);
        body.put("DailyAsyncApexExecutions", limit(250000, 250000));
        body.put("DailyBulkApiBatches", limit(15000, Math.max(0, 15000 - this.usage.bulkBatches())));
        body.put("DailyBulkV2QueryFileStorageMB", limit(976562, 976562));
        body.put("DailyBulkV2QueryJobs", limit(10000, Math.max(0, 10000 - this.usage.bulkQueryJobs())));
        body.put("DataStorageMB", limit(1024, 1024));
        body.put("FileStorageMB", limit(1024, 1024));
        return ApiResponse.json(200, body);
    }

    private static Map<String, Object> limit(long max, long remaining) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Max", max);
        entry.put("Remaining", remaining);
        return entry;
    }

}
