package com.goodfit.sync.matching;

import java.util.Locale;
import java.util.Objects;

import com.goodfit.sync.source.SourceObject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds a run's key claims from the plan rows it has committed, so that a restarted plan step still lets the
 * lowest source id own each shared key.
 */
@Repository
public class KeyClaimsRepository {

    /** A restart may reload millions of claims: rows are streamed, not held by the driver all at once. */
    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;

    KeyClaimsRepository(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /**
     * @param claims the claims to fill (cleared first)
     * @param jobInstanceId the run
     * @param object accounts or contacts
     */
    @Transactional(readOnly = true)
    public void loadInto(KeyClaims claims, long jobInstanceId, SourceObject object) {
        claims.clear();
        this.jdbc.query("""
                SELECT match_key, source_id FROM sync_plan
                WHERE job_instance_id = ? AND object_type = ? AND match_key IS NOT NULL
                  AND (reason IS NULL OR reason NOT LIKE 'DUPLICATE_SOURCE_%')
                ORDER BY source_id""",
                rs -> {
                    claims.claim(rs.getString("match_key"), rs.getLong("source_id"));
                }, jobInstanceId, object.name().toLowerCase(Locale.ROOT));
    }

}
