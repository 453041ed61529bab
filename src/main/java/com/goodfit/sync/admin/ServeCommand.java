package com.goodfit.sync.admin;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the long-running mode. Runs the job definitions of the jobs folder on their schedules and serves the
 * admin HTTP API and Actuator until the process is told to stop (SIGTERM), when running jobs stop cleanly.
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run scheduled syncs and the admin HTTP API until stopped (SIGTERM stops jobs cleanly).")
class ServeCommand implements CliCommand {

    private final ApplicationContext context;

    private final SyncScheduler scheduler;

    private final AdminProperties properties;

    private final ContextClosedSignal closed;

    @Spec
    private CommandSpec spec;

    ServeCommand(ApplicationContext context, SyncScheduler scheduler, AdminProperties properties,
            ContextClosedSignal closed) {
        this.context = context;
        this.scheduler = scheduler;
        this.properties = properties;
        this.closed = closed;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(this.context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            throw new UserFacingException("'serve' must be the command the application is started with "
                    + "(java -jar goodfit-sync.jar serve), so that it starts the web server");
        }
        PrintWriter out = this.spec.commandLine().getOut();
        List<String> scheduled = this.scheduler.schedule();
        out.printf("goodfit-sync serving the admin API on port %d (bearer token from GOODFIT_ADMIN_TOKEN)%n",
                web.getWebServer().getPort());
        out.printf("Jobs folder %s, schedules in %s: %s%n", this.properties.jobsDir().toAbsolutePath(),
                this.properties.timeZone(), scheduled.isEmpty() ? "none" : String.join(", ", scheduled));
        out.flush();
        // Boot declares readiness after the command-line runners return, which serve never does until shutdown.
        AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
        this.closed.await();
        return ExitCodes.OK;
    }

}
