package com.goodfit.sync.admin;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a {@link UserFacingException} into a one-line message and its exit code; anything else is a bug and
 * keeps its stack trace.
 */
class UserErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (ex instanceof UserFacingException userFacing) {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + userFacing.getMessage()));
            return userFacing.exitCode();
        }
        throw ex;
    }

}
