package com.goodfit.sync.admin;

/**
 * A failure the user can fix (bad input, unreachable database): printed as one line, no stack trace.
 */
public class UserFacingException extends RuntimeException {

    private final int exitCode;

    public UserFacingException(String message) {
        this(message, ExitCodes.USER_ERROR, null);
    }

    public UserFacingException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return this.exitCode;
    }

}
