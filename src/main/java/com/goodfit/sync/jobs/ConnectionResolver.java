package com.goodfit.sync.jobs;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.connect.StoredOrgConnections;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.JobDefinitionException;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.mapping.SalesforceSettings;
import com.goodfit.sync.mapping.YamlEnum;
import com.goodfit.sync.salesforce.OAuthGrant;
import com.goodfit.sync.salesforce.OrgConnection;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns a job's {@code salesforce} section into an {@link OrgConnection}. Precedence: an emulator this process started
 * itself (demo, benchmarks) serves {@code environment: emulator} jobs, so a demo never reaches a stored org; then the
 * connection that {@code connect} stored for the job (encrypted in {@code sf_connection}); then environment variables
 * named after the job ({@code GOODFIT_<JOB>_CLIENT_SECRET} and so on). A missing variable is named in the error; a
 * secret's value never is.
 */
@Component
public class ConnectionResolver {

    private final Environment environment;

    private final LocalOrgs localOrgs;

    private final StoredOrgConnections stored;

    ConnectionResolver(Environment environment, LocalOrgs localOrgs, StoredOrgConnections stored) {
        this.environment = environment;
        this.localOrgs = localOrgs;
        this.stored = stored;
    }

    public OrgConnection resolve(JobDefinition job) {
        SalesforceSettings settings = job.salesforce();
        var local = this.localOrgs.current();
        if (settings.environment() == SalesforceEnvironment.EMULATOR && local.isPresent()) {
            return new OrgConnection(local.get().url(), settings.apiVersion(), local.get().grant());
        }
        var connected = this.stored.resolve(job.name(), settings.apiVersion());
        if (connected.isPresent()) {
            return connected.get();
        }
        return switch (settings.environment()) {
            case EMULATOR -> emulator(job);
            case PRODUCTION -> new OrgConnection(OrgConnection.PRODUCTION, settings.apiVersion(), grant(job));
            case SANDBOX -> new OrgConnection(OrgConnection.SANDBOX, settings.apiVersion(), grant(job));
            case MY_DOMAIN -> new OrgConnection(settings.loginUrl(), settings.apiVersion(), grant(job));
        };
    }

    private OrgConnection emulator(JobDefinition job) {
        String url = this.environment.getProperty("GOODFIT_EMULATOR_URL");
        if (url == null) {
            throw new JobDefinitionException(List.of(job.file() + ": environment emulator needs a running emulator: "
                    + "start one with 'goodfit-sync emulator --port 8443' and set GOODFIT_EMULATOR_URL (plus the "
                    + "credentials it prints), or run 'goodfit-sync demo'"));
        }
        return new OrgConnection(URI.create(url), job.salesforce().apiVersion(), grant(job));
    }

    private OAuthGrant grant(JobDefinition job) {
        String prefix = job.salesforce().credentialsEnvPrefix();
        List<String> missing = new ArrayList<>();
        String clientId = secret(prefix + "CLIENT_ID", missing);
        OAuthGrant grant = switch (job.salesforce().auth()) {
            case REFRESH_TOKEN -> new OAuthGrant.RefreshToken(clientId, secret(prefix + "CLIENT_SECRET", missing),
                    secret(prefix + "REFRESH_TOKEN", missing));
            case CLIENT_CREDENTIALS -> new OAuthGrant.ClientCredentials(clientId,
                    secret(prefix + "CLIENT_SECRET", missing));
            case JWT_BEARER -> new OAuthGrant.JwtBearer(clientId, job.salesforce().username(),
                    Path.of(secret(prefix + "JWT_KEY_FILE", missing)));
        };
        if (!missing.isEmpty()) {
            throw new JobDefinitionException(List.of(job.file() + ": auth " + YamlEnum.nameOf(job.salesforce().auth()) + " needs the environment variable(s) " + String.join(", ", missing)
                    + ", which are not set"));
        }
        return grant;
    }

    private String secret(String name, List<String> missing) {
        String value = this.environment.getProperty(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return "unset";
        }
        return value;
    }

}
