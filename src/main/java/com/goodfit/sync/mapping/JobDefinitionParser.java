package com.goodfit.sync.mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

import org.springframework.scheduling.support.CronExpression;

/**
 * Reads a {@code jobs/*.yml} file into a {@link JobDefinition}, checking everything that can be checked without
 * the org: keys, modes, strategies, the schedule, source fields against {@code field_definitions}, fields mapped
 * twice, and that no secret sits in the file. Checks against the org's describe
 * (unknown or read-only Salesforce fields, types) happen once the org is reachable. Every problem found is reported at once, each with its file and line.
 */
public class JobDefinitionParser {

    private static final Set<String> TOP_KEYS = Set.of("name", "salesforce", "schedule", "modes", "accounts",
            "contacts", "apply");

    private static final Set<String> SALESFORCE_KEYS = Set.of("environment", "login-url", "api-version", "auth",
            "username", "credentials-env-prefix");

    private static final Set<String> SECRET_KEYS = Set.of("client-id", "client-secret", "refresh-token",
            "access-token", "password", "private-key", "security-token");

    private static final Set<String> APPLY_KEYS = Set.of("api", "bulk-threshold", "in-flight", "max-api-calls",
            "daily-calls-floor");

    private static final Pattern API_VERSION = Pattern.compile("\\d{2}\\.0");

    private static final Pattern JOB_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final FieldDirectory directory;

    public JobDefinitionParser(FieldDirectory directory) {
        this.directory = directory;
    }

    /**
     * Reads and checks one job definition file.
     * @param file the YAML file; its name without {@code .yml} is the job's name
     * @return the definition
     * @throws JobDefinitionException listing every problem, each with file and line
     */
    public JobDefinition parse(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException ex) {
            throw new JobDefinitionException(List.of(file + ": no such job definition file"));
        }
        catch (IOException ex) {
            throw new JobDefinitionException(List.of(file + ": cannot read the job definition: " + ex.getMessage()));
        }
        return parse(file.toString(), new StringReader(content));
    }

    JobDefinition parse(String file, Reader yaml) {
        Problems problems = new Problems(file);
        Node root = compose(file, yaml);
        if (root == null) {
            throw new JobDefinitionException(List.of(file + ":1: the job definition is empty"));
        }
        YamlSection top = YamlSection.of("", root, problems, TOP_KEYS)
            .orElseThrow(() -> new JobDefinitionException(List.of(file + ":1: a job definition is a mapping of "
                    + "keys (" + String.join(", ", TOP_KEYS.stream().sorted().toList()) + ")")));
        String name = nameOf(file, top, problems);
        SalesforceSettings salesforce = salesforceOf(top, name, problems);
        String schedule = scheduleOf(top, problems);
        AccountMode accountMode = AccountMode.CREATE_AND_UPDATE;
        ContactMode contactMode = ContactMode.DISABLED;
        Optional<YamlSection> modes = top.section("modes", Set.of("accounts", "contacts"));
        if (modes.isPresent()) {
            accountMode = modes.get().enumValue("accounts", AccountMode.class, AccountMode.CREATE_AND_UPDATE);
            contactMode = modes.get().enumValue("contacts", ContactMode.class, ContactMode.DISABLED);
        }
        MappingsReader mappings = new MappingsReader(this.directory, problems);
        List<FieldMapping> accountMappings = mappings.read(top, SourceObject.ACCOUNT);
        List<FieldMapping> contactMappings = mappings.read(top, SourceObject.CONTACT);
        new RequiredMappings(problems, top).check(accountMode, accountMappings, contactMode, contactMappings);
        ApplySettings apply = applyOf(top);
        problems.throwIfAny();
        return new JobDefinition(name, file, salesforce, schedule, accountMode, contactMode, accountMappings,
                contactMappings, apply);
    }

    private static @Nullable Node compose(String file, Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // YamlSection reports duplicates with their line
        options.setMaxAliasesForCollections(10);
        try {
            return new Yaml(new SafeConstructor(options)).compose(yaml);
        }
        catch (MarkedYAMLException ex) {
            int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
            throw new JobDefinitionException(List.of(file + ":" + line + ": not valid YAML: " + ex.getProblem()));
        }
    }

    private static String nameOf(String file, YamlSection top, Problems problems) {
        String fileName = Path.of(file).getFileName().toString();
        String expected = fileName.replaceFirst("\\.ya?ml$", "");
        if (!JOB_NAME.matcher(expected).matches()) {
            problems.add(1, "the file name '" + fileName + "' must be the job's name in kebab-case, e.g. "
                    + "'acme-salesforce.yml'");
        }
        String declared = top.string("name");
        if (declared != null && !declared.equals(expected)) {
            problems.add(top.node("name").orElseThrow(), "name '" + declared + "' must match the file name '"
                    + expected + "'");
        }
        return expected;
    }

    private static SalesforceSettings salesforceOf(YamlSection top, String jobName, Problems problems) {
        Set<String> allowed = new TreeSet<>(SALESFORCE_KEYS);
        allowed.addAll(SECRET_KEYS);
        String defaultPrefix = "GOODFIT_" + jobName.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        Optional<YamlSection> section = top.section("salesforce", allowed);
        if (section.isEmpty()) {
            problems.add(top.node(), "missing 'salesforce' section (environment, api-version, auth)");
            return new SalesforceSettings(SalesforceEnvironment.EMULATOR, null, "62.0", AuthGrant.REFRESH_TOKEN,
                    null, defaultPrefix);
        }
        YamlSection salesforce = section.get();
        String prefix = Optional.ofNullable(salesforce.string("credentials-env-prefix")).orElse(defaultPrefix);
        for (String secret : SECRET_KEYS) {
            salesforce.node(secret).ifPresent(node -> problems.add(node, "'salesforce." + secret + "' does not "
                    + "belong in a job definition: secrets come from environment variables; remove it and set "
                    + prefix + secret.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        SalesforceEnvironment environment = salesforce.enumValue("environment", SalesforceEnvironment.class,
                SalesforceEnvironment.PRODUCTION);
        if (salesforce.node("environment").isEmpty()) {
            problems.add(salesforce.node(), "missing 'salesforce.environment' (expected "
                    + YamlEnum.choicesOf(SalesforceEnvironment.class) + ")");
        }
        String apiVersion = Optional.ofNullable(salesforce.string("api-version")).orElse("62.0");
        if (!API_VERSION.matcher(apiVersion).matches()) {
            problems.add(salesforce.node("api-version").orElseThrow(), "api version '" + apiVersion
                    + "' must look like \"62.0\" (quote it in YAML)");
        }
        AuthGrant auth = salesforce.enumValue("auth", AuthGrant.class, AuthGrant.REFRESH_TOKEN);
        String username = salesforce.string("username");
        if (auth == AuthGrant.JWT_BEARER && username == null) {
            problems.add(salesforce.node(), "'salesforce.username' is required for auth jwt-bearer");
        }
        URI loginUrl = loginUrlOf(salesforce, environment, auth, problems);
        return new SalesforceSettings(environment, loginUrl, apiVersion, auth, username, prefix);
    }

    private static @Nullable URI loginUrlOf(YamlSection salesforce, SalesforceEnvironment environment,
            AuthGrant auth, Problems problems) {
        String value = salesforce.string("login-url");
        if (environment != SalesforceEnvironment.MY_DOMAIN) {
            if (value != null) {
                problems.add(salesforce.node("login-url").orElseThrow(), "'salesforce.login-url' is only used with "
                        + "environment my-domain (" + YamlEnum.nameOf(environment) + " has a fixed login host)");
            }
            if (auth == AuthGrant.CLIENT_CREDENTIALS && environment != SalesforceEnvironment.EMULATOR) {
                problems.add(salesforce.node(), "auth client-credentials only works on the org's My Domain host: "
                        + "use environment my-domain with login-url");
            }
            return null;
        }
        if (value == null) {
            problems.add(salesforce.node(), "environment my-domain needs 'salesforce.login-url', e.g. "
                    + "https://acme.my.salesforce.com");
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(salesforce.node("login-url").orElseThrow(), "login url '" + value
                        + "' must be an https URL such as https://acme.my.salesforce.com");
            }
            return uri;
        }
        catch (URISyntaxException ex) {
            problems.add(salesforce.node("login-url").orElseThrow(), "login url '" + value + "' is not a URL: "
                    + ex.getReason());
            return null;
        }
    }

    private static @Nullable String scheduleOf(YamlSection top, Problems problems) {
        String schedule = top.string("schedule");
        if (schedule == null) {
            return null;
        }
        try {
            CronExpression.parse(schedule);
            return schedule;
        }
        catch (IllegalArgumentException ex) {
            problems.add(top.node("schedule").orElseThrow(), "bad cron '" + schedule + "': " + ex.getMessage()
                    + " (six fields: second minute hour day-of-month month day-of-week, e.g. \"0 0 2 * * *\")");
            return null;
        }
    }

    private static ApplySettings applyOf(YamlSection top) {
        ApplySettings defaults = ApplySettings.defaults();
        Optional<YamlSection> section = top.section("apply", APPLY_KEYS);
        if (section.isEmpty()) {
            return defaults;
        }
        YamlSection apply = section.get();
        Long threshold = apply.number("bulk-threshold", 1, 100_000_000);
        Long inFlight = apply.number("in-flight", 1, 16);
        Long floor = apply.number("daily-calls-floor", 0, Long.MAX_VALUE);
        return new ApplySettings(apply.enumValue("api", ApiChoice.class, defaults.api()),
                (threshold != null) ? threshold.intValue() : defaults.bulkThreshold(),
                (inFlight != null) ? inFlight.intValue() : defaults.inFlight(),
                apply.number("max-api-calls", 1, Long.MAX_VALUE),
                (floor != null) ? floor : defaults.dailyCallsFloor());
    }

}
