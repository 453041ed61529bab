package com.goodfit.sync.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.goodfit.sync.admin.GoodfitCommandLine;
import picocli.CommandLine;

/**
 * The result of running one command through the real command tree, with its output captured.
 *
 * @param exitCode the exit code picocli returned
 * @param out what the command printed to standard output
 * @param err what the command printed to standard error
 */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(GoodfitCommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = commandLine.create();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

}
