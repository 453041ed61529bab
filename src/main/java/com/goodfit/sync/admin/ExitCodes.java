package com.goodfit.sync.admin;

/**
 * Process exit codes shared by every command.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;

    /** The command ran but the work failed (a job FAILED). */
    public static final int FAILED = 1;

    /** Bad usage or bad input: unknown command or option, invalid value, unreadable file. */
    public static final int USER_ERROR = 2;

    /** An external system the command needs (database, Salesforce) could not be reached. */
    public static final int UNAVAILABLE = 3;

    /** A job stopped cleanly before its end (API budget, stop request); restart it later. */
    public static final int STOPPED = 4;

    private ExitCodes() {
    }

}
