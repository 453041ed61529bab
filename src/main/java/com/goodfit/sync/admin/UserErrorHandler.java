package com.goodfit.sync.admin;

import com.goodfit.sync.mapping.JobDefinitionException;
import com.goodfit.sync.source.filter.FilterException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a {@link UserFacingException} or a {@link JobDefinitionException} into one-line messages and its exit code; anything else is a bug and
 * keeps its stack trace.
 */
class UserErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (ex instanceof JobDefinitionException definition) {
            definition.problems()
                .forEach(problem -> commandLine.getErr()
                    .println(commandLine.getColorScheme().errorText("error: " + problem)));
            return ExitCodes.USER_ERROR;
        }
        if (ex instanceof FilterException filter) {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + filter.getMessage()));
            return ExitCodes.USER_ERROR;
        }
        if (ex instanceof UserFacingException userFacing) {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + userFacing.getMessage()));
            return userFacing.exitCode();
        }
        throw ex;
    }

}
