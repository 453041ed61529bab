package com.goodfit.sync;

import com.goodfit.sync.admin.StartupFailure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
