package com.goodfit.sync.admin;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code serve}: the admin API and the scheduler.
 *
 * @param token the admin API's bearer token; set it with the environment variable {@code GOODFIT_ADMIN_TOKEN}
 * (never in a file). {@code serve} refuses to start without one
 * @param jobsDir the folder of job definitions that {@code serve} schedules and the API can launch
 * @param timeZone the time zone the jobs' cron schedules are read in
 * @param retries how many times a failed scheduled run is restarted automatically
 * @param retryBackoff the wait before the first automatic restart; it doubles for each further one
 */
@ConfigurationProperties("goodfit.admin")
@Validated
public record AdminProperties(@Nullable String token, @DefaultValue("jobs") Path jobsDir,
        @DefaultValue("UTC") ZoneId timeZone, @DefaultValue("2") @Min(0) int retries,
        @DefaultValue("1m") Duration retryBackoff) {

}
