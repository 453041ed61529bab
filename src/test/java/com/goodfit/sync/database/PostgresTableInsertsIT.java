package com.goodfit.sync.database;

import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** COPY of batches large enough to be encoded in two halves, on the real server. */
@PostgresIntegrationTest
class PostgresTableInsertsIT {

    private static final TableInserts.Table TABLE = new TableInserts.Table("table_inserts_it",
            List.of("id", "name", "note"));

    @Autowired
    TableInserts inserts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void create() {
        this.jdbc.execute("DROP TABLE IF EXISTS table_inserts_it");
        this.jdbc.execute("CREATE TABLE table_inserts_it (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, note VARCHAR)");
    }

    @AfterEach
    void drop() {
        this.jdbc.execute("DROP TABLE IF EXISTS table_inserts_it");
    }

    @Test
    void aBatchEncodedInTwoHalvesArrivesWholeWithEveryValueIntact() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            rows.add(new Object[] { (long) i, "name " + i + " é\t\\\n", (i % 7 == 0) ? null : "note " + i });
        }

        this.inserts.insert(TABLE, rows);

        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM table_inserts_it", Long.class)).isEqualTo(5_001);
        assertThat(this.jdbc.queryForList("SELECT name, note FROM table_inserts_it WHERE id IN (0, 2500, 2501, 5000) "
                + "ORDER BY id"))
            .extracting(row -> row.get("name") + "|" + row.get("note"))
            .containsExactly("name 0 é\t\\\n|null", "name 2500 é\t\\\n|note 2500", "name 2501 é\t\\\n|note 2501",
                    "name 5000 é\t\\\n|note 5000");
    }

    @Test
    void aBadRowInTheHalfEncodedApartFailsTheInsertWithItsReasonAndInsertsNothing() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            rows.add((i == 3_999) ? new Object[] { (long) i, "short" } : new Object[] { (long) i, "n", "x" });
        }

        assertThatIllegalArgumentException().isThrownBy(() -> this.inserts.insert(TABLE, rows))
            .withMessage("a row for table_inserts_it has 2 values for 3 columns");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM table_inserts_it", Long.class)).isZero();
    }

}
