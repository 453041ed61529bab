package com.goodfit.sync.salesforce;

import java.net.URI;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Where and how to reach one Salesforce org: the login host (production, sandbox, a My Domain URL or the local
 * emulator), the REST API version and the OAuth grant. Data calls go to the {@code instance_url} that the token
 * response names.
 *
 * @param loginUrl the host token requests are posted to, e.g. {@link #PRODUCTION}; https, or http to loopback only
 * @param apiVersion the REST API version, e.g. {@code "62.0"}
 * @param grant how tokens are obtained
 */
public record OrgConnection(URI loginUrl, String apiVersion, OAuthGrant grant) {

    /** Production login host. */
    public static final URI PRODUCTION = URI.create("https://login.salesforce.com");

    /** Sandbox login host. */
    public static final URI SANDBOX = URI.create("https://test.salesforce.com");

    public OrgConnection {
        Assert.notNull(loginUrl, "loginUrl must not be null");
        Assert.notNull(grant, "grant must not be null");
        Assert.isTrue(apiVersion != null && apiVersion.matches("\\d{2,3}\\.\\d"),
                () -> "apiVersion '%s' must look like 62.0".formatted(apiVersion));
        TransportSecurity.requireSecure(loginUrl, "Salesforce login URL");
        String path = loginUrl.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException(
                    "Salesforce login URL '%s' must be a bare host, without a path".formatted(loginUrl));
        }
        if (grant instanceof OAuthGrant.ClientCredentials && isLoginOrTestHost(loginUrl)) {
            throw new IllegalArgumentException(
                    "The client-credentials grant must be posted to the org's My Domain URL, not '%s'"
                        .formatted(loginUrl));
        }
    }

    /**
     * A production org, logging in at {@code login.salesforce.com}.
     * @param apiVersion e.g. {@code "62.0"}
     * @param grant how tokens are obtained
     * @return the connection
     */
    public static OrgConnection production(String apiVersion, OAuthGrant grant) {
        return new OrgConnection(PRODUCTION, apiVersion, grant);
    }

    /**
     * A sandbox org, logging in at {@code test.salesforce.com}.
     * @param apiVersion e.g. {@code "62.0"}
     * @param grant how tokens are obtained
     * @return the connection
     */
    public static OrgConnection sandbox(String apiVersion, OAuthGrant grant) {
        return new OrgConnection(SANDBOX, apiVersion, grant);
    }

    /**
     * An org logging in at its My Domain, e.g. {@code https://acme.my.salesforce.com} (required for the
     * client-credentials grant).
     * @param myDomain the https My Domain URL
     * @param apiVersion e.g. {@code "62.0"}
     * @param grant how tokens are obtained
     * @return the connection
     */
    public static OrgConnection myDomain(URI myDomain, String apiVersion, OAuthGrant grant) {
        Assert.isTrue("https".equalsIgnoreCase(myDomain.getScheme()),
                () -> "My Domain URL '%s' must use https://".formatted(myDomain));
        return new OrgConnection(myDomain, apiVersion, grant);
    }

    /**
     * The local org emulator, which must run on a loopback address.
     * @param url the emulator's URL, e.g. {@code http://127.0.0.1:8089}
     * @param apiVersion e.g. {@code "62.0"}
     * @param grant how tokens are obtained
     * @return the connection
     */
    public static OrgConnection emulator(URI url, String apiVersion, OAuthGrant grant) {
        Assert.isTrue(url.getHost() != null && TransportSecurity.isLoopback(url.getHost()),
                () -> "Emulator URL '%s' must be a loopback address".formatted(url));
        return new OrgConnection(url, apiVersion, grant);
    }

    /**
     * The {@code aud} claim of a JWT bearer assertion: the grant's own value if set, else
     * {@code https://test.salesforce.com} for sandbox hosts (including sandbox My Domains),
     * the login URL itself for a loopback emulator, and {@code https://login.salesforce.com} otherwise (the audience
     * stays login/test even when the token is requested from a My Domain host).
     * @return the audience
     */
    public String jwtAudience() {
        if (this.grant instanceof OAuthGrant.JwtBearer jwt && jwt.audience() != null) {
            return jwt.audience();
        }
        String host = this.loginUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")) {
            return SANDBOX.toString();
        }
        if (TransportSecurity.isLoopback(host)) {
            return tokenBase();
        }
        return PRODUCTION.toString();
    }

    String tokenBase() {
        String url = this.loginUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean isLoginOrTestHost(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("login.salesforce.com") || host.equals("test.salesforce.com");
    }

}
