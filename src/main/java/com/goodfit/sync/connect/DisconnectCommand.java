package com.goodfit.sync.connect;

import java.io.PrintWriter;

import com.goodfit.sync.admin.CliCommand;
import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;
import com.goodfit.sync.mapping.AuthGrant;
import com.goodfit.sync.salesforce.OAuthFlowClient;
import com.goodfit.sync.salesforce.SalesforceException;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code disconnect <job>}: revokes the stored refresh token at Salesforce, then deletes the connection. If the
 * revocation fails the connection is kept, unless {@code --force}.
 */
@Component
@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = "Revoke a job's stored connection at Salesforce and delete it.")
class DisconnectCommand implements CliCommand {

    private final ConnectionStore store;

    private final OAuthFlowClient oauth;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "The job's name.")
    private String job;

    @Option(names = "--force", defaultValue = "false", description = "Delete the stored connection even if it cannot be revoked "
            + "(then revoke it in Salesforce Setup > Connected Apps OAuth Usage).")
    private boolean force;

    DisconnectCommand(ConnectionStore store, OAuthFlowClient oauth) {
        this.store = store;
        this.oauth = oauth;
    }

    @Override
    public Integer call() {
        String name = this.job.endsWith(".yml") ? java.nio.file.Path.of(this.job).getFileName().toString()
            .replaceFirst("\\.yml$", "") : this.job;
        StoredConnection connection = this.store.find(name)
            .orElseThrow(() -> new UserFacingException("job '" + name + "' has no stored connection "
                    + "('goodfit-sync connections' lists them)"));
        PrintWriter out = this.spec.commandLine().getOut();
        String revoked;
        try {
            revoked = revoke(connection);
        }
        catch (UserFacingException | SalesforceException ex) {
            if (!this.force) {
                throw new UserFacingException("could not revoke the connection of job '" + name + "': "
                        + ex.getMessage() + ". It is still stored; retry, or use --force to delete it anyway",
                        (ex instanceof UserFacingException userFacing) ? userFacing.exitCode() : ExitCodes.UNAVAILABLE,
                        ex);
            }
            revoked = "NOT revoked (" + ex.getMessage() + "): revoke it in Setup > Connected Apps OAuth Usage";
        }
        this.store.delete(name);
        out.println("Disconnected job '" + name + "': " + revoked + "; stored connection deleted.");
        return ExitCodes.OK;
    }

    private String revoke(StoredConnection connection) {
        if (connection.auth() == AuthGrant.JWT_BEARER) {
            // The JWT bearer flow issues no refresh token: access ends when the certificate or pre-authorisation goes.
            return "nothing to revoke for a JWT bearer connection (remove the certificate or the user's "
                    + "pre-authorisation on the connected app to end access)";
        }
        StoredSecrets secrets = this.store.secrets(connection);
        if (secrets.refreshToken() == null) {
            return "no refresh token was stored";
        }
        try {
            this.oauth.revoke(connection.loginUrl(), secrets.refreshToken());
            return "refresh token revoked at " + connection.loginUrl();
        }
        catch (SalesforceException ex) {
            if ("invalid_token".equals(ex.errorCode())) {
                return "the refresh token was already invalid at Salesforce";
            }
            throw ex;
        }
    }

}
