package com.goodfit.sync.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An upsert that both PostgreSQL and H2 run fast: a batch of updates by primary key, then a batch of inserts for
 * the rows no update touched. (A standard {@code MERGE ... USING (VALUES ...)} is accepted by both, but PostgreSQL
 * plans it as a join over the whole table, row by row.) Callers hold the rows' transaction, so no other writer
 * inserts the same key in between.
 *
 * @param jdbc the template
 * @param updateSql the UPDATE, its parameters made by {@code updateArgs}
 * @param insertSql the INSERT, its parameters made by {@code insertArgs}
 */
record UpdateThenInsert<T>(JdbcTemplate jdbc, String updateSql, Function<T, Object[]> updateArgs, String insertSql,
        Function<T, Object[]> insertArgs) {

    void apply(List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[] updated = this.jdbc.batchUpdate(this.updateSql, rows.stream().map(this.updateArgs).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                inserts.add(this.insertArgs.apply(rows.get(i)));
            }
        }
        if (!inserts.isEmpty()) {
            this.jdbc.batchUpdate(this.insertSql, inserts);
        }
    }

}
