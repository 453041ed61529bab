package com.goodfit.sync.connect;

import java.net.URI;

import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.mapping.YamlEnum;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * The login host of an environment: production and sandbox have fixed hosts (the authorisation URLs differ), a My
 * Domain or the emulator takes a URL from {@code --login-url}, the job definition or {@code GOODFIT_EMULATOR_URL}.
 */
final class LoginHosts {

    private LoginHosts() {
    }

    static URI of(SalesforceEnvironment environment, @Nullable URI loginUrl, JobDefinition job,
            Environment variables) {
        switch (environment) {
            case PRODUCTION, SANDBOX -> {
                if (loginUrl != null) {
                    throw new ConnectFailedException("--login-url is only for --environment my-domain or emulator; "
                            + YamlEnum.nameOf(environment) + " logs in at "
                            + ((environment == SalesforceEnvironment.PRODUCTION) ? "https://login.salesforce.com"
                                    : "https://test.salesforce.com"));
                }
                return (environment == SalesforceEnvironment.PRODUCTION) ? URI.create("https://login.salesforce.com")
                        : URI.create("https://test.salesforce.com");
            }
            case MY_DOMAIN -> {
                URI url = (loginUrl != null) ? loginUrl : job.salesforce().loginUrl();
                if (url == null || !"https".equals(url.getScheme()) || url.getHost() == null) {
                    throw new ConnectFailedException("environment my-domain needs an https --login-url such as "
                            + "https://acme.my.salesforce.com (or login-url in the job definition)");
                }
                return url;
            }
            default -> {
                String fromEnvironment = variables.getProperty("GOODFIT_EMULATOR_URL");
                URI url = (loginUrl != null) ? loginUrl : (fromEnvironment != null) ? URI.create(fromEnvironment) : null;
                if (url == null) {
                    throw new ConnectFailedException("environment emulator needs --login-url (the URL 'goodfit-sync "
                            + "emulator' prints) or GOODFIT_EMULATOR_URL");
                }
                return url;
            }
        }
    }

}
