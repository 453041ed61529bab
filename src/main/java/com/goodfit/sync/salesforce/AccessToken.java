package com.goodfit.sync.salesforce;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * An access token and the instance it is valid for; {@code toString()} masks the token.
 *
 * @param value the bearer token
 * @param instanceUrl the org's instance, where data calls go
 */
record AccessToken(String value, URI instanceUrl) {

    AccessToken {
        Assert.hasText(value, "access token must not be empty");
        TransportSecurity.requireSecure(instanceUrl, "Salesforce instance_url");
    }

    String instanceBase() {
        String url = this.instanceUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "AccessToken[value=****, instanceUrl=" + this.instanceUrl + "]";
    }

}
