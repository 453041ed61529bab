package com.goodfit.sync.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.goodfit.sync.database.DatabaseKind;
import com.goodfit.sync.jobs.SyncLauncher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * One run of a job at a time, across every process sharing the database ({@code serve}'s schedules and API launches,
 * {@code run} and {@code restart} from the command line): a launch first takes the job's lock and holds it until the
 * run ends. On PostgreSQL the lock is a session advisory lock ({@code pg_try_advisory_lock}) on a connection held for
 * the run, so a process that dies releases it with its connection; on the embedded database, which one process owns,
 * it is a lock in this process.
 */
@Component
class JobLocks {

    private static final Log logger = LogFactory.getLog(JobLocks.class);

    /** First key of our advisory locks ("GF" + "JB"), so they cannot collide with another application's. */
    static final int NAMESPACE = 0x47464A42;

    private final DataSource dataSource;

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private final ExecutorService releasers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "job-lock-release");
        thread.setDaemon(true);
        return thread;
    });

    private final DatabaseKind database;

    JobLocks(DataSource dataSource, DatabaseKind database) {
        this.database = database;
        this.dataSource = dataSource;
    }

    /**
     * Launches a run if no run of the job holds its lock.
     * @param jobName the job
     * @param launch starts the run
     * @return the started run, or empty when the job is running (here or in another process)
     */
    Optional<SyncLauncher.Started> launch(String jobName, Supplier<SyncLauncher.Started> launch) {
        Held lock = tryLock(jobName);
        if (lock == null) {
            return Optional.empty();
        }
        SyncLauncher.Started started;
        try {
            started = launch.get();
        }
        catch (RuntimeException ex) {
            release(jobName, lock);
            throw ex;
        }
        this.releasers.submit(() -> {
            try {
                started.completion().get();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (ExecutionException ex) {
                logger.warn("Run of job '" + jobName + "' ended abnormally: " + ex.getCause());
            }
            finally {
                release(jobName, lock);
            }
        });
        return Optional.of(started);
    }

    /**
     * Runs a job from the command line, holding its lock until the run has ended: the lock is free again when this
     * returns.
     * @param jobName the job
     * @param launch starts the run
     * @param follow waits for the run to end
     * @return what follow returned
     * @throws UserFacingException when the job is running (here or in another process)
     */
    <R> R runOrRefuse(String jobName, Supplier<SyncLauncher.Started> launch,
            Function<SyncLauncher.Started, R> follow) {
        Held lock = tryLock(jobName);
        if (lock == null) {
            throw new UserFacingException("job '" + jobName + "' is already running (in this or another process "
                    + "using the same database): wait for it to end; 'status --job " + jobName + "' shows it");
        }
        try {
            return follow.apply(launch.get());
        }
        finally {
            release(jobName, lock);
        }
    }

    private Held tryLock(String jobName) {
        Held mine = new Held(null);
        if (this.held.putIfAbsent(jobName, mine) != null) {
            return null;
        }
        if (!this.database.isPostgres()) {
            return mine;
        }
        Connection connection = null;
        try {
            connection = this.dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, NAMESPACE);
                // Two job names with one hash would only wait for each other, never run a job twice at once.
                statement.setInt(2, jobName.hashCode());
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        Held lock = new Held(connection);
                        this.held.put(jobName, lock);
                        return lock;
                    }
                }
            }
            connection.close();
            this.held.remove(jobName, mine);
            return null;
        }
        catch (SQLException ex) {
            this.held.remove(jobName, mine);
            closeQuietly(connection);
            throw new CannotGetJdbcConnectionException("cannot take the lock of job '" + jobName + "'", ex);
        }
    }

    private void release(String jobName, Held lock) {
        Connection connection = lock.connection();
        if (connection != null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, NAMESPACE);
                statement.setInt(2, jobName.hashCode());
                statement.execute();
            }
            catch (SQLException ex) {
                // A pooled session would keep the lock: end the session itself, which releases it.
                logger.warn("Could not release the lock of job '" + jobName + "' cleanly: " + ex.getMessage());
                if (this.dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                    hikari.evictConnection(connection);
                }
            }
            closeQuietly(connection);
        }
        this.held.remove(jobName, lock);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        }
        catch (SQLException ex) {
            logger.warn("Could not close a lock connection: " + ex.getMessage());
        }
    }

    private record Held(Connection connection) {
    }

}
