package com.goodfit.sync.admin;

import java.io.PrintStream;
import java.net.ConnectException;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explains in one line why the application could not start (typically an unreachable database), so a user sees
 * what to fix instead of a stack trace. The full trace is logged at DEBUG for bug reports.
 */
public record StartupFailure(String message, int exitCode, Throwable cause) {

    private static final Logger logger = LoggerFactory.getLogger(StartupFailure.class);

    public static StartupFailure of(Throwable failure) {
        UserFacingException userFacing = find(failure, UserFacingException.class);
        if (userFacing != null) {
            return new StartupFailure(userFacing.getMessage(), userFacing.exitCode(), failure);
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null || find(failure, ConnectException.class) != null) {
            String detail = (sql != null) ? sql.getMessage() : rootCause(failure).getMessage();
            return new StartupFailure("cannot use the database (" + detail + "). Check SPRING_DATASOURCE_URL, "
                    + "_USERNAME and _PASSWORD, and that the server is running.", ExitCodes.UNAVAILABLE, failure);
        }
        return new StartupFailure("start-up failed: " + rootCause(failure), ExitCodes.FAILED, failure);
    }

    /**
     * Prints the one-line message and returns the exit code to use.
     * @param err where to print
     * @return the process exit code
     */
    public int report(PrintStream err) {
        err.println("error: " + this.message);
        logger.debug("Start-up failure", this.cause);
        return this.exitCode;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

}
