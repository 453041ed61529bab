package com.goodfit.sync.admin;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage mistake in one line that names the offending command or option, then points at
 * {@code --help} rather than printing the whole usage text.
 */
class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText("error: " + messageOf(ex)));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USER_ERROR;
    }

    private static String messageOf(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            String kind = first.startsWith("-") ? "option" : "command or argument";
            return "unknown " + kind + " '" + first + "' for '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + "'";
        }
        return ex.getMessage();
    }

}
