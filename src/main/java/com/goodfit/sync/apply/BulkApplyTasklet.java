package com.goodfit.sync.apply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.goodfit.sync.database.TaskFailures;
import com.goodfit.sync.salesforce.BulkIngestClient;
import com.goodfit.sync.salesforce.BulkJobInfo;
import com.goodfit.sync.salesforce.BulkOperation;
import com.goodfit.sync.salesforce.IngestJobSpec;
import com.goodfit.sync.salesforce.RecordError;
import com.goodfit.sync.salesforce.SaveResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a step's pending plan through Bulk API 2.0 ingest jobs: creates as upserts on the external id, updates by
 * Id, one job per call of {@link #execute} phase, each phase committed before the next starts.
 * <ol>
 * <li>A job's rows (one operation, a source-id range, up to the record and upload size limits) are written as CSV,
 * the job is created and its id recorded in {@code sync_bulk_job} (committed: "open").</li>
 * <li>The CSV is uploaded and the job closed (committed: "closed").</li>
 * <li>The job is polled until it ends; its successful and failed results are matched to plan rows by the external
 * id (creates) or the Id (updates), never by position, and recorded through {@link OutcomeRecorder} exactly as the
 * collections path records them, a batch at a time, each batch in a transaction of its own; then the job is marked
 * "settled". A batch that was not committed leaves its rows pending, and a restart reads the results again and
 * records what is still pending.</li>
 * </ol>
 * After a crash the restart finds the recorded job: one that reached {@code UploadComplete} is polled and its
 * results read, never uploaded again; one still {@code Open} is aborted, and its rows, still pending, go into a new
 * job. Once a job's results are recorded, {@link BulkJobEnding} decides what becomes of the records it left
 * unprocessed: a job that ends {@code Failed} (part-way or before any record) has them sent once more in a new job;
 * if that one fails too or leaves records over, they are recorded as failed ({@code BULK_UNPROCESSED}) and the step
 * fails with Salesforce's message. A job someone aborted in Salesforce fails the step at once and leaves its
 * unprocessed records pending for a restart.
 * <p>
 * Jobs are pipelined: while one job's results are being recorded (on the step's recording threads, the database's
 * share of the work), the next job is uploaded and processed by Salesforce, and its results are read as soon as it
 * ends; the CSV of the job after it is written, on a thread of its own, while the job in flight is polled, and when
 * the job in flight ends {@code JobComplete} that next job is created and uploaded before its results are read, so
 * that Salesforce is never idle while results are downloaded (the ended job, closed, is resumed by a restart). At most
 * two jobs' results wait to be recorded at once; jobs are settled in order, each only once all its results are
 * committed, so a crash at any point leaves jobs a restart resumes. A job that did not end {@code JobComplete} is
 * settled, with every job before it, before anything else starts. Register the tasklet as a listener of its step
 * too: when the step ends early (failed, stopped) it waits for the recording and the CSV in progress.
 * Not thread-safe: one instance per step.
 */
public final class BulkApplyTasklet implements Tasklet, StepExecutionListener {

    /** The code recorded for a record Salesforce did not process in two jobs. */
    public static final String UNPROCESSED = "BULK_UNPROCESSED";

    private static final Logger logger = LoggerFactory.getLogger(BulkApplyTasklet.class);

    /**
     * Jobs whose results may be recorded at once: the next job's results are read while the last one's are still
     * being recorded, and no more, since results waiting to be recorded sit in memory.
     */
    private static final int MAX_JOBS_RECORDING = 2;

    private static final int RESULTS_PER_RECORDING = 2_500;

    private static final List<String> OPERATIONS = List.of("create", "update");

    /** Threads recording results; each holds a database connection while it records. */
    private static final int RECORDING_THREADS = 2;

    private final BulkIngestClient bulk;

    private final BulkPlanRows rows;

    private final BulkJobs jobs;

    private final OutcomeRecorder recorder;

    private final String jobName;

    private final ApplyTarget target;

    private final Limits limits;

    private final PlatformTransactionManager transactionManager;

    /** The CSV of the job this process created and has not uploaded yet. */
    private @Nullable Upload upload;

    /** The job this process uploaded last, whose results are still to be read. */
    private @Nullable Uploaded uploaded;

    /**
     * A job that ended {@code JobComplete} whose results are read once the next job, written while it was processed,
     * is uploaded: Salesforce then processes the next job while these results are read.
     */
    private @Nullable Ended ended;

    /**
     * The CSV of the next job, written on the step's CSV thread while Salesforce processes the one in flight; empty
     * when no pending row was left.
     */
    private @Nullable Future<Optional<JobCsv>> next;

    /** Writes the next job's CSV; started with the first job and stopped when the step ends. */
    private @Nullable ExecutorService csvThread;

    /** Thrown by the next call, after the failed job's outcomes are committed. */
    private @Nullable BulkJobFailedException failure;

    /** Jobs whose results are being recorded while the next one is prepared, oldest first. */
    private final Deque<Settling> settling = new ArrayDeque<>();

    /** The step's recording threads, started with the first results and stopped when the step ends. */
    private @Nullable ParallelRecording recording;

    BulkApplyTasklet(BulkIngestClient bulk, BulkPlanRows rows, BulkJobs jobs, OutcomeRecorder recorder,
            String jobName, ApplyTarget target, Limits limits, PlatformTransactionManager transactionManager) {
        this.bulk = bulk;
        this.rows = rows;
        this.jobs = jobs;
        this.recorder = recorder;
        this.jobName = jobName;
        this.target = target;
        this.limits = limits;
        this.transactionManager = transactionManager;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (this.failure != null) {
            BulkJobFailedException failed = this.failure;
            this.failure = null;
            throw failed;
        }
        long runId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Settling oldest = this.settling.peekFirst();
        if (oldest != null && oldest.results().recordedAll()) {
            finishSettling(runId, contribution);
            return RepeatStatus.CONTINUABLE;
        }
        // The ended job waits until the job started after it is uploaded.
        Optional<BulkJobs.BulkJob> unsettled = this.jobs.unsettled(runId, this.target.object(),
                Stream.concat(this.settling.stream().map(Settling::job),
                        Stream.ofNullable((this.upload != null && this.ended != null) ? this.ended.job() : null))
                    .map(BulkJobs.BulkJob::id)
                    .toList());
        if (unsettled.isPresent()) {
            if ("closed".equals(unsettled.get().state()) && this.settling.size() >= MAX_JOBS_RECORDING) {
                finishSettling(runId, contribution);
            }
            else {
                advance(runId, unsettled.get(), contribution);
            }
            return RepeatStatus.CONTINUABLE;
        }
        for (String operation : OPERATIONS) {
            if (start(nextRange(runId, operation, null), 1, null, contribution)) {
                return RepeatStatus.CONTINUABLE;
            }
        }
        if (!this.settling.isEmpty()) {
            finishSettling(runId, contribution);
            return RepeatStatus.CONTINUABLE;
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * A step that ends while results are being recorded (it failed or was stopped) waits for them: what is
     * committed stays, and the job, not yet settled, is resumed by a restart, which records what is still pending.
     */
    @Override
    public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
        discardPrepared();
        this.ended = null;
        if (this.csvThread != null) {
            this.csvThread.shutdown();
            this.csvThread = null;
        }
        try {
            for (Settling unfinished : this.settling) {
                try {
                    ParallelRecording.awaitAll(unfinished.results().batches());
                }
                catch (RuntimeException ex) {
                    logger.warn("Recording the results of Bulk job {} failed as the step ended; a restart records "
                            + "them: {}", unfinished.job().sfJobId(), ex.toString());
                }
            }
        }
        finally {
            this.settling.clear();
            if (this.recording != null) {
                this.recording.close();
                this.recording = null;
            }
        }
        return null;
    }

    private void advance(long runId, BulkJobs.BulkJob job, StepContribution contribution) {
        String sfJobId = job.sfJobId();
        switch (job.state()) {
            case "planned" -> start(range(runId, job), job.attempt(), job, contribution);
            case "open" -> {
                if (this.upload != null && this.upload.jobId().equals(sfJobId)) {
                    this.bulk.upload(sfJobId, this.upload.csv());
                    this.uploaded = new Uploaded(sfJobId, this.upload.sourceIdsBySfId());
                    this.upload = null;
                    this.bulk.close(sfJobId);
                    this.jobs.moveTo(job, "closed", null);
                }
                else {
                    resumeOpen(job);
                }
            }
            default -> {
                Ended known = this.ended;
                if (known != null && known.job().id() == job.id()) {
                    this.ended = null;
                    settle(runId, job, known.info(), known.sourceIdsBySfId(), contribution);
                    return;
                }
                prepareNext(runId, job);
                BulkJobInfo info = this.bulk.await(sfJobId, job.records());
                Map<String, Long> sourceIdsBySfId = uploadedIds(sfJobId);
                if (info.complete() && startPrepared(runId, job, contribution)) {
                    this.ended = new Ended(job, info, sourceIdsBySfId);
                }
                else {
                    settle(runId, job, info, sourceIdsBySfId, contribution);
                }
            }
        }
    }

    /** For an update job this process uploaded: the source record of each Id, kept from writing its CSV. */
    private @Nullable Map<String, Long> uploadedIds(String sfJobId) {
        Uploaded known = this.uploaded;
        this.uploaded = null;
        return (known != null && known.jobId().equals(sfJobId)) ? known.sourceIdsBySfId() : null;
    }

    /**
     * Starts the job whose CSV was written while the job in flight was processed, if one was.
     * @return whether a job was started
     */
    private boolean startPrepared(long runId, BulkJobs.BulkJob inFlight, StepContribution contribution) {
        for (String operation : OPERATIONS) {
            if (this.next == null) {
                return false;
            }
            BulkPlanRows.Range range = nextRange(runId, operation, inFlight);
            Optional<JobCsv> csv = takePrepared(range);
            if (csv.isPresent()) {
                create(range, 1, null, csv.get(), contribution);
                return true;
            }
        }
        return false;
    }

    /**
     * The range of the next new job of an operation: rows of the jobs being recorded, and of the one in flight, are
     * still pending, so it starts after them.
     */
    private BulkPlanRows.Range nextRange(long runId, String operation, BulkJobs.@Nullable BulkJob inFlight) {
        long first = Stream.concat(this.settling.stream().map(Settling::job), Stream.ofNullable(inFlight))
            .filter(job -> job.operation().equals(operation))
            .mapToLong(job -> job.lastSourceId() + 1)
            .max()
            .orElse(Long.MIN_VALUE);
        return new BulkPlanRows.Range(runId, this.target.object(), operation, first, Long.MAX_VALUE);
    }

    /**
     * Starts writing the next job's CSV, on the CSV thread, while Salesforce processes the job in flight: it is
     * uploaded as soon as that job's results are read, and the job in flight is polled meanwhile. Only when no other
     * job of an earlier process waits: the next job's range follows the jobs this process knows. Its rows stay
     * pending meanwhile: no result of an earlier job touches them. The rows are read in a read-only transaction of
     * the thread's own, which PostgreSQL needs to stream them.
     */
    private void prepareNext(long runId, BulkJobs.BulkJob inFlight) {
        if (this.next != null || this.failure != null) {
            return;
        }
        List<Long> known = Stream.concat(this.settling.stream().map(settling -> settling.job().id()),
                Stream.of(inFlight.id())).toList();
        if (this.jobs.unsettled(runId, this.target.object(), known).isPresent()) {
            return;
        }
        List<BulkPlanRows.Range> ranges = OPERATIONS.stream()
            .map(operation -> nextRange(runId, operation, inFlight))
            .toList();
        TransactionTemplate readOnly = new TransactionTemplate(this.transactionManager);
        readOnly.setReadOnly(true);
        if (this.csvThread == null) {
            this.csvThread = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "bulk-csv");
                thread.setDaemon(true);
                return thread;
            });
        }
        this.next = this.csvThread.submit(() -> readOnly.execute(status -> {
            for (BulkPlanRows.Range range : ranges) {
                JobCsv csv = write(range);
                if (csv.rows() > 0) {
                    return Optional.of(csv);
                }
            }
            return Optional.<JobCsv>empty();
        }));
    }

    /**
     * The prepared CSV, once written, if it was written for this range. One of another operation waits for its
     * turn; a failure to write it is thrown here.
     */
    private Optional<JobCsv> takePrepared(BulkPlanRows.Range range) {
        Future<Optional<JobCsv>> preparing = this.next;
        if (preparing == null) {
            return Optional.empty();
        }
        Optional<JobCsv> prepared;
        try {
            prepared = awaitPrepared(preparing);
        }
        catch (RuntimeException ex) {
            this.next = null;
            throw ex;
        }
        if (prepared.isPresent() && !prepared.get().range().operation().equals(range.operation())) {
            return Optional.empty();
        }
        this.next = null;
        return prepared.filter(csv -> csv.range().equals(range));
    }

    /** Waits for a CSV being written and drops it: its rows stay pending for the job that takes them later. */
    private void discardPrepared() {
        Future<Optional<JobCsv>> preparing = this.next;
        this.next = null;
        if (preparing != null) {
            try {
                awaitPrepared(preparing);
            }
            catch (RuntimeException ex) {
                logger.debug("The next Bulk job's CSV, no longer needed, failed: {}", ex.toString());
            }
        }
    }

    private static Optional<JobCsv> awaitPrepared(Future<Optional<JobCsv>> preparing) {
        try {
            return preparing.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the next Bulk job's CSV was written", ex);
        }
        catch (ExecutionException ex) {
            throw TaskFailures.unchecked(ex, "writing the next Bulk job's CSV failed");
        }
    }

    /** A job recorded open by a process that is gone: its upload may or may not have been completed. */
    private void resumeOpen(BulkJobs.BulkJob job) {
        BulkJobInfo info = this.bulk.info(job.sfJobId());
        if ("Open".equals(info.state())) {
            this.bulk.abort(job.sfJobId());
            logger.warn("Aborted Bulk job {} ({} {}): it never reached UploadComplete; its {} records go into a "
                    + "new job", job.sfJobId(), job.operation(), plural(), job.records());
            this.jobs.moveTo(job, "aborted", "aborted on restart before UploadComplete");
        }
        else if ("Aborted".equals(info.state())) {
            this.jobs.moveTo(job, "aborted", info.errorMessage());
        }
        else {
            logger.info("Resuming Bulk job {} ({}): closed before the restart", job.sfJobId(), info.state());
            this.jobs.moveTo(job, "closed", null);
        }
    }

    /**
     * Writes the CSV of the next job, creates the job and records it.
     * @return whether a job was started (false: no pending row in the range)
     */
    private boolean start(BulkPlanRows.Range range, int attempt, BulkJobs.@Nullable BulkJob planned,
            StepContribution contribution) {
        JobCsv csv = ((planned == null) ? takePrepared(range) : Optional.<JobCsv>empty())
            .orElseGet(() -> write(range));
        if (csv.rows() == 0) {
            if (planned != null) {
                this.jobs.moveTo(planned, "settled", null);
                return true;
            }
            return false;
        }
        create(range, attempt, planned, csv, contribution);
        return true;
    }

    /** Creates the job of a CSV and records it open; it is uploaded by the next call. */
    private void create(BulkPlanRows.Range range, int attempt, BulkJobs.@Nullable BulkJob planned, JobCsv csv,
            StepContribution contribution) {
        String key = keyColumn(range);
        IngestJobSpec spec = range.create()
                ? new IngestJobSpec(this.target.object().salesforceObject(), BulkOperation.UPSERT, key)
                : new IngestJobSpec(this.target.object().salesforceObject(), BulkOperation.UPDATE, null);
        BulkJobInfo job = this.bulk.create(spec);
        if (planned != null) {
            this.jobs.opened(planned, csv.lastSourceId(), csv.rows(), job.id());
        }
        else {
            this.jobs.insertOpen(range.jobInstanceId(), range.object(), range.operation(), csv.firstSourceId(),
                    csv.lastSourceId(), attempt, csv.rows(), job.id());
        }
        this.upload = new Upload(job.id(), csv.csv(), csv.sourceIdsBySfId());
        contribution.getStepExecution().getExecutionContext().putLong(BULK_JOBS_KEY,
                contribution.getStepExecution().getExecutionContext().getLong(BULK_JOBS_KEY, 0) + 1);
        logger.info("Bulk job {}: {} {} {} ({} bytes of CSV){}", job.id(), range.operation(), csv.rows(), plural(),
                csv.csv().length, (attempt > 1) ? ", retrying records the last job left unprocessed" : "");
    }

    /** Reads the pending rows of a range, in source-id order, into one job's CSV. */
    private JobCsv write(BulkPlanRows.Range range) {
        BulkCsv csv = new BulkCsv(keyColumn(range), this.limits.maxUploadBytes());
        Map<String, Long> sourceIdsBySfId = new HashMap<>();
        long[] taken = { Long.MAX_VALUE, -1 };
        this.rows.stream(range, this.limits.maxRecords(), write -> {
            String keyCell = range.create() ? this.target.externalIds().valueFor(write.sourceId())
                    : Objects.requireNonNull(write.sfId());
            if (!csv.add(keyCell, write.values())) {
                return false;
            }
            taken[0] = Math.min(taken[0], write.sourceId());
            taken[1] = write.sourceId();
            if (!range.create()) {
                sourceIdsBySfId.put(keyCell, write.sourceId());
            }
            return true;
        });
        return new JobCsv(range, (csv.rows() == 0) ? new byte[0] : csv.toBytes(), csv.rows(), taken[0], taken[1],
                sourceIdsBySfId);
    }

    /** The column a job's records are keyed by: the external id for creates (upserts), the Id for updates. */
    private String keyColumn(BulkPlanRows.Range range) {
        return range.create() ? this.target.externalIds().field() : "Id";
    }

    /** Execution-context key: how many Bulk jobs the step created. */
    public static final String BULK_JOBS_KEY = "bulkJobs";

    /**
     * Reads a job's results, recording them a batch at a time as they arrive. A job that ended as it should is left
     * recording while the next job is prepared; any other is settled at once, so that no further job starts after a
     * failure. If the download breaks off, what was handed to the recording threads is still recorded (the step's
     * end waits for it) and a restart reads the results again.
     * @param uploadedIds for an update job this process uploaded, the source record of each Id; null to read them
     */
    private void settle(long runId, BulkJobs.BulkJob job, BulkJobInfo info, @Nullable Map<String, Long> uploadedIds,
            StepContribution contribution) {
        BulkPlanRows.Range range = range(runId, job);
        logger.info("Bulk job {} ended {} ({} records processed, {} failed): reading its results", job.sfJobId(),
                info.state(), info.numberRecordsProcessed(), info.numberRecordsFailed());
        if (this.recording == null) {
            this.recording = new ParallelRecording(this.recorder, this.transactionManager, RECORDING_THREADS,
                    "bulk-record");
        }
        // Update results are keyed by Id: the map written with the job's CSV serves, unless a restart resumed the job.
        Map<String, Long> sourceIdsBySfId = range.create() ? Map.of()
                : (uploadedIds != null) ? uploadedIds : this.rows.sourceIdsBySfId(range);
        Results results = new Results(range, new OutcomeRecorder.ApplyRun(this.jobName, runId, this.target.object(),
                this.target.keyField(), this.target.externalIds()), this.recording, sourceIdsBySfId);
        try {
            this.bulk.successfulResults(job.sfJobId(),
                    row -> results.add(row.fields(), new SaveResult(row.id(), true, row.created(), List.of())));
            this.bulk.failedResults(job.sfJobId(),
                    row -> results.add(row.fields(), new SaveResult(row.id(), false, false, List.of(row.error()))));
        }
        finally {
            // Even when the download breaks off: what arrived is recorded, and the step's end waits for it.
            results.downloaded();
            this.settling.addLast(new Settling(job, info, results));
        }
        if (!info.complete()) {
            discardPrepared();
            while (!this.settling.isEmpty()) {
                finishSettling(runId, contribution);
            }
        }
    }

    /** Waits for the recording of the oldest settling job's results, then decides what is left of the job. */
    private void finishSettling(long runId, StepContribution contribution) {
        Settling settled = this.settling.removeFirst();
        Results results = settled.results();
        ParallelRecording.awaitAll(results.batches());
        BulkJobs.BulkJob job = settled.job();
        BulkJobInfo info = settled.info();
        BulkPlanRows.Range range = range(runId, job);
        int recorded = results.recorded();
        contribution.incrementWriteCount(recorded);
        if (results.unmatched(recorded) > 0) {
            logger.info("Bulk job {}: {} result rows matched no pending plan row (already recorded)",
                    job.sfJobId(), results.unmatched(recorded));
        }
        // When every record of the job has its outcome, nothing in its range can still be pending.
        List<PendingWrite> unprocessed = (recorded == job.records()) ? List.of() : this.rows.pending(range);
        BulkJobEnding ending = BulkJobEnding.of(job, info, unprocessed.size(), plural());
        switch (ending.unprocessed()) {
            case RETRY -> {
                logger.warn("{}; sending its {} unprocessed records once more in a new job", ending.message(),
                        unprocessed.size());
                this.jobs.insertPlanned(runId, this.target.object(), job, unprocessed.size());
            }
            case RECORD_FAILED -> {
                logger.error("{}; the {} records it left unprocessed were already retried once: recorded as failed "
                        + "({})", ending.message(), unprocessed.size(), UNPROCESSED);
                recordUnprocessed(results.run, unprocessed, ending.unprocessedError());
            }
            case LEAVE_PENDING -> logger.error("{}; {} of its records were recorded, the rest stay pending: restart "
                    + "the run to send them", ending.message(), recorded);
            case NONE -> {
                if (ending.message() != null) {
                    logger.warn("{}; every record it held has an outcome", ending.message());
                }
            }
        }
        this.jobs.moveTo(job, ending.state(), ending.message());
        if (ending.failsStep() && this.failure == null) {
            this.failure = new BulkJobFailedException(Objects.requireNonNull(ending.message()));
        }
    }

    /** Records, a batch at a time in the step's transaction, the records Salesforce left unprocessed twice. */
    private void recordUnprocessed(OutcomeRecorder.ApplyRun run, List<PendingWrite> unprocessed, RecordError error) {
        for (int from = 0; from < unprocessed.size(); from += RESULTS_PER_RECORDING) {
            List<PendingWrite> batch = unprocessed.subList(from,
                    Math.min(unprocessed.size(), from + RESULTS_PER_RECORDING));
            this.recorder.record(run, batch.stream()
                .map(write -> new WriteResult(write, new SaveResult(write.sfId(), false, false, List.of(error))))
                .toList());
        }
    }

    private BulkPlanRows.Range range(long runId, BulkJobs.BulkJob job) {
        return new BulkPlanRows.Range(runId, this.target.object(), job.operation(), job.firstSourceId(),
                job.lastSourceId());
    }

    private String plural() {
        return this.target.object().salesforceObject() + "s";
    }

    /**
     * A job's result rows, matched to plan rows and recorded a batch at a time as they are downloaded. Each batch
     * holds its own results, handed to a recording thread whole: the download never waits for the database, which
     * would make a large results stream outlast the client's read timeout.
     */
    private final class Results {

        private final BulkPlanRows.Range range;

        private final OutcomeRecorder.ApplyRun run;

        private final ParallelRecording recording;

        /** For updates: the source record each Salesforce Id was planned for. */
        private final Map<String, Long> sourceIdsBySfId;

        /** Every source id seen, so that a row repeated in the results is not recorded twice. */
        private final Set<Long> seen = new HashSet<>();

        private final List<CompletableFuture<Integer>> batches = new ArrayList<>();

        private Map<Long, SaveResult> batch = new LinkedHashMap<>();

        private int unmatchedRows;

        Results(BulkPlanRows.Range range, OutcomeRecorder.ApplyRun run, ParallelRecording recording,
                Map<String, Long> sourceIdsBySfId) {
            this.range = range;
            this.run = run;
            this.recording = recording;
            this.sourceIdsBySfId = sourceIdsBySfId;
        }

        void add(Map<String, String> columns, SaveResult result) {
            Long key = keyOf(columns);
            if (key == null || !this.seen.add(key)) {
                this.unmatchedRows++;
                return;
            }
            this.batch.put(key, result);
            if (this.batch.size() == RESULTS_PER_RECORDING) {
                submit();
            }
        }

        /** The download has ended: the last, partial batch goes too. */
        void downloaded() {
            if (!this.batch.isEmpty()) {
                submit();
            }
        }

        /** @return each batch, completing with how many results it recorded */
        List<CompletableFuture<Integer>> batches() {
            return this.batches;
        }

        private void submit() {
            Map<Long, SaveResult> results = this.batch;
            this.batch = new LinkedHashMap<>();
            // Only the plan rows still pending are recorded: a restart may have recorded some of the results.
            this.batches.add(this.recording.recordPending(this.run, this.range.create(), results,
                    sourceIds -> BulkApplyTasklet.this.rows.bySourceIds(this.range, sourceIds)));
        }

        /** @return whether every batch has been recorded (or has failed) */
        boolean recordedAll() {
            return this.batches.stream().allMatch(CompletableFuture::isDone);
        }

        /** @return how many results were recorded, once every batch is */
        int recorded() {
            return this.batches.stream().mapToInt(CompletableFuture::join).sum();
        }

        int unmatched(int recorded) {
            return this.unmatchedRows + this.seen.size() - recorded;
        }

        /** The source id a result row belongs to: by the external id for creates, by the Id for updates. */
        private @Nullable Long keyOf(Map<String, String> columns) {
            if (!this.range.create()) {
                String id = column(columns, "Id");
                return (id == null) ? null : this.sourceIdsBySfId.get(id);
            }
            String externalId = column(columns, BulkApplyTasklet.this.target.externalIds().field());
            String prefix = BulkApplyTasklet.this.target.externalIds().prefix() + "-";
            if (externalId == null || !externalId.startsWith(prefix)) {
                return null;
            }
            try {
                return Long.parseLong(externalId.substring(prefix.length()));
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }

        private static @Nullable String column(Map<String, String> columns, String name) {
            String exact = columns.get(name);
            if (exact != null) {
                return exact;
            }
            return columns.entrySet()
                .stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        }

    }

    /**
     * How large one job may be.
     *
     * @param maxRecords the most records a job takes
     * @param maxUploadBytes the largest CSV a job's upload may be
     */
    public record Limits(int maxRecords, long maxUploadBytes) {
    }

    private record Upload(String jobId, byte[] csv, Map<String, Long> sourceIdsBySfId) {
    }

    private record Uploaded(String jobId, Map<String, Long> sourceIdsBySfId) {
    }

    /** A job's CSV before the job is created: its rows, their source-id span and, for updates, their Ids. */
    private record JobCsv(BulkPlanRows.Range range, byte[] csv, int rows, long firstSourceId, long lastSourceId,
            Map<String, Long> sourceIdsBySfId) {
    }

    private record Ended(BulkJobs.BulkJob job, BulkJobInfo info, @Nullable Map<String, Long> sourceIdsBySfId) {
    }

    /** A job whose results are being recorded. */
    private record Settling(BulkJobs.BulkJob job, BulkJobInfo info, Results results) {
    }

}
