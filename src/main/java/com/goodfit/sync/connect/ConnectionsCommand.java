package com.goodfit.sync.connect;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.goodfit.sync.admin.CliCommand;
import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.mapping.YamlEnum;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code connections}: lists stored connections without their secrets (no key needed).
 */
@Component
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "List stored org connections (environment, instance URL, user, connected at), without secrets.")
class ConnectionsCommand implements CliCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    private final ConnectionStore store;

    @Spec
    private CommandSpec spec;

    ConnectionsCommand(ConnectionStore store) {
        this.store = store;
    }

    @Override
    public Integer call() {
        PrintWriter out = this.spec.commandLine().getOut();
        List<StoredConnection> connections = this.store.list();
        if (connections.isEmpty()) {
            out.println("No stored connections. Connect a job with 'goodfit-sync connect <job>'.");
            return ExitCodes.OK;
        }
        String format = "%-28s %-11s %-14s %-45s %-32s %s%n";
        out.printf(format, "JOB", "ENVIRONMENT", "AUTH", "INSTANCE URL", "USER", "CONNECTED AT");
        for (StoredConnection connection : connections) {
            out.printf(format, connection.jobName(), YamlEnum.nameOf(connection.environment()),
                    YamlEnum.nameOf(connection.auth()), connection.instanceUrl(), connection.username(),
                    TIME.format(connection.connectedAt()));
        }
        return ExitCodes.OK;
    }

}
