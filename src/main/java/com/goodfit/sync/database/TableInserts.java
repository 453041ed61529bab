package com.goodfit.sync.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows into one table in the caller's transaction: {@code COPY ... FROM STDIN} on PostgreSQL, which
 * costs the server and the driver a fraction of what INSERT statements do (parameters are neither bound nor
 * planned), and multi-row INSERTs on H2, which has no COPY.
 */
@Component
public class TableInserts {

    /** Rows per multi-row INSERT: 500 rows of up to 14 columns stay well under the 32,767 parameters allowed. */
    private static final int ROWS_PER_INSERT = 500;

    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    /** From this many rows a COPY's second half is encoded on another thread. */
    private static final int ROWS_ENCODED_APART = 2_000;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final DatabaseKind kind;

    private final SQLExceptionTranslator translator;

    TableInserts(DataSource dataSource, DatabaseKind kind) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.kind = kind;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /**
     * @param table the table and the columns each row gives values for, in order
     * @param rows the rows; values are Strings, numbers, Booleans, Timestamps or null
     */
    public void insert(Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!this.kind.isPostgres()) {
            new MultiRowInsert(table.name(), table.columns(), ROWS_PER_INSERT).insert(this.jdbc, rows);
            return;
        }
        String sql = "COPY " + table.name() + " (" + String.join(", ", table.columns()) + ") FROM STDIN";
        Connection connection = DataSourceUtils.getConnection(this.dataSource);
        try {
            copy(connection, sql, table, rows);
        }
        catch (SQLException ex) {
            throw this.translator.translate("COPY into " + table.name(), sql, ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, this.dataSource);
        }
    }

    private static void copy(Connection connection, String sql, Table table, List<Object[]> rows)
            throws SQLException {
        // A large batch's second half is encoded on another thread while the first is encoded and sent: encoding is
        // most of the client's share of a COPY, and the server takes the first half meanwhile.
        int half = (rows.size() >= ROWS_ENCODED_APART && WorkerPool.worthSplitting()) ? rows.size() / 2 : rows.size();
        CompletableFuture<List<byte[]>> secondHalf = (half == rows.size()) ? null
                : CompletableFuture.supplyAsync(() -> {
                    List<byte[]> chunks = new ArrayList<>();
                    encodeInChunks(table, rows.subList(half, rows.size()),
                            (bytes, length) -> chunks.add(Arrays.copyOf(bytes, length)));
                    return chunks;
                }, WorkerPool.executor());
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            encodeInChunks(table, rows.subList(0, half), (bytes, length) -> copy.writeToCopy(bytes, 0, length));
            if (secondHalf != null) {
                for (byte[] chunk : joined(secondHalf)) {
                    copy.writeToCopy(chunk, 0, chunk.length);
                }
            }
            copy.endCopy();
        }
        finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void encode(Table table, Object[] row, CopyTextEncoder encoder) {
        if (row.length != table.columns().size()) {
            throw new IllegalArgumentException("a row for " + table.name() + " has " + row.length + " values for "
                    + table.columns().size() + " columns");
        }
        for (Object value : row) {
            encoder.value(value);
        }
        encoder.endRow();
    }

    /**
     * Encodes rows into buffer-sized chunks, each handed over as soon as it is full (the buffer is reused after).
     * One buffer growing to hold all the rows reached the sizes the garbage collector treats as humongous, each of
     * which started a concurrent collection cycle.
     */
    private static <E extends Exception> void encodeInChunks(Table table, List<Object[]> rows, ChunkSink<E> sink)
            throws E {
        CopyTextEncoder encoder = new CopyTextEncoder(COPY_BUFFER_BYTES + 4_096);
        for (Object[] row : rows) {
            encode(table, row, encoder);
            if (encoder.length() >= COPY_BUFFER_BYTES) {
                sink.accept(encoder.bytes(), encoder.length());
                encoder.clear();
            }
        }
        sink.accept(encoder.bytes(), encoder.length());
    }

    /** Takes the first {@code length} bytes of an encoded chunk. */
    @FunctionalInterface
    private interface ChunkSink<E extends Exception> {

        void accept(byte[] bytes, int length) throws E;

    }

    private static List<byte[]> joined(CompletableFuture<List<byte[]>> encoding) {
        try {
            return encoding.join();
        }
        catch (CompletionException ex) {
            throw TaskFailures.unchecked(ex, "encoding rows for COPY failed");
        }
    }

    /**
     * A table and the columns an insert gives values for.
     *
     * @param name the table
     * @param columns its columns, in the order of each row's values
     */
    public record Table(String name, List<String> columns) {

        public Table {
            columns = List.copyOf(columns);
        }

    }

}
