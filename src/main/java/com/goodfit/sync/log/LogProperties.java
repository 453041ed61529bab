package com.goodfit.sync.log;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the connector log keeps per-record rows.
 *
 * @param retention per-record outcomes and errors, and the Bulk job rows, of runs that ended longer ago than this
 * are deleted by {@code prune-log} and by {@code serve} once a day; the job repository's rows (status, counts) stay
 */
@ConfigurationProperties("goodfit.log")
@Validated
public record LogProperties(@DefaultValue("30d") Duration retention) {

}
