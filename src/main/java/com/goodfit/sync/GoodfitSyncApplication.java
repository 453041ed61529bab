package com.goodfit.sync;

import java.util.Map;

import com.goodfit.sync.admin.StartupFailure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Entry point: starts the Spring context and hands the command line to picocli.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GoodfitSyncApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GoodfitSyncApplication.class);
        // Options belong to picocli; "--companies=5" must not become a Spring property.
        application.setAddCommandLineProperties(false);
        // Only 'serve' runs the web server (admin API, Actuator); every other command is a plain CLI process.
        // application.yml says none; this property source outranks it (a setter would be overridden by the file).
        if (args.length > 0 && "serve".equals(args[0])) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources()
                .addFirst(new MapPropertySource("serve", Map.of("spring.main.web-application-type", "servlet")));
            application.setEnvironment(environment);
        }
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application.run(args));
        }
        catch (RuntimeException ex) {
            exitCode = StartupFailure.of(ex).report(System.err);
        }
        System.exit(exitCode);
    }

}
