package com.goodfit.sync;

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
        System.exit(SpringApplication.exit(application.run(args)));
    }

}
