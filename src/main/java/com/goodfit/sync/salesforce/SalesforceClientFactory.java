package com.goodfit.sync.salesforce;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Connects to orgs: {@link #connect(OrgConnection)} returns the clients of one org, which share one token cache,
 * one usage counter and budget guard, and one in-flight limit. Thread-safe; one instance serves every org.
 */
public final class SalesforceClientFactory {

    private static final Log logger = LogFactory.getLog(SalesforceClientFactory.class);

    private final SalesforceProperties properties;

    private final Clock clock;

    private final HttpClient httpClient;

    public SalesforceClientFactory(SalesforceProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SalesforceClientFactory(SalesforceProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        // HTTP/1.1: no h2c upgrade attempt against the plain-http emulator; no redirects to unchecked hosts.
        this.httpClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /**
     * The clients of one org. Nothing is sent until the first call, which fetches the token.
     * @param connection where and how to reach the org
     * @return the org's clients, with fresh usage counts and describe cache (one per run)
     */
    public SalesforceClients connect(OrgConnection connection) {
        return connect(connection, this.properties.budget());
    }

    /**
     * The clients of one org, with a budget of its own (a job definition's {@code daily-calls-floor} and
     * {@code max-api-calls}).
     * @param connection where and how to reach the org
     * @param budget the API-call budget these clients keep to
     * @return the org's clients, with fresh usage counts and describe cache (one per run)
     */
    public SalesforceClients connect(OrgConnection connection, SalesforceProperties.Budget budget) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(this.httpClient);
        requestFactory.setReadTimeout(this.properties.readTimeout());
        ApiUsageCounter usage = new ApiUsageCounter();
        ApiBudgetGuard guard = new ApiBudgetGuard(usage, budget.floor(), budget.maxCallsPerRun());
        ApiUsageInterceptor usageInterceptor = new ApiUsageInterceptor(usage, guard,
                new Semaphore(this.properties.maxInFlight(), true));
        RestClient tokenClient = RestClient.builder()
            .requestFactory(requestFactory)
            .defaultStatusHandler(SalesforceErrorHandler.forTokenCalls(connection.grant().name()))
            .requestInterceptor(usageInterceptor)
            .build();
        SalesforceAuth auth = new SalesforceAuth(connection, tokenClient, this.clock);
        SalesforceErrorHandler errors = SalesforceErrorHandler.forDataCalls();
        // Token first: a token fetch must not wait for an in-flight slot held by the data call it serves.
        RestClient rest = RestClient.builder()
            .requestFactory(requestFactory)
            .defaultStatusHandler(errors)
            .requestInterceptor(new BearerTokenInterceptor(auth))
            .requestInterceptor(usageInterceptor)
            .build();
        SalesforceTransport transport = new SalesforceTransport(connection, rest, auth, errors,
                retryTemplate(SalesforceTransientException.class::isInstance),
                retryTemplate((ex) -> ex instanceof SalesforceTransientException answered && answered.status() != 0));
        return new SalesforceClients(connection, transport, usage, this.properties, this.clock);
    }

    private RetryTemplate retryTemplate(Predicate<Throwable> retryable) {
        SalesforceProperties.Retry retry = this.properties.retry();
        RetryPolicy policy = RetryPolicy.builder()
            .maxRetries(retry.maxRetries())
            .delay(retry.initialDelay())
            .multiplier(retry.multiplier())
            .maxDelay(retry.maxDelay())
            .jitter(retry.jitter())
            .timeout(retry.maxElapsed())
            // Never budget or session errors: a daily limit or a dead session does not pass by waiting.
            .predicate(retryable)
            .build();
        RetryTemplate template = new RetryTemplate(policy);
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
                Throwable last = state.getLastException();
                logger.info("Retrying Salesforce call (retry " + state.getRetryCount() + ") after: "
                        + ((last != null) ? last.getMessage() : "failure"));
            }
        });
        return template;
    }

}
