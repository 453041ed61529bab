package com.goodfit.sync.jobs;

import java.util.Locale;
import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.salesforce.ApiUsage;
import com.goodfit.sync.salesforce.CallKind;
import com.goodfit.sync.salesforce.SalesforceClients;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records in each step's execution context the API calls the step made, by kind ({@code api.query},
 * {@code api.collections}, ...), so the connector log can sum a run's calls across steps and restarts.
 */
final class ApiUsageRecorder implements StepExecutionListener {

    private final SalesforceClients clients;

    private @Nullable ApiUsage before;

    ApiUsageRecorder(SalesforceClients clients) {
        this.clients = clients;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.before = this.clients.usage();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        ApiUsage after = this.clients.usage();
        for (CallKind kind : CallKind.values()) {
            long used = after.calls(kind) - ((this.before != null) ? this.before.calls(kind) : 0);
            stepExecution.getExecutionContext().putLong(ConnectorLog.API_KEY_PREFIX + kind.name().toLowerCase(Locale.ROOT), used);
        }
        return stepExecution.getExitStatus();
    }

}
