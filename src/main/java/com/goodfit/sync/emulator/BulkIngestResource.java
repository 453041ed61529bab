package com.goodfit.sync.emulator;

import java.util.List;

/**
 * Bulk API 2.0 ingest jobs.
 */
final class BulkIngestResource {

    BulkIngestResource(EmulatorOrg org, EmulatorControl control, ApiUsage usage) {
    }

    void close() {
    }

    ApiResponse handle(ApiRequest request, List<String> rest, String version) {
        throw ApiException.notFound();
    }

}
