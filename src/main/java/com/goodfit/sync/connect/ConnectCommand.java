package com.goodfit.sync.connect;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.goodfit.sync.admin.CliCommand;
import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;
import com.goodfit.sync.mapping.AuthGrant;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.JobDefinitionParser;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.mapping.YamlEnum;
import com.goodfit.sync.salesforce.OAuthFlowClient;
import com.goodfit.sync.salesforce.OAuthGrant;
import com.goodfit.sync.salesforce.OrgConnection;
import com.goodfit.sync.salesforce.OrgIdentity;
import com.goodfit.sync.salesforce.SalesforceAuthException;
import com.goodfit.sync.salesforce.SalesforceTransientException;
import com.goodfit.sync.salesforce.TokenResponse;
import com.goodfit.sync.source.FieldDirectoryRepository;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code connect <job>}: connects a job to its org once and stores the connection encrypted: the OAuth web-server
 * flow with PKCE (refresh token), or with {@code --jwt} the JWT bearer settings after checking they get a token.
 */
@Component
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connect a job to its Salesforce org (OAuth with PKCE, or --jwt) and store the credentials encrypted.")
class ConnectCommand implements CliCommand {

    private final FieldDirectoryRepository fieldDirectory;

    private final ConnectionStore store;

    private final CredentialCipher cipher;

    private final OAuthFlowClient oauth;

    private final Environment variables;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "A job name (jobs/<job>.yml) or a job file.")
    private String job;

    @Option(names = "--environment", defaultValue = Option.NULL_VALUE, paramLabel = "<env>",
            description = "production, sandbox, my-domain or emulator. Default: the job's.")
    private String environment;

    @Option(names = "--login-url", defaultValue = Option.NULL_VALUE, paramLabel = "<url>", description = "The My Domain (or emulator) login URL.")
    private URI loginUrl;

    @Option(names = "--client-id", defaultValue = Option.NULL_VALUE, paramLabel = "<key>",
            description = "The connected app's consumer key. Default: $<prefix>CLIENT_ID.")
    private String clientId;

    @Option(names = "--callback-port", defaultValue = "1717", paramLabel = "<port>",
            description = "Loopback port of the callback http://localhost:<port>/OauthRedirect. Default: ${DEFAULT-VALUE}.")
    private int callbackPort;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "<duration>",
            description = "How long to wait for the browser, e.g. 90s or 5m. Default: ${DEFAULT-VALUE}.")
    private String timeout;

    @Option(names = "--jwt", defaultValue = "false", description = "Use the JWT bearer flow (headless servers) instead of the browser.")
    private boolean jwt;

    @Option(names = "--key", defaultValue = Option.NULL_VALUE, paramLabel = "<file>", description = "With --jwt: the PKCS#8 PEM private key.")
    private Path key;

    @Option(names = "--username", defaultValue = Option.NULL_VALUE, paramLabel = "<user>",
            description = "With --jwt: the pre-authorised Salesforce user. Default: the job's username.")
    private String username;

    @Option(names = "--store-key", defaultValue = "false", description = "With --jwt: store the key itself (encrypted), not just its path.")
    private boolean storeKey;

    ConnectCommand(FieldDirectoryRepository fieldDirectory, ConnectionStore store, CredentialCipher cipher,
            OAuthFlowClient oauth, Environment variables) {
        this.fieldDirectory = fieldDirectory;
        this.store = store;
        this.cipher = cipher;
        this.oauth = oauth;
        this.variables = variables;
    }

    @Override
    public Integer call() {
        JobDefinition definition = new JobDefinitionParser(this.fieldDirectory.load()).parse(JobFiles.find(this.job));
        // Before the browser round trip: a connection that could not be stored must not cost the user a login.
        this.cipher.requireKey();
        SalesforceEnvironment env = (this.environment != null) ? environmentOf(this.environment)
                : definition.salesforce().environment();
        URI login = LoginHosts.of(env, this.loginUrl, definition, this.variables);
        String prefix = definition.salesforce().credentialsEnvPrefix();
        String consumerKey = (this.clientId != null) ? this.clientId : required(prefix + "CLIENT_ID");
        PrintWriter out = this.spec.commandLine().getOut();
        try {
            StoredConnection stored = this.jwt ? connectJwt(definition, env, login, consumerKey)
                    : connectInBrowser(definition, env, login, consumerKey, prefix, out);
            out.println("Connected job '" + stored.jobName() + "' to " + stored.instanceUrl() + " as "
                    + stored.username() + " (" + YamlEnum.nameOf(env) + ", " + YamlEnum.nameOf(stored.auth())
                    + "). Credentials stored encrypted; 'goodfit-sync connections' lists them.");
            return ExitCodes.OK;
        }
        catch (SalesforceTransientException ex) {
            throw new UserFacingException("Salesforce could not be reached at " + login + ": " + ex.getMessage()
                    + ". Nothing was stored.", ExitCodes.UNAVAILABLE, ex);
        }
    }

    private StoredConnection connectInBrowser(JobDefinition definition, SalesforceEnvironment env, URI login,
            String consumerKey, String prefix, PrintWriter out) {
        if (this.key != null || this.username != null || this.storeKey) {
            throw new ConnectFailedException("--key, --username and --store-key belong to --jwt");
        }
        String secret = required(prefix + "CLIENT_SECRET");
        Duration wait = durationOf(this.timeout);
        WebServerFlow.Authorised authorised = new WebServerFlow(this.oauth).run(login, consumerKey, secret,
                this.callbackPort, wait, out);
        TokenResponse tokens = authorised.tokens();
        OrgIdentity identity = authorised.identity();
        StoredConnection stored = new StoredConnection(definition.name(), env, login, tokens.instanceUrl(),
                AuthGrant.REFRESH_TOKEN, consumerKey, identity.username(), identity.userId(), identity.orgId(), null,
                Instant.now());
        this.store.save(stored, new StoredSecrets(secret, tokens.refreshToken(), null));
        return stored;
    }

    private StoredConnection connectJwt(JobDefinition definition, SalesforceEnvironment env, URI login,
            String consumerKey) {
        if (this.key == null) {
            throw new ConnectFailedException("--jwt needs --key <file> (the PKCS#8 PEM private key whose certificate "
                    + "is on the connected app)");
        }
        String user = (this.username != null) ? this.username : definition.salesforce().username();
        if (user == null) {
            throw new ConnectFailedException("--jwt needs --username <user> (the pre-authorised Salesforce user)");
        }
        Path keyFile = this.key.toAbsolutePath().normalize();
        TokenResponse tokens;
        try {
            tokens = this.oauth.jwtToken(new OrgConnection(login, definition.salesforce().apiVersion(),
                    new OAuthGrant.JwtBearer(consumerKey, user, keyFile)));
        }
        catch (IllegalArgumentException ex) {
            throw new ConnectFailedException(ex.getMessage() + ". Nothing was stored.");
        }
        catch (SalesforceAuthException ex) {
            throw new ConnectFailedException("Salesforce refused the JWT bearer token: " + ex.getMessage()
                    + ". Check the consumer key, the certificate on the connected app and that " + user
                    + " is pre-authorised. Nothing was stored.");
        }
        OrgIdentity identity = this.oauth.identity(tokens);
        StoredConnection stored = new StoredConnection(definition.name(), env, login, tokens.instanceUrl(),
                AuthGrant.JWT_BEARER, consumerKey, identity.username(), identity.userId(), identity.orgId(),
                this.storeKey ? null : keyFile.toString(), Instant.now());
        this.store.save(stored, new StoredSecrets(null, null, this.storeKey ? readKey(keyFile) : null));
        return stored;
    }

    private static String readKey(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new ConnectFailedException("cannot read the key file '" + file + "': " + ex.getMessage());
        }
    }

    private String required(String variable) {
        String value = this.variables.getProperty(variable);
        if (value == null || value.isBlank()) {
            throw new ConnectFailedException("set " + variable + " (the connected app's "
                    + (variable.endsWith("CLIENT_ID") ? "consumer key, or pass --client-id" : "consumer secret")
                    + ") before connecting");
        }
        return value;
    }

    private static SalesforceEnvironment environmentOf(String value) {
        return Arrays.stream(SalesforceEnvironment.values())
            .filter((candidate) -> YamlEnum.nameOf(candidate).equals(value))
            .findFirst()
            .orElseThrow(() -> new UserFacingException("unknown --environment '" + value
                    + "' (expected production, sandbox, my-domain or emulator)"));
    }

    private static Duration durationOf(String value) {
        try {
            Duration duration = DurationStyle.detectAndParse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return duration;
        }
        catch (IllegalArgumentException ex) {
            throw new UserFacingException("--timeout '" + value + "' is not a positive duration such as 90s or 5m");
        }
    }

}
