package com.goodfit.sync.salesforce;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforcePropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(Config.class, SalesforceConfiguration.class);

    @Test
    void bindsDefaultsMatchingDefaultsFactory() {
        this.runner.run((context) -> {
            SalesforceProperties properties = context.getBean(SalesforceProperties.class);
            assertThat(properties).isEqualTo(SalesforceProperties.defaults());
            assertThat(properties.bulk().maxUploadSize()).isEqualTo(DataSize.ofMegabytes(100));
            assertThat(context).hasSingleBean(SalesforceClientFactory.class);
        });
    }

    @Test
    void bindsOverrides() {
        this.runner
            .withPropertyValues("goodfit.salesforce.read-timeout=5s", "goodfit.salesforce.retry.max-retries=2",
                    "goodfit.salesforce.budget.floor=50", "goodfit.salesforce.collections-batch-size=100")
            .run((context) -> {
                SalesforceProperties properties = context.getBean(SalesforceProperties.class);
                assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(5));
                assertThat(properties.retry().maxRetries()).isEqualTo(2);
                assertThat(properties.budget().floor()).isEqualTo(50);
                assertThat(properties.collectionsBatchSize()).isEqualTo(100);
            });
    }

    @Test
    void refusesBatchSizeAboveSalesforceLimit() {
        this.runner.withPropertyValues("goodfit.salesforce.collections-batch-size=201")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("collectionsBatchSize"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SalesforceProperties.class)
    static class Config {

    }

}
