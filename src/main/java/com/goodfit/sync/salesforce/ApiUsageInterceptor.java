package com.goodfit.sync.salesforce;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sees every HTTP call of one org: asks the budget guard first (token calls excepted), bounds the calls in flight,
 * counts the call by kind and records the org's {@code Sforce-Limit-Info} usage from the response.
 */
final class ApiUsageInterceptor implements ClientHttpRequestInterceptor {

    static final String LIMIT_INFO = "Sforce-Limit-Info";

    private final ApiUsageCounter usage;

    private final ApiBudgetGuard guard;

    private final Semaphore inFlight;

    ApiUsageInterceptor(ApiUsageCounter usage, ApiBudgetGuard guard, Semaphore inFlight) {
        this.usage = usage;
        this.guard = guard;
        this.inFlight = inFlight;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        CallKind kind = CallKind.of(request.getURI());
        if (kind != CallKind.AUTH) {
            this.guard.checkBeforeCall();
        }
        try {
            this.inFlight.acquire();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a free Salesforce connection slot");
        }
        try {
            this.usage.count(kind);
            ClientHttpResponse response = execution.execute(request, body);
            this.usage.recordLimitInfo(response.getHeaders().getFirst(LIMIT_INFO));
            return response;
        }
        finally {
            this.inFlight.release();
        }
    }

}
