package com.goodfit.sync.connect;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.goodfit.sync.salesforce.OAuthFlowClient;
import com.goodfit.sync.salesforce.OrgIdentity;
import com.goodfit.sync.salesforce.SalesforceAuthException;
import com.goodfit.sync.salesforce.TokenResponse;

/**
 * The OAuth 2.0 web-server flow with PKCE (S256): prints the authorisation URL, waits on the loopback callback,
 * checks {@code state}, exchanges the code and reads who approved. Each way it can end badly (timeout, denial,
 * wrong state, failed exchange, no refresh token) is a {@link ConnectFailedException}.
 */
final class WebServerFlow {

    private final OAuthFlowClient client;

    WebServerFlow(OAuthFlowClient client) {
        this.client = client;
    }

    Authorised run(URI loginUrl, String clientId, String clientSecret, int callbackPort, Duration timeout,
            PrintWriter out) {
        Pkce pkce = Pkce.create();
        try (CallbackListener listener = CallbackListener.start(callbackPort)) {
            URI redirectUri = listener.redirectUri();
            URI authorize = this.client.authorizationUrl(loginUrl, clientId, redirectUri, pkce.state(),
                    pkce.challenge());
            out.println("Open this URL in a browser on this machine and approve access:");
            out.println();
            out.println("  " + authorize);
            out.println();
            out.println("Waiting up to " + timeout.toSeconds() + "s for the callback on " + redirectUri
                    + " (it must be one of the connected app's callback URLs) ...");
            out.flush();
            CallbackListener.Callback callback = await(listener, timeout);
            if (callback.error() != null) {
                throw new ConnectFailedException("Salesforce answered " + callback.error()
                        + ((callback.errorDescription() != null) ? " (" + callback.errorDescription() + ")" : "")
                        + ("access_denied".equals(callback.error()) ? ": access was denied in the browser" : "")
                        + ". Nothing was stored.");
            }
            if (callback.state() == null || !pkce.stateMatches(callback.state())) {
                throw new ConnectFailedException("the callback's state does not match this connect attempt (an old "
                        + "browser tab, or a forged request); its code was not used. Nothing was stored.");
            }
            TokenResponse tokens = exchange(loginUrl, clientId, clientSecret, callback.code(), redirectUri, pkce);
            if (tokens.refreshToken() == null) {
                throw new ConnectFailedException("Salesforce issued no refresh token: give the connected app the "
                        + "scope 'Perform requests at any time (refresh_token, offline_access)'. Nothing was stored.");
            }
            OrgIdentity identity = this.client.identity(tokens);
            return new Authorised(tokens, identity);
        }
    }

    private static CallbackListener.Callback await(CallbackListener listener, Duration timeout) {
        try {
            return listener.await(timeout);
        }
        catch (TimeoutException ex) {
            throw new ConnectFailedException("no callback from the browser within " + timeout.toSeconds() + "s "
                    + "(raise --timeout, or check the callback URL on the connected app). Nothing was stored.");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ConnectFailedException("interrupted while waiting for the callback. Nothing was stored.");
        }
    }

    private TokenResponse exchange(URI loginUrl, String clientId, String clientSecret, String code, URI redirectUri,
            Pkce pkce) {
        try {
            return this.client.exchangeCode(loginUrl, clientId, clientSecret, code, redirectUri, pkce.verifier());
        }
        catch (SalesforceAuthException ex) {
            throw new ConnectFailedException("exchanging the authorisation code failed: " + ex.getMessage()
                    + ". Nothing was stored.");
        }
    }

    /**
     * A finished flow.
     *
     * @param tokens the tokens, with a refresh token
     * @param identity who approved
     */
    record Authorised(TokenResponse tokens, OrgIdentity identity) {
    }

}
