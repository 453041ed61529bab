package com.goodfit.sync.emulator;

import java.util.List;

/**
 * Renders an ingest job's result files: {@code sf__Id,sf__Created,<columns>} for successes,
 * {@code sf__Id,sf__Error,<columns>} for failures, and the original columns for unprocessed rows.
 */
final class IngestResults {

    private IngestResults() {
    }

    /** Like query and collections responses, a result file costs the configured latency per record it holds. */
    private static final String RECORDS_HEADER = "X-Emulator-Records";

    static ApiResponse successful(IngestJob job) {
        return ApiResponse.csv(200, render(job, true)).withHeader(RECORDS_HEADER, Long.toString(count(job, true)));
    }

    static ApiResponse failed(IngestJob job) {
        return ApiResponse.csv(200, render(job, false)).withHeader(RECORDS_HEADER, Long.toString(count(job, false)));
    }

    private static long count(IngestJob job, boolean successes) {
        synchronized (job) {
            return job.outcomes.stream().filter(outcome -> outcome.success() == successes).count();
        }
    }

    static ApiResponse unprocessed(IngestJob job) {
        BulkFormat format = job.format;
        StringBuilder out = new StringBuilder();
        synchronized (job) {
            List<String> header = job.header;
            if (header.isEmpty()) {
                String raw = new String(job.uploadBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return ApiResponse.csv(200, job.isTerminal() && !job.state.equals("JobComplete") ? raw : "");
            }
            appendRow(out, format, header.toArray(String[]::new));
            for (int i = job.outcomes.size(); i < job.rows.size() && !job.state.equals("JobComplete"); i++) {
                appendRow(out, format, job.rows.get(i));
            }
        }
        return ApiResponse.csv(200, out.toString());
    }

    private static String render(IngestJob job, boolean successes) {
        BulkFormat format = job.format;
        StringBuilder out = new StringBuilder();
        synchronized (job) {
            format.appendQuoted(out, "sf__Id");
            out.append(format.delimiter());
            format.appendQuoted(out, successes ? "sf__Created" : "sf__Error");
            for (String column : job.header) {
                out.append(format.delimiter());
                format.appendMinimal(out, column);
            }
            out.append(format.newline());
            for (int i = 0; i < job.outcomes.size(); i++) {
                IngestJob.Outcome outcome = job.outcomes.get(i);
                if (outcome.success() != successes) {
                    continue;
                }
                format.appendQuoted(out, (outcome.id() != null) ? outcome.id() : "");
                out.append(format.delimiter());
                format.appendQuoted(out, successes ? Boolean.toString(outcome.created()) : outcome.error());
                for (String cell : job.rows.get(i)) {
                    out.append(format.delimiter());
                    format.appendMinimal(out, cell);
                }
                out.append(format.newline());
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, BulkFormat format, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append(format.delimiter());
            }
            format.appendMinimal(out, cells[c]);
        }
        out.append(format.newline());
    }

}
