package com.goodfit.sync.salesforce;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link SalesforceClientFactory} built from {@link SalesforceProperties}.
 */
@Configuration(proxyBeanMethods = false)
class SalesforceConfiguration {

    @Bean
    SalesforceClientFactory salesforceClientFactory(SalesforceProperties properties) {
        return new SalesforceClientFactory(properties);
    }

}
