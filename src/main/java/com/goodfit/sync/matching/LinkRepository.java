package com.goodfit.sync.matching;

import java.util.List;
import java.util.Locale;

import com.goodfit.sync.database.TableInserts;
import com.goodfit.sync.source.SourceObject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the links from source records to the Salesforce records they were synced to ({@code sf_link}); an
 * existing link wins over matching in later runs. Callers say whether a link is new: statements that probe for a
 * row that is not there get planned from statistics that lag behind a growing table, and turn into scans.
 */
@Repository
public class LinkRepository {

    private static final TableInserts.Table TABLE = new TableInserts.Table("sf_link",
            List.of("job_name", "object_type", "source_id", "sf_id"));

    private final JdbcTemplate jdbc;

    private final TableInserts inserts;

    LinkRepository(JdbcTemplate jdbc, TableInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /** @param links links of source records that had none */
    public void insert(List<Link> links) {
        this.inserts.insert(TABLE, links.stream()
            .map(link -> new Object[] { link.jobName(), type(link.object()), link.sourceId(), link.sfId() })
            .toList());
    }

    /** @param links links of source records that were linked to another record */
    public void relink(List<Link> links) {
        if (!links.isEmpty()) {
            this.jdbc.batchUpdate("""
                    UPDATE sf_link SET sf_id = ?, linked_at = CURRENT_TIMESTAMP
                    WHERE job_name = ? AND object_type = ? AND source_id = ?""", links.stream()
                .map(link -> new Object[] { link.sfId(), link.jobName(), type(link.object()), link.sourceId() })
                .toList());
        }
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
