package com.goodfit.sync.salesforce;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Puts the org's current access token on every data call.
 */
final class BearerTokenInterceptor implements ClientHttpRequestInterceptor {

    private final SalesforceAuth auth;

    BearerTokenInterceptor(SalesforceAuth auth) {
        this.auth = auth;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        request.getHeaders().setBearerAuth(this.auth.current().value());
        return execution.execute(request, body);
    }

}
