package com.goodfit.sync.salesforce;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Client-wide Salesforce settings, shared by every org connection; per-org settings live in {@link OrgConnection}.
 *
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout time allowed for a response to arrive
 * @param collectionsBatchSize records per sObject Collections call (Salesforce allows at most 200)
 * @param maxInFlight calls one org's clients may have in flight at once, across threads
 * @param retry backoff for transient failures
 * @param budget API-call budget guard
 * @param bulk Bulk API 2.0 upload and polling
 */
@ConfigurationProperties("goodfit.salesforce")
@Validated
public record SalesforceProperties(@DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("120s") @NotNull Duration readTimeout,
        @DefaultValue("200") @Min(1) @Max(200) int collectionsBatchSize,
        @DefaultValue("4") @Min(1) @Max(25) int maxInFlight, @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue @Valid @NotNull Budget budget, @DefaultValue @Valid @NotNull Bulk bulk) {

    /**
     * The defaults, as used outside a Spring context (tests, tools).
     * @return properties with every default
     */
    public static SalesforceProperties defaults() {
        return new SalesforceProperties(Duration.ofSeconds(10), Duration.ofSeconds(120), 200, 4, Retry.defaults(),
                new Budget(1000, 0), Bulk.defaults());
    }

    /**
     * Exponential backoff with jitter for transient failures.
     *
     * @param maxRetries retries after the first attempt
     * @param initialDelay delay before the first retry
     * @param multiplier growth of the delay per retry
     * @param maxDelay cap of one delay
     * @param jitter random extra delay of up to this much, so parallel callers spread out
     * @param maxElapsed total time after which no further retry starts
     */
    public record Retry(@DefaultValue("4") @Min(0) @Max(20) int maxRetries,
            @DefaultValue("500ms") @NotNull Duration initialDelay,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier, @DefaultValue("20s") @NotNull Duration maxDelay,
            @DefaultValue("250ms") @NotNull Duration jitter, @DefaultValue("2m") @NotNull Duration maxElapsed) {

        /**
         * The defaults.
         * @return retry settings with every default
         */
        public static Retry defaults() {
            return new Retry(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(20), Duration.ofMillis(250),
                    Duration.ofMinutes(2));
        }

    }

    /**
     * The API-call budget guard.
     *
     * @param floor daily API calls that must stay unused in the org; calls that would eat into them are refused
     * @param maxCallsPerRun API calls one set of org clients (one run) may make, 0 for no limit
     */
    public record Budget(@DefaultValue("1000") @Min(0) long floor, @DefaultValue("0") @Min(0) long maxCallsPerRun) {
    }

    /**
     * Bulk API 2.0 settings.
     *
     * @param maxUploadSize largest CSV upload per job; Salesforce allows 150 MB after base64, about 100 MB raw
     * @param pollInitialDelay first wait when polling a job
     * @param pollMaxDelay longest wait between two polls
     * @param pollTimeout time after which waiting for a job gives up
     */
    public record Bulk(@DefaultValue("100MB") @NotNull DataSize maxUploadSize,
            @DefaultValue("1s") @NotNull Duration pollInitialDelay, @DefaultValue("30s") @NotNull Duration pollMaxDelay,
            @DefaultValue("30m") @NotNull Duration pollTimeout) {

        /**
         * The defaults.
         * @return bulk settings with every default
         */
        public static Bulk defaults() {
            return new Bulk(DataSize.ofMegabytes(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                    Duration.ofMinutes(30));
        }

    }

}
