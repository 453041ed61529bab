package com.goodfit.sync.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.matching.InListBatches;
import com.goodfit.sync.matching.IndexStrategy;
import com.goodfit.sync.matching.RecordIndexer;
import com.goodfit.sync.salesforce.QueryClient;
import com.goodfit.sync.source.SourceContacts;
import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The contacts index step's work: counts the org's Contacts and the run's source contacts, picks the cheaper of a
 * full snapshot and lookups by email (and by linked Id), logs the choice and records it in the step's execution
 * context ({@code indexStrategy}) for the run summary.
 */
final class ContactIndexing {

    /** Execution-context key of the strategy's description. */
    static final String STRATEGY_KEY = ConnectorLog.INDEX_STRATEGY_KEY;

    private static final Logger logger = LoggerFactory.getLogger(ContactIndexing.class);

    private final RecordIndexer indexer;

    private final SourceContacts sourceContacts;

    ContactIndexing(RecordIndexer indexer, SourceContacts sourceContacts) {
        this.indexer = indexer;
        this.sourceContacts = sourceContacts;
    }

    /**
     * @param run the launch
     * @param options its selection
     * @param normaliser the email normaliser
     * @param context the step's execution context, which gets the strategy
     * @return how many Contacts the index holds
     */
    long refresh(SyncRun run, LaunchOptions options, Function<@Nullable String, Optional<String>> normaliser,
            ExecutionContext context) {
        String jobName = run.definition().name();
        QueryClient query = run.clients().query();
        long orgContacts = RecordIndexer.count(query, SourceObject.CONTACT);
        SourceContacts.Counts source = this.sourceContacts.count(jobName, options.selection(),
                options.selectionParameters());
        IndexStrategy strategy = IndexStrategy.choose(orgContacts, source.total(), source.linked());
        logger.info("Contacts index of job '{}': {}", jobName, strategy.describe());
        context.putString(STRATEGY_KEY, strategy.describe());
        List<String> fields = run.indexedFields(SourceObject.CONTACT);
        String keyField = run.keyField(SourceObject.CONTACT);
        if (strategy.kind() == IndexStrategy.Kind.SNAPSHOT) {
            IndexApi api = IndexApi.choose(run.definition().apply(), () -> orgContacts);
            logger.info("Contacts index of job '{}': {}", jobName, api.reason());
            context.putString(ConnectorLog.API_CHOICE_KEY, api.reason());
            if (api.bulk()) {
                return this.indexer.refreshByBulkQuery(jobName, SourceObject.CONTACT, run.clients().bulkQuery(),
                        fields, keyField, normaliser);
            }
            return this.indexer.refresh(jobName, SourceObject.CONTACT, query, fields, keyField, normaliser);
        }
        return this.indexer.lookup(jobName, SourceObject.CONTACT, query, fields, keyField, normaliser,
                conditions(jobName, keyField, options, normaliser));
    }

    private List<String> conditions(String jobName, String keyField, LaunchOptions options,
            Function<@Nullable String, Optional<String>> normaliser) {
        InListBatches byEmail = new InListBatches(keyField);
        Set<String> emails = new HashSet<>();
        this.sourceContacts.forEachEmail(jobName, options.selection(), options.selectionParameters(),
                raw -> normaliser.apply(raw).filter(emails::add).ifPresent(byEmail::add));
        InListBatches byId = new InListBatches("Id");
        Set<String> ids = new HashSet<>();
        this.sourceContacts.forEachLinkedId(jobName, options.selection(), options.selectionParameters(),
                id -> {
                    if (ids.add(id)) {
                        byId.add(id);
                    }
                });
        List<String> conditions = new ArrayList<>(byEmail.conditions());
        conditions.addAll(byId.conditions());
        return conditions;
    }

}
