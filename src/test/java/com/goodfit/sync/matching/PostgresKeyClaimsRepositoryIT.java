package com.goodfit.sync.matching;

import com.goodfit.sync.source.SourceObject;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restarted plan step rebuilds its key claims from the plan rows its earlier chunks committed.
 */
@PostgresIntegrationTest
class PostgresKeyClaimsRepositoryIT {

    private static final long RUN = 987_654_321L;

    @Autowired
    KeyClaimsRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM sync_plan WHERE job_instance_id = ?", RUN);
    }

    @Test
    void theLowestCommittedIdOwnsEachKeyAgain() {
        plan(5, "contact", "jane@acme.com", null);
        plan(3, "contact", "jane@acme.com", "AMBIGUOUS_MATCH");
        plan(7, "contact", "bob@acme.com", "DUPLICATE_SOURCE_EMAIL");
        plan(8, "contact", null, "INVALID_EMAIL");
        plan(9, "account", "acme.com", null);
        KeyClaims claims = new KeyClaims();
        claims.claim("stale@acme.com", 1);

        this.repository.loadInto(claims, RUN, SourceObject.CONTACT);

        assertThat(claims.size()).isEqualTo(1);
        assertThat(claims.claim("jane@acme.com", 10)).contains(3L);
        assertThat(claims.claim("bob@acme.com", 10)).isEmpty();
        assertThat(claims.claim("acme.com", 10)).isEmpty();
        assertThat(claims.claim("stale@acme.com", 10)).isEmpty();
    }

    @Test
    void rebuildsManyClaims() {
        this.jdbc.update("""
                INSERT INTO sync_plan (job_instance_id, object_type, source_id, operation, match_key, status)
                SELECT ?, 'contact', n, 'create', 'person' || n || '@acme.com', 'pending'
                FROM generate_series(1, 20000) AS n""", RUN);
        KeyClaims claims = new KeyClaims();

        this.repository.loadInto(claims, RUN, SourceObject.CONTACT);

        assertThat(claims.size()).isEqualTo(20_000);
        assertThat(claims.claim("person19999@acme.com", 30_000)).contains(19_999L);
    }

    private void plan(long sourceId, String object, String key, String reason) {
        this.jdbc.update("""
                INSERT INTO sync_plan (job_instance_id, object_type, source_id, operation, reason, match_key, status)
                VALUES (?, ?, ?, ?, ?, ?, 'done')""", RUN, object, sourceId, (reason == null) ? "create" : "skip",
                reason, key);
    }

}
