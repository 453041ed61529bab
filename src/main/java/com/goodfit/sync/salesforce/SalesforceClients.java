package com.goodfit.sync.salesforce;

import java.time.Clock;

/**
 * The clients of one org, from {@link SalesforceClientFactory#connect(OrgConnection)}: they share one access token,
 * one usage counter with its budget guard, and one describe cache, so one instance belongs to one run. Thread-safe.
 */
public final class SalesforceClients {

    private final OrgConnection connection;

    private final ApiUsageCounter usage;

    private final QueryClient query;

    private final DescribeClient describe;

    private final CollectionsClient collections;

    private final BulkIngestClient bulkIngest;

    private final BulkQueryClient bulkQuery;

    private final ToolingClient tooling;

    private final LimitsClient limits;

    private final IdentityClient identity;

    SalesforceClients(OrgConnection connection, SalesforceTransport transport, ApiUsageCounter usage,
            SalesforceProperties properties, Clock clock) {
        this.connection = connection;
        this.usage = usage;
        this.query = new QueryClient(transport);
        this.describe = new DescribeClient(transport);
        this.collections = new CollectionsClient(transport, properties.collectionsBatchSize());
        BulkJobPoller poller = new BulkJobPoller(properties.bulk(), clock);
        this.bulkIngest = new BulkIngestClient(transport, poller, properties.bulk().maxUploadSize().toBytes());
        this.bulkQuery = new BulkQueryClient(transport, poller);
        this.tooling = new ToolingClient(transport);
        this.limits = new LimitsClient(transport);
        this.identity = new IdentityClient(transport);
    }

    /** The connection these clients were made for. */
    public OrgConnection connection() {
        return this.connection;
    }

    /** SOQL query and queryAll. */
    public QueryClient query() {
        return this.query;
    }

    /** API versions and sObject describe (cached). */
    public DescribeClient describe() {
        return this.describe;
    }

    /** sObject Collections create, update and upsert. */
    public CollectionsClient collections() {
        return this.collections;
    }

    /** Bulk API 2.0 ingest jobs. */
    public BulkIngestClient bulkIngest() {
        return this.bulkIngest;
    }

    /** Bulk API 2.0 query jobs. */
    public BulkQueryClient bulkQuery() {
        return this.bulkQuery;
    }

    /** Tooling API: custom fields. */
    public ToolingClient tooling() {
        return this.tooling;
    }

    /** The org's {@code /limits}. */
    public LimitsClient limits() {
        return this.limits;
    }

    /** Who the token acts as. */
    public IdentityClient identity() {
        return this.identity;
    }

    /**
     * The calls these clients have made so far, by kind, and the org's latest reported daily usage.
     * @return a snapshot
     */
    public ApiUsage usage() {
        return this.usage.snapshot();
    }

}
