package com.goodfit.sync.matching;

import java.util.List;
import java.util.Locale;

import com.goodfit.sync.source.SourceObject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the links from source records to the Salesforce records they were synced to ({@code sf_link}); an
 * existing link wins over matching in later runs.
 */
@Repository
public class LinkRepository {

    private final UpdateThenInsert<Link> upsert;

    LinkRepository(JdbcTemplate jdbc) {
        this.upsert = new UpdateThenInsert<>(jdbc, """
                UPDATE sf_link SET sf_id = ?, linked_at = CURRENT_TIMESTAMP
                WHERE job_name = ? AND object_type = ? AND source_id = ?""",
                link -> new Object[] { link.sfId(), link.jobName(), type(link.object()), link.sourceId() },
                "INSERT INTO sf_link (job_name, object_type, source_id, sf_id) VALUES (?, ?, ?, ?)",
                link -> new Object[] { link.jobName(), type(link.object()), link.sourceId(), link.sfId() });
    }

    public void save(List<Link> links) {
        this.upsert.apply(links);
    }

    private static String type(SourceObject object) {
        return object.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A source record's link.
     *
     * @param jobName the job
     * @param object accounts or contacts
     * @param sourceId the source record
     * @param sfId the Salesforce record
     */
    public record Link(String jobName, SourceObject object, long sourceId, String sfId) {
    }

}
