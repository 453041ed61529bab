package com.goodfit.sync.provision;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import com.goodfit.sync.admin.CliCommand;
import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.mapping.YamlEnum;
import com.goodfit.sync.source.FieldDirectoryRepository;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code init-job <name>}: writes {@code jobs/<name>.yml}, a starter job definition mapping every field of
 * {@code field_definitions}; never overwrites an existing file.
 */
@Component
@Command(name = "init-job", mixinStandardHelpOptions = true,
        description = "Write a starter job definition mapping every source field to a standard or GoodFit field.")
class InitJobCommand implements CliCommand {

    private final FieldDirectoryRepository fieldDirectory;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<name>", description = "The job's name in kebab-case, e.g. acme-salesforce.")
    private String name;

    @Option(names = "--environment", defaultValue = "production", paramLabel = "<env>",
            description = "production, sandbox, my-domain or emulator. Default: ${DEFAULT-VALUE}.")
    private String environment;

    @Option(names = "--login-url", defaultValue = Option.NULL_VALUE, paramLabel = "<url>", description = "The My Domain URL (my-domain only).")
    private URI loginUrl;

    @Option(names = "--jobs-dir", defaultValue = "jobs", paramLabel = "<dir>",
            description = "Where job definitions live. Default: ${DEFAULT-VALUE}.")
    private Path jobsDir;

    InitJobCommand(FieldDirectoryRepository fieldDirectory) {
        this.fieldDirectory = fieldDirectory;
    }

    @Override
    public Integer call() {
        if (!this.name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new UserFacingException("job name '" + this.name + "' must be kebab-case (lower-case letters, digits "
                    + "and single hyphens), e.g. acme-salesforce");
        }
        SalesforceEnvironment env = Arrays.stream(SalesforceEnvironment.values())
            .filter(candidate -> YamlEnum.nameOf(candidate).equals(this.environment))
            .findFirst()
            .orElseThrow(() -> new UserFacingException("unknown --environment '" + this.environment
                    + "' (expected production, sandbox, my-domain or emulator)"));
        if ((env == SalesforceEnvironment.MY_DOMAIN) != (this.loginUrl != null)) {
            throw new UserFacingException((env == SalesforceEnvironment.MY_DOMAIN)
                    ? "--environment my-domain needs --login-url, e.g. https://acme.my.salesforce.com"
                    : "--login-url is only for --environment my-domain");
        }
        if (this.loginUrl != null && !"https".equals(this.loginUrl.getScheme())) {
            throw new UserFacingException("--login-url '" + this.loginUrl + "' must be an https URL");
        }
        Path file = this.jobsDir.resolve(this.name + ".yml");
        String yaml = new StarterJob(this.fieldDirectory.load()).yaml(this.name, env, this.loginUrl);
        try {
            Files.createDirectories(this.jobsDir);
            Files.writeString(file, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
        catch (FileAlreadyExistsException ex) {
            throw new UserFacingException(file + " exists already and was not overwritten: delete it or choose "
                    + "another name");
        }
        catch (IOException ex) {
            throw new UserFacingException("cannot write " + file + ": " + ex.getMessage());
        }
        this.spec.commandLine().getOut().println("Wrote " + file + ". Next: goodfit-sync connect " + this.name
                + ", then goodfit-sync provision-fields " + this.name + " --dry-run");
        return ExitCodes.OK;
    }

}
