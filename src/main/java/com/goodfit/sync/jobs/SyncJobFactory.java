package com.goodfit.sync.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.goodfit.sync.apply.ApplyTarget;
import com.goodfit.sync.apply.BulkApply;
import com.goodfit.sync.apply.BulkApplyTasklet;
import com.goodfit.sync.apply.CollectionsItemWriter;
import com.goodfit.sync.apply.OutcomeRecorder;
import com.goodfit.sync.apply.PendingPlanReaderFactory;
import com.goodfit.sync.apply.PendingWrite;
import com.goodfit.sync.domain.EmailNormaliser;
import com.goodfit.sync.domain.RootDomain;
import com.goodfit.sync.domain.WebsiteNormaliser;
import com.goodfit.sync.mapping.AccountMode;
import com.goodfit.sync.mapping.ContactMode;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.MappingValidator;
import com.goodfit.sync.matching.KeyClaims;
import com.goodfit.sync.matching.KeyClaimsRepository;
import com.goodfit.sync.matching.MatchReasons;
import com.goodfit.sync.matching.MatchResolver;
import com.goodfit.sync.matching.RecordIndex;
import com.goodfit.sync.matching.RecordIndexRepository;
import com.goodfit.sync.matching.RecordIndexer;
import com.goodfit.sync.plan.ApplyFieldStrategiesProcessor;
import com.goodfit.sync.plan.ApplySyncModeProcessor;
import com.goodfit.sync.plan.AssociateAccountProcessor;
import com.goodfit.sync.plan.DecideChangesItemWriter;
import com.goodfit.sync.plan.DropNoOpsProcessor;
import com.goodfit.sync.plan.KeyedRecord;
import com.goodfit.sync.plan.ExternalIds;
import com.goodfit.sync.plan.NormaliseMatchKeyProcessor;
import com.goodfit.sync.plan.PlanRows;
import com.goodfit.sync.plan.PlannedWrite;
import com.goodfit.sync.plan.PreValidateProcessor;
import com.goodfit.sync.plan.ResolveMatchProcessor;
import com.goodfit.sync.salesforce.SalesforceClientFactory;
import com.goodfit.sync.salesforce.SalesforceClients;
import com.goodfit.sync.salesforce.SalesforceProperties;
import com.goodfit.sync.salesforce.SObjectDescribe;
import com.goodfit.sync.source.FieldDirectoryRepository;
import com.goodfit.sync.source.SourceContacts;
import com.goodfit.sync.source.SourceObject;
import com.goodfit.sync.source.SourceReaderFactory;
import com.goodfit.sync.log.ConnectorLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the Spring Batch job for one job definition: validate the mappings against the org, then index → plan →
 * apply for Accounts, then the same steps for Contacts unless contacts are disabled (DESIGN.md §2). A dry run leaves
 * out the apply steps. The job is named after the definition, and is built anew for every launch and restart.
 */
@Component
public class SyncJobFactory {

    private static final Logger logger = LoggerFactory.getLogger(SyncJobFactory.class);

    /**
     * Source rows planned per chunk: large enough that each chunk's fixed cost (commit, step execution and context
     * updates, a COPY) is a small share of the plan step's time. 5,000 rather than 2,000 took a million companies'
     * plan from about 23 s to 18 s; a chunk's source rows, planned writes and the batch read ahead stay a few MB.
     */
    static final int PLAN_CHUNK = 5_000;

    /**
     * Records one Bulk API 2.0 ingest job takes at most: a quarter of a million keeps the job's CSV (built in memory)
     * far below the heap, while a million-record sync still costs only four jobs.
     */
    static final int BULK_JOB_RECORDS = 250_000;

    private final JobRepository jobRepository;

    private final PlatformTransactionManager transactionManager;

    private final SalesforceClientFactory clientFactory;

    private final ConnectionResolver connections;

    private final FieldDirectoryRepository fieldDirectory;

    private final SourceReaderFactory sourceReaders;

    private final PlanRows planRows;

    private final PendingPlanReaderFactory pendingReaders;

    private final OutcomeRecorder outcomes;

    private final RecordIndexRepository indexRepository;

    private final KeyClaimsRepository claimsRepository;

    private final TableStatistics statistics;

    private final SourceContacts sourceContacts;

    private final BulkApply bulkApply;

    private final SalesforceProperties salesforceProperties;

    private final WebsiteNormaliser websites = new WebsiteNormaliser();

    private final EmailNormaliser emails = new EmailNormaliser();

    SyncJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SalesforceClientFactory clientFactory, ConnectionResolver connections,
            FieldDirectoryRepository fieldDirectory, SourceReaderFactory sourceReaders, PlanRows planRows,
            PendingPlanReaderFactory pendingReaders, OutcomeRecorder outcomes, RecordIndexRepository indexRepository,
            KeyClaimsRepository claimsRepository, TableStatistics statistics, SourceContacts sourceContacts,
            BulkApply bulkApply, SalesforceProperties salesforceProperties) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.clientFactory = clientFactory;
        this.connections = connections;
        this.fieldDirectory = fieldDirectory;
        this.sourceReaders = sourceReaders;
        this.planRows = planRows;
        this.pendingReaders = pendingReaders;
        this.outcomes = outcomes;
        this.indexRepository = indexRepository;
        this.claimsRepository = claimsRepository;
        this.statistics = statistics;
        this.sourceContacts = sourceContacts;
        this.bulkApply = bulkApply;
        this.salesforceProperties = salesforceProperties;
    }

    /**
     * @param definition the job definition
     * @param options how this launch runs
     * @return the job and the org clients it uses (whose call counts the caller may read)
     */
    public SyncJob create(JobDefinition definition, LaunchOptions options) {
        SalesforceClients clients = this.clientFactory.connect(this.connections.resolve(definition),
                new SalesforceProperties.Budget(definition.apply().dailyCallsFloor(),
                        Optional.ofNullable(definition.apply().maxApiCalls()).orElse(0L)));
        SyncRun run = new SyncRun(definition, clients, this.fieldDirectory.load());
        SimpleJobBuilder job = new JobBuilder(definition.name(), this.jobRepository).start(validateStep(run));
        addSteps(job, run, SourceObject.ACCOUNT, definition.accountMode() == AccountMode.CREATE_AND_UPDATE, options);
        if (definition.contactMode() != ContactMode.DISABLED) {
            addSteps(job, run, SourceObject.CONTACT, definition.contactMode() == ContactMode.CREATE_AND_UPDATE,
                    options);
        }
        return new SyncJob(job.build(), clients);
    }

    private void addSteps(SimpleJobBuilder job, SyncRun run, SourceObject object, boolean mayCreate,
            LaunchOptions options) {
        job.next(indexStep(run, object, options)).next(planStep(run, object, mayCreate, options));
        if (!options.dryRun()) {
            job.next(applyStep(run, object));
        }
    }

    private Step validateStep(SyncRun run) {
        return new StepBuilder("validate-org", this.jobRepository).tasklet((contribution, chunkContext) -> {
            MappingValidator validator = new MappingValidator(run.directory());
            JobDefinition definition = run.definition();
            SObjectDescribe account = run.clients().describe().describe("Account");
            run.validated(SourceObject.ACCOUNT, account,
                    validator.validate(definition, SourceObject.ACCOUNT, account));
            if (definition.contactMode() != ContactMode.DISABLED) {
                SObjectDescribe contact = run.clients().describe().describe("Contact");
                run.validated(SourceObject.CONTACT, contact,
                        validator.validate(definition, SourceObject.CONTACT, contact));
            }
            return RepeatStatus.FINISHED;
        }, this.transactionManager)
            .allowStartIfComplete(true) // a restart in a new process needs the describe again
            .listener(new ApiUsageRecorder(run.clients()))
            .build();
    }

    private Step indexStep(SyncRun run, SourceObject object, LaunchOptions options) {
        RecordIndexer indexer = new RecordIndexer(this.indexRepository);
        return new StepBuilder("index-" + plural(object), this.jobRepository).tasklet((contribution, chunkContext) -> {
            ExecutionContext context = contribution.getStepExecution().getExecutionContext();
            long indexed = (object == SourceObject.CONTACT)
                    ? new ContactIndexing(indexer, this.sourceContacts).refresh(run, options, keyNormaliser(object),
                            context)
                    : indexAccounts(run, indexer, context);
            context.putLong("indexed", indexed);
            // The plan step reads both: the snapshot just replaced and the links the last apply added.
            this.statistics.refresh("sf_record_index", "sf_link");
            return RepeatStatus.FINISHED;
        }, this.transactionManager).listener(new ApiUsageRecorder(run.clients())).build();
    }

    private long indexAccounts(SyncRun run, RecordIndexer indexer, ExecutionContext context) {
        SourceObject object = SourceObject.ACCOUNT;
        IndexApi api = IndexApi.choose(run.definition().apply(),
                () -> RecordIndexer.count(run.clients().query(), object));
        logger.info("Accounts index of job '{}': {}", run.definition().name(), api.reason());
        context.putString(ConnectorLog.API_CHOICE_KEY, api.reason());
        if (api.bulk()) {
            return indexer.refreshByBulkQuery(run.definition().name(), object, run.clients().bulkQuery(),
                    run.indexedFields(object), run.keyField(object), keyNormaliser(object));
        }
        return indexer.refresh(run.definition().name(), object, run.clients().query(), run.indexedFields(object),
                run.keyField(object), keyNormaliser(object));
    }

    private Step planStep(SyncRun run, SourceObject object, boolean mayCreate, LaunchOptions options) {
        RecordIndex index = new RecordIndex();
        KeyClaims claims = new KeyClaims();
        String jobName = run.definition().name();
        StepExecutionListener loadMatching = new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                SyncJobFactory.this.indexRepository.loadForMatching(index, jobName, object);
                SyncJobFactory.this.claimsRepository.loadInto(claims, RunStepFactory.runIdOf(stepExecution), object);
            }

            @Override
            public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
                // The job holds its steps to the end: without this the accounts' index would still fill the heap
                // while the contacts are planned.
                index.clear();
                claims.clear();
                return null;
            }
        };
        MatchReasons reasons = (object == SourceObject.ACCOUNT) ? MatchReasons.ACCOUNTS : MatchReasons.CONTACTS;
        ExternalIds externalIds = (object == SourceObject.ACCOUNT) ? ExternalIds.ACCOUNTS : ExternalIds.CONTACTS;
        String keySource = (object == SourceObject.ACCOUNT) ? "domain" : "email";
        StepBoundProcessor<PlannedWrite, PlannedWrite> strategies = new StepBoundProcessor<>(
                stepExecution -> new ApplyFieldStrategiesProcessor(run.canonicalMappings(object), run.kinds(object),
                        externalIds));
        StepBoundProcessor<PlannedWrite, PlannedWrite> preValidate = new StepBoundProcessor<>(
                stepExecution -> new PreValidateProcessor(run.fieldRules(object), run.requiredOnCreate(object)));
        // Matching runs per record, in id order; the decisions that need the matched records' values run per chunk
        // in the writer, which loads those values (the index in memory holds none).
        CompositeItemProcessor<KeyedRecord, PlannedWrite> matching = new CompositeItemProcessor<>(List.of(
                new ResolveMatchProcessor(new MatchResolver(index, claims, reasons)),
                new ApplySyncModeProcessor(mayCreate, object.salesforceObject())));
        List<ItemProcessor<?, ?>> decisions = new ArrayList<>(List.of(strategies));
        if (object == SourceObject.CONTACT) {
            decisions.add(new AssociateAccountProcessor());
        }
        decisions.add(preValidate);
        decisions.add(new DropNoOpsProcessor());
        // The next chunk's source rows are read, and their match keys normalised, while this one is planned: the
        // step's thread neither waits for the database nor does the work that needs no order.
        NormaliseMatchKeyProcessor normalise = new NormaliseMatchKeyProcessor(keySource, keyNormaliser(object));
        StepBoundReader<KeyedRecord> reader = new StepBoundReader<>(
                stepExecution -> new ReadAheadItemReader<>(new ProcessingItemReader<>(this.sourceReaders.reader(
                        "source", object, jobName, run.directory(), options.selection(),
                        options.selectionParameters(), PLAN_CHUNK), normalise), PLAN_CHUNK,
                        "plan-read-" + plural(object)));
        StepBoundWriter<PlannedWrite> rows = new StepBoundWriter<>(
                stepExecution -> this.planRows.writer(RunStepFactory.runIdOf(stepExecution), object));
        DecideChangesItemWriter writer = new DecideChangesItemWriter(
                sfIds -> this.indexRepository.loadIds(jobName, object, sfIds),
                new CompositeItemProcessor<PlannedWrite, PlannedWrite>(decisions), rows);
        return new StepBuilder("plan-" + plural(object), this.jobRepository)
            .<KeyedRecord, PlannedWrite>chunk(PLAN_CHUNK)
            .transactionManager(this.transactionManager)
            .reader(reader)
            .processor(matching)
            .writer(writer)
            .listener(loadMatching)
            .listener(strategies)
            .listener(preValidate)
            .listener(reader)
            .listener(rows)
            .build();
    }

    private Step applyStep(SyncRun run, SourceObject object) {
        int inFlight = run.definition().apply().inFlight();
        // Four calls' worth per slot in flight: while one call's results are recorded, the next calls are sent.
        int chunk = 200 * inFlight * 4;
        ExternalIds externalIds = (object == SourceObject.ACCOUNT) ? ExternalIds.ACCOUNTS : ExternalIds.CONTACTS;
        StepBoundReader<PendingWrite> reader = new StepBoundReader<>(
                stepExecution -> this.pendingReaders.reader(RunStepFactory.runIdOf(stepExecution), object, chunk));
        ApplyTarget target = new ApplyTarget(object, run.keyField(object), externalIds);
        CollectionsItemWriter writer = new CollectionsItemWriter(run.clients().collections(), this.outcomes,
                run.definition().name(), target, inFlight,
                stepExecution -> this.pendingReaders.countPending(RunStepFactory.runIdOf(stepExecution), object),
                this.transactionManager);
        // Planned with the statistics of an empty plan, each lookup of plan rows would scan the whole run's plan.
        StepExecutionListener freshPlanStatistics = new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                SyncJobFactory.this.statistics.refresh("sync_plan");
            }
        };
        Step collections = new StepBuilder("apply-" + plural(object), this.jobRepository).<PendingWrite, PendingWrite>chunk(chunk)
            .transactionManager(this.transactionManager)
            .reader(reader)
            .writer(writer)
            .listener(reader)
            .listener(writer)
            .listener(new ApiUsageRecorder(run.clients()))
            .listener(freshPlanStatistics)
            .build();
        // The job is built anew for every launch, so one tasklet serves one step execution.
        BulkApplyTasklet bulkTasklet = this.bulkApply.tasklet(run.clients().bulkIngest(), run.definition().name(),
                target, new BulkApplyTasklet.Limits(BULK_JOB_RECORDS,
                        this.salesforceProperties.bulk().maxUploadSize().toBytes()));
        Step bulk = new StepBuilder("apply-" + plural(object), this.jobRepository)
            .tasklet(bulkTasklet, this.transactionManager)
            .listener(bulkTasklet)
            .listener(new ApiUsageRecorder(run.clients()))
            .listener(freshPlanStatistics)
            .build();
        return new ApplyApiStep("apply-" + plural(object), collections, bulk, run.definition().apply(),
                stepExecution -> this.pendingReaders.countPending(RunStepFactory.runIdOf(stepExecution), object),
                stepExecution -> this.bulkApply.hasUnsettledJob(RunStepFactory.runIdOf(stepExecution), object));
    }

    private Function<@Nullable String, Optional<String>> keyNormaliser(SourceObject object) {
        if (object == SourceObject.ACCOUNT) {
            return raw -> this.websites.rootDomainOf(raw).map(RootDomain::value);
        }
        return this.emails::normalise;
    }

    private static String plural(SourceObject object) {
        return object.salesforceObject().toLowerCase(Locale.ROOT) + "s";
    }

}
