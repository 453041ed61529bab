package com.goodfit.sync.admin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class DomainsCommandTests {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private final StringWriter stderr = new StringWriter();

    @Test
    void printsEachValueWithItsRootDomainFromStandardInput() {
        String input = "https://www.test.com/app\nshop.acme.co.uk\r\nn/a\n\nbücher.de\n  \"jo@Acme.com\"  ";

        int exitCode = execute(stdin(input));

        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(output()).isEqualTo("https://www.test.com/app\ttest.com\n" + "shop.acme.co.uk\tacme.co.uk\n"
                + "n/a\t\n" + "\t\n" + "bücher.de\txn--bcher-kva.de\n" + "  \"jo@Acme.com\"  \tacme.com\n");
        assertThat(this.stderr).hasToString("");
    }

    @Test
    void printsNothingForEmptyInput() {
        assertThat(execute(stdin(""))).isEqualTo(ExitCodes.OK);
        assertThat(output()).isEmpty();
    }

    @Test
    void readsValuesFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("websites.txt"), "a.myshopify.com\n192.168.0.1\nwww.co.uk\n");

        int exitCode = execute(stdin("ignored.com\n"), "--file", file.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(output()).isEqualTo("a.myshopify.com\ta.myshopify.com\n192.168.0.1\t\nwww.co.uk\twww.co.uk\n");
    }

    @Test
    void replacesBytesThatAreNotUtf8AndCarriesOn() {
        byte[] input = { 'x', (byte) 0xff, '.', 'c', 'o', 'm', '\n', 't', 'e', 's', 't', '.', 'd', 'e', '\n' };

        assertThat(execute(new ByteArrayInputStream(input))).isEqualTo(ExitCodes.OK);

        assertThat(output()).isEqualTo("x\ufffd.com\t\ntest.de\ttest.de\n");
    }

    @Test
    void reportsAMissingFileByNameWithExitCodeTwo(@TempDir Path dir) {
        Path missing = dir.resolve("missing.txt");

        int exitCode = execute(stdin(""), "--file", missing.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(this.stderr.toString()).contains("error: Cannot read file '" + missing + "': no such file");
        assertThat(output()).isEmpty();
    }

    @Test
    void reportsADirectoryGivenAsFileByNameWithExitCodeTwo(@TempDir Path dir) {
        int exitCode = execute(stdin(""), "--file", dir.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(this.stderr.toString()).contains("error: Cannot read file '" + dir + "'");
    }

    @Test
    void streamsALargeInputLineByLine() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            input.append("https://www.company").append(i).append(".com/\n");
        }

        assertThat(execute(stdin(input.toString()))).isEqualTo(ExitCodes.OK);

        assertThat(output().lines()).hasSize(50_000).last().isEqualTo("https://www.company49999.com/\tcompany49999.com");
    }

    private int execute(InputStream stdin, String... args) {
        CommandLine commandLine = new CommandLine(new DomainsCommand(stdin, this.stdout))
            .setExecutionExceptionHandler(new UserErrorHandler())
            .setParameterExceptionHandler(new UsageErrorHandler())
            .setErr(new PrintWriter(this.stderr, true));
        return commandLine.execute(args);
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String output() {
        return this.stdout.toString(StandardCharsets.UTF_8);
    }

}
