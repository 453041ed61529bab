package com.goodfit.sync.source;

/**
 * Told how a {@code generate} run progresses; called on the thread that runs the generation.
 */
public interface GenerationListener {

    /**
     * The database is ready and generation starts.
     * @param database the database product name
     * @param method how rows are written, e.g. {@code COPY}
     */
    void started(String database, String method, long companies, long contacts);

    /**
     * Rows have been written to a table.
     * @param table {@code companies} or {@code contacts}
     * @param written the running total for that table
     * @param total the number the table will hold when done
     */
    void written(String table, long written, long total);

}
