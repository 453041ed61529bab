package com.goodfit.sync.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a process shuts down while sync jobs run in it.
 *
 * @param gracePeriod how long shutdown (SIGTERM) waits for running jobs to stop after their current chunk
 */
@ConfigurationProperties("goodfit.shutdown")
@Validated
public record ShutdownProperties(@DefaultValue("60s") Duration gracePeriod) {

}
