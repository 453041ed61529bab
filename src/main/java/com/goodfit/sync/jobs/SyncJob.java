package com.goodfit.sync.jobs;

import com.goodfit.sync.salesforce.SalesforceClients;

import org.springframework.batch.core.job.Job;

/**
 * A built sync job and the org clients its steps use.
 *
 * @param job the Spring Batch job, named after the job definition
 * @param clients the org's clients, whose call counts cover this launch
 */
public record SyncJob(Job job, SalesforceClients clients) {

}
