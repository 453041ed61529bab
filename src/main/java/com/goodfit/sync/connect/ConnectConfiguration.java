package com.goodfit.sync.connect;

import com.goodfit.sync.salesforce.OAuthFlowClient;
import com.goodfit.sync.salesforce.SalesforceProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link OAuthFlowClient} the connect commands use, with the client-wide timeouts.
 */
@Configuration(proxyBeanMethods = false)
class ConnectConfiguration {

    @Bean
    OAuthFlowClient oAuthFlowClient(SalesforceProperties properties) {
        return new OAuthFlowClient(properties);
    }

}
