package com.goodfit.sync.admin;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.goodfit.sync.domain.RootDomain;
import com.goodfit.sync.domain.WebsiteNormaliser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code domains}: prints the root domain of each website value read one per line, as {@code value<TAB>root-domain}
 * (second column empty when there is none). Streams, so any input size runs in constant memory; reads and writes
 * UTF-8, replacing bytes that are not UTF-8 with U+FFFD.
 */
@Component
@Command(name = "domains", description = "Print the root domain of each website value read one per line.",
        mixinStandardHelpOptions = true)
class DomainsCommand implements CliCommand {

    private final WebsiteNormaliser normaliser = new WebsiteNormaliser();

    private final InputStream stdin;

    private final OutputStream stdout;

    @Option(names = "--file", paramLabel = "PATH", description = "Read the values from this file instead of stdin.")
    private @Nullable Path file;

    // Spring picks this no-argument constructor; tests hand in their own streams through the other one.
    DomainsCommand() {
        this(System.in, System.out);
    }

    DomainsCommand(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        Writer out = new BufferedWriter(new OutputStreamWriter(this.stdout, StandardCharsets.UTF_8));
        try (BufferedReader in = open()) {
            normalise(in, out);
        }
        catch (IOException ex) {
            throw new UserFacingException(readFailure(ex), ExitCodes.USER_ERROR, ex);
        }
        return ExitCodes.OK;
    }

    private BufferedReader open() throws IOException {
        if (this.file == null) {
            return new BufferedReader(new InputStreamReader(this.stdin, StandardCharsets.UTF_8));
        }
        // InputStreamReader, unlike Files.newBufferedReader, replaces malformed bytes instead of failing midway.
        return new BufferedReader(new InputStreamReader(Files.newInputStream(this.file), StandardCharsets.UTF_8));
    }

    /**
     * Writes one {@code value<TAB>root-domain} line per line read. Throws {@link IOException} only for reading;
     * a failure to write surfaces as {@link UncheckedIOException}.
     */
    void normalise(BufferedReader in, Writer out) throws IOException {
        StandardOutput output = new StandardOutput(out);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            output.writeLine(line, this.normaliser.rootDomainOf(line).map(RootDomain::value).orElse(""));
        }
        output.flush();
    }

    /** Keeps write failures apart from read failures, which are the user's to fix. */
    private record StandardOutput(Writer out) {

        void writeLine(String value, String rootDomain) {
            try {
                this.out.write(value);
                this.out.write('\t');
                this.out.write(rootDomain);
                this.out.write('\n');
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot write to standard output", ex);
            }
        }

        void flush() {
            try {
                this.out.flush();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot write to standard output", ex);
            }
        }

    }

    private String readFailure(IOException ex) {
        String source = (this.file != null) ? "file '" + this.file + "'" : "standard input";
        if (ex instanceof NoSuchFileException) {
            return "Cannot read " + source + ": no such file";
        }
        if (ex instanceof AccessDeniedException) {
            return "Cannot read " + source + ": permission denied";
        }
        return "Cannot read " + source + ": " + ex.getMessage();
    }

}
