package com.goodfit.sync.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with few statements: {@code INSERT ... VALUES (...), (...), ...}, which PostgreSQL and H2 both
 * accept. A JDBC batch still costs the server one statement per row, and those dominate the apply step's time.
 *
 * @param table the table
 * @param columns its columns, in the order of each row's values
 * @param rowsPerStatement rows sent in one statement (keep rows × columns well under 32,767 parameters)
 */
record MultiRowInsert(String table, List<String> columns, int rowsPerStatement) {

    MultiRowInsert {
        columns = List.copyOf(columns);
    }

    void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += this.rowsPerStatement) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + this.rowsPerStatement));
            List<Object> args = new ArrayList<>(slice.size() * this.columns.size());
            slice.forEach(row -> Collections.addAll(args, row));
            jdbc.update(sql(slice.size()), args.toArray());
        }
    }

    private String sql(int rows) {
        String tuple = "(" + String.join(", ", Collections.nCopies(this.columns.size(), "?")) + ")";
        return "INSERT INTO " + this.table + " (" + String.join(", ", this.columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, tuple));
    }

}
