package com.goodfit.sync.log;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a run planned, for dry runs: counts by object, operation and reason, and a sample of the changes with each
 * field's value before and after.
 */
@Component
public class PlanReport {

    private final JdbcTemplate jdbc;

    PlanReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param instanceId the run
     * @param sampleSize how many planned writes to show per object
     * @param out where to print
     */
    public void print(long instanceId, int sampleSize, PrintWriter out) {
        out.println();
        out.println("Plan (dry run: nothing was written to Salesforce)");
        List<Map<String, Object>> counts = this.jdbc.queryForList("""
                SELECT object_type, operation, reason, COUNT(*) AS n FROM sync_plan WHERE job_instance_id = ?
                GROUP BY object_type, operation, reason ORDER BY object_type, operation, reason""", instanceId);
        for (Map<String, Object> row : counts) {
            Object reason = row.get("reason");
            out.printf("  %-8s %-10s %-26s %8d%n", row.get("object_type"), row.get("operation"),
                    (reason != null) ? reason : "", ((Number) row.get("n")).longValue());
        }
        List<Map<String, Object>> sample = this.jdbc.queryForList("""
                SELECT object_type, source_id, operation, sf_id, changes FROM sync_plan
                WHERE job_instance_id = ? AND operation IN ('create', 'update')
                ORDER BY object_type, operation, source_id LIMIT ?""", instanceId, sampleSize);
        if (!sample.isEmpty()) {
            out.println("  sample of planned writes (field: before -> after):");
        }
        for (Map<String, Object> row : sample) {
            Object sfId = row.get("sf_id");
            out.printf("    %s %s %s%s: %s%n", row.get("object_type"), row.get("source_id"), row.get("operation"),
                    (sfId != null) ? " " + sfId : "", row.get("changes"));
        }
        out.flush();
    }

}
