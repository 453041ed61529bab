package com.goodfit.sync.matching;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.goodfit.sync.database.BackgroundProducer;
import com.goodfit.sync.database.DatabaseKind;
import com.goodfit.sync.database.JsonColumns;
import com.goodfit.sync.database.TableInserts;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.source.SourceObject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a job's snapshot of the org in {@code sf_record_index}: replaced whole by the index steps (so records
 * deleted in the org disappear), written through by the apply steps, and loaded into a {@link RecordIndex} with each
 * record's link for the plan steps.
 */
@Repository
public class RecordIndexRepository {

    private static final TableInserts.Table TABLE = new TableInserts.Table("sf_record_index", List.of("job_name",
            "object_type", "sf_id", "created_date", "match_key", "external_id", "field_values"));

    /** Changed rows of a write-through, as arrays (Ids, keys, external ids, values); returns the Ids updated. */
    private static final String UPDATE_IN_PLACE = """
            UPDATE sf_record_index r SET match_key = v.match_key, external_id = v.external_id,
                field_values = v.field_values, indexed_at = CURRENT_TIMESTAMP
            FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]))
                AS v (sf_id, match_key, external_id, field_values)
            WHERE r.job_name = ? AND r.object_type = ? AND r.sf_id = v.sf_id
            RETURNING r.sf_id""";

    /**
     * Rows per in-place update: the driver sends each array parameter as one text literal, and the values of a few
     * thousand rows made literals of the size the garbage collector treats as humongous.
     */
    private static final int ROWS_PER_UPDATE = 1_000;

    /** Rows per COPY when a whole snapshot is replaced. */
    private static final int REPLACE_BATCH = 5_000;

    /** Rows fetched per round trip when loading a whole snapshot, which must not sit in memory all at once. */
    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;

    private final JdbcTemplate streaming;

    private final JsonColumns json;

    private final TableInserts inserts;

    private final DatabaseKind database;

    RecordIndexRepository(JdbcTemplate jdbc, JsonColumns json, TableInserts inserts, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
        this.inserts = inserts;
        this.streaming = new JdbcTemplate(java.util.Objects.requireNonNull(jdbc.getDataSource()));
        this.streaming.setFetchSize(FETCH_SIZE);
        this.json = json;
    }

    /**
     * Replaces the job's snapshot of one object with the records the org holds now.
     * @param jobName the job
     * @param object accounts or contacts
     * @param records every record of the object in the org, streamed
     * @return how many records the snapshot holds
     */
    @Transactional
    public long replace(String jobName, SourceObject object, Stream<IndexedRecord> records) {
        return replace(jobName, object, sink -> records.forEach(sink));
    }

    /**
     * Replaces the job's snapshot of one object with the records a producer hands over, for sources that push
     * (a Bulk API 2.0 query's CSV results).
     * @param jobName the job
     * @param object accounts or contacts
     * @param producer hands every record of the object in the org to the sink it is given
     * @return how many records the snapshot holds
     */
    @Transactional
    public long replace(String jobName, SourceObject object, Consumer<Consumer<IndexedRecord>> producer) {
        String type = typeOf(object);
        this.jdbc.update("DELETE FROM sf_record_index WHERE job_name = ? AND object_type = ?", jobName, type);
        // The producer (a download, its parsing and each record's key and JSON) runs on a thread of its own while
        // this one, which holds the transaction, copies finished batches into the table.
        long count = 0;
        try (BackgroundProducer<List<Object[]>> batches = BackgroundProducer.start("index-" + type + "-reader", 2,
                sink -> {
                    List<List<Object[]>> batch = new ArrayList<>(List.of(new ArrayList<>(REPLACE_BATCH)));
                    producer.accept(record -> {
                        batch.get(0).add(row(jobName, type, record));
                        if (batch.get(0).size() == REPLACE_BATCH) {
                            sink.accept(batch.set(0, new ArrayList<>(REPLACE_BATCH)));
                        }
                    });
                    sink.accept(batch.get(0));
                })) {
            for (List<Object[]> rows = batches.next(); rows != null; rows = batches.next()) {
                insert(rows);
                count += rows.size();
            }
        }
        return count;
    }

    /**
     * Adds or refreshes records the apply step just wrote, so later chunks and runs see them.
     * @param jobName the job
     * @param object accounts or contacts
     * @param added records the index does not hold yet
     * @param changed records it holds, as they now stand in the org
     */
    public void writeThrough(String jobName, SourceObject object, List<IndexedRecord> added,
            List<IndexedRecord> changed) {
        String type = typeOf(object);
        List<IndexedRecord> inserted = new ArrayList<>(added);
        if (!changed.isEmpty()) {
            if (this.database.isPostgres()) {
                // A row gone since it was read (nothing of ours deletes one mid-run) is added again.
                Set<String> updated = updateInPlace(jobName, type, changed);
                changed.stream().filter(record -> !updated.contains(record.sfId())).forEach(inserted::add);
            }
            else {
                // Replaced rather than updated one statement each: two statements per batch instead of one per
                // record.
                this.jdbc.update("DELETE FROM sf_record_index WHERE job_name = ? AND object_type = ? "
                        + "AND sf_id = ANY(CAST(? AS VARCHAR ARRAY))", jobName, type,
                        changed.stream().map(IndexedRecord::sfId).toArray(String[]::new));
                inserted.addAll(changed);
            }
        }
        insert(inserted.stream().map(record -> row(jobName, type, record)).toList());
    }

    /**
     * One statement per thousand changed rows updates them, taken as arrays. With the room the table's fill factor
     * leaves on each page, PostgreSQL keeps each new row version on its page without a new primary-key entry;
     * deleting the rows and inserting them again made every insert check the dead row of its key first, and took
     * more than twice as long.
     */
    private Set<String> updateInPlace(String jobName, String type, List<IndexedRecord> changed) {
        Set<String> updated = new HashSet<>();
        for (int from = 0; from < changed.size(); from += ROWS_PER_UPDATE) {
            List<IndexedRecord> slice = changed.subList(from, Math.min(changed.size(), from + ROWS_PER_UPDATE));
            String[][] columns = new String[4][slice.size()];
            for (int i = 0; i < slice.size(); i++) {
                Object[] row = row(jobName, type, slice.get(i));
                columns[0][i] = (String) row[2];
                columns[1][i] = (String) row[4];
                columns[2][i] = (String) row[5];
                columns[3][i] = (String) row[6];
            }
            updated.addAll(this.jdbc.queryForList(UPDATE_IN_PLACE, String.class, columns[0], columns[1], columns[2],
                    columns[3], jobName, type));
        }
        return updated;
    }

    /**
     * @param jobName the job
     * @param object accounts or contacts
     * @return the snapshot with each record's values and link
     */
    @Transactional(readOnly = true)
    public RecordIndex load(String jobName, SourceObject object) {
        RecordIndex index = new RecordIndex();
        this.streaming.query("""
                SELECT sf_id, created_date, match_key, field_values FROM sf_record_index
                WHERE job_name = ? AND object_type = ?""", rs -> {
            index.add(new IndexedRecord(rs.getString("sf_id"), rs.getTimestamp("created_date").toInstant(),
                    rs.getString("match_key"), this.json.readValues(rs.getString("field_values")), null));
        }, jobName, typeOf(object));
        loadLinks(index, jobName, object);
        return index;
    }

    /**
     * Replaces the content of an index with the stored snapshot's Ids, dates, keys and links, without field values:
     * the plan step holds the whole org in memory for matching and loads the values of what it matched per chunk
     * ({@link #loadIds}). Rows are streamed (a transaction lets PostgreSQL's driver fetch them in batches).
     * @param index the index to fill
     * @param jobName the job
     * @param object accounts or contacts
     */
    @Transactional(readOnly = true)
    public void loadForMatching(RecordIndex index, String jobName, SourceObject object) {
        index.clear();
        index.ensureCapacity((int) Math.min(Integer.MAX_VALUE, count(jobName, object)));
        this.streaming.query("""
                SELECT sf_id, created_date, match_key FROM sf_record_index
                WHERE job_name = ? AND object_type = ?""", rs -> {
            index.addForMatching(rs.getString("sf_id"), rs.getTimestamp("created_date").toInstant(),
                    rs.getString("match_key"));
        }, jobName, typeOf(object));
        loadLinks(index, jobName, object);
    }

    /**
     * Two plain scans joined in memory: a SQL join here depends on fresh table statistics, and right after an index
     * refresh PostgreSQL's are stale enough to pick a nested loop over both tables. A link to a record the snapshot
     * no longer holds is left out.
     */
    private void loadLinks(RecordIndex index, String jobName, SourceObject object) {
        this.streaming.query("SELECT sf_id, source_id FROM sf_link WHERE job_name = ? AND object_type = ?",
                rs -> {
                    index.link(rs.getString("sf_id"), rs.getLong("source_id"));
                }, jobName, typeOf(object));
    }

    /**
     * @param jobName the job
     * @param object accounts or contacts
     * @param sfIds the records wanted
     * @return those of them the index holds (without links)
     */
    public RecordIndex loadIds(String jobName, SourceObject object, List<String> sfIds) {
        RecordIndex index = new RecordIndex();
        if (sfIds.isEmpty()) {
            return index;
        }
        this.jdbc.query("SELECT sf_id, created_date, match_key, field_values FROM sf_record_index "
                + "WHERE job_name = ? AND object_type = ? AND sf_id = ANY(CAST(? AS VARCHAR ARRAY))", rs -> {
            index.add(new IndexedRecord(rs.getString("sf_id"), rs.getTimestamp("created_date").toInstant(),
                    rs.getString("match_key"), this.json.readValues(rs.getString("field_values")), null));
        }, jobName, typeOf(object), sfIds.toArray(String[]::new));
        return index;
    }

    public long count(String jobName, SourceObject object) {
        Long count = this.jdbc.queryForObject(
                "SELECT COUNT(*) FROM sf_record_index WHERE job_name = ? AND object_type = ?", Long.class, jobName,
                typeOf(object));
        return (count != null) ? count : 0;
    }

    private void insert(List<Object[]> rows) {
        this.inserts.insert(TABLE, rows);
    }

    private Object[] row(String jobName, String type, IndexedRecord record) {
        Object externalId = record.fieldValues().get(JobDefinition.EXTERNAL_ID_FIELD);
        String key = record.matchKey();
        return new Object[] { jobName, type, record.sfId(), Timestamp.from(record.createdDate()),
                (key != null && key.length() > 320) ? key.substring(0, 320) : key,
                (externalId != null) ? externalId.toString() : null, this.json.writeValues(record.fieldValues()) };
    }

    static String typeOf(SourceObject object) {
        return object.name().toLowerCase(Locale.ROOT);
    }

}
