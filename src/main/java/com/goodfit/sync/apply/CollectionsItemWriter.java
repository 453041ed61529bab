package com.goodfit.sync.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

import com.goodfit.sync.salesforce.ApiBudgetExceededException;
import com.goodfit.sync.salesforce.CollectionsClient;
import com.goodfit.sync.salesforce.SObject;
import com.goodfit.sync.salesforce.SaveResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Applies pending writes through sObject Collections: creates as upserts on the external id (so a create replayed
 * after a crash updates instead of duplicating), updates by Id, at most 200 records a call and several calls in
 * flight. When the API budget runs out, the results already in are recorded, the rest stay pending and the step
 * stops cleanly (STOPPED, restartable).
 * <p>
 * Each call's results are recorded as soon as it returns, in a transaction of their own, by a small pool of
 * recorder threads: recording is the database's share of the work, and done call by call on the step's thread it
 * was the bottleneck of the whole apply step. A result is recorded exactly when Salesforce's answer is known, which
 * is what restart safety needs: a record whose result has not been committed is still pending in the plan, and a
 * restart sends it again, which is harmless because creates are upserts on the external id and updates set values.
 * For the same reason calls run across chunk boundaries: a chunk's write returns while its last calls are still in
 * flight, so the org is never idle while a chunk commits and the next one is read; only the step's last chunk waits
 * for every call.
 */
public final class CollectionsItemWriter implements ItemWriter<PendingWrite>, StepExecutionListener {

    private static final Logger logger = LoggerFactory.getLogger(CollectionsItemWriter.class);

    private static final int MAX_RECORDS_PER_CALL = 200;

    private static final int LOCK_RETRIES = 3;

    private static final long LOCK_PAUSE_MILLIS = 200;

    private static final int MAX_RECORDERS = 4;

    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final CollectionsClient collections;

    private final OutcomeRecorder recorder;

    private final String jobName;

    private final ApplyTarget target;

    private final int inFlight;

    private final ToLongFunction<StepExecution> pendingAtStart;

    private final PlatformTransactionManager transactionManager;

    private @Nullable StepExecution stepExecution;

    private @Nullable ExecutorService senders;

    private @Nullable ParallelRecording recording;

    /** Calls whose results are recorded (or that failed), in the order they finished. */
    private final BlockingQueue<CompletableFuture<Integer>> finished = new LinkedBlockingQueue<>();

    /** Calls sent whose results have not been recorded yet. */
    private int outstanding;

    /** Writes this step execution has still to receive: when none are left, the chunk at hand is the last. */
    private long unseen;

    /**
     * @param collections the org's collections client
     * @param recorder where results are recorded
     * @param jobName the job
     * @param target what is written and how it is keyed
     * @param inFlight how many calls run at once
     * @param pendingAtStart how many writes the step's reader will deliver, counted when the step starts
     * @param transactionManager the transactions results are recorded in
     */
    public CollectionsItemWriter(CollectionsClient collections, OutcomeRecorder recorder, String jobName,
            ApplyTarget target, int inFlight, ToLongFunction<StepExecution> pendingAtStart,
            PlatformTransactionManager transactionManager) {
        this.collections = collections;
        this.recorder = recorder;
        this.jobName = jobName;
        this.target = target;
        this.inFlight = inFlight;
        this.pendingAtStart = pendingAtStart;
        this.transactionManager = transactionManager;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        String object = this.target.object().name().toLowerCase(Locale.ROOT);
        this.senders = Executors.newFixedThreadPool(this.inFlight, daemonThreads("collections-" + object));
        // Each recorder holds a database connection while it records; a few keep up with many calls in flight.
        this.recording = new ParallelRecording(this.recorder, this.transactionManager,
                Math.min(this.inFlight, MAX_RECORDERS), "record-" + object);
        this.finished.clear();
        this.outstanding = 0;
        this.unseen = this.pendingAtStart.applyAsLong(stepExecution);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        // Nothing of this execution may still be recording when a restart (in this JVM) reads the pending plan.
        stop(this.senders);
        if (this.recording != null) {
            this.recording.close();
        }
        if (this.outstanding > 0 && stepExecution.getStatus() == BatchStatus.COMPLETED) {
            // Only when the plan changed under the running step: what those calls did is not recorded, so the
            // step must not pass for complete. Their records are still pending; a restart sends them again.
            String message = this.outstanding + " calls were still in flight when the last chunk was written; "
                    + "their records stay pending: restart this run to apply them";
            logger.error("{}: {}", stepExecution.getStepName(), message);
            stepExecution.setStatus(BatchStatus.FAILED);
            return ExitStatus.FAILED.addExitDescription(message);
        }
        return stepExecution.getExitStatus();
    }

    @Override
    public void write(Chunk<? extends PendingWrite> chunk) throws Exception {
        List<List<PendingWrite>> calls = new ArrayList<>();
        List<PendingWrite> creates = chunk.getItems().stream().filter(PendingWrite::create).map(w -> (PendingWrite) w).toList();
        List<PendingWrite> updates = chunk.getItems().stream().filter(w -> !w.create()).map(w -> (PendingWrite) w).toList();
        slice(creates, calls);
        slice(updates, calls);
        OutcomeRecorder.ApplyRun run = new OutcomeRecorder.ApplyRun(this.jobName,
                stepExecution().getJobExecution().getJobInstance().getInstanceId(), this.target.object(),
                this.target.keyField(), this.target.externalIds());
        for (List<PendingWrite> call : calls) {
            CompletableFuture<Integer> recorded = CompletableFuture.supplyAsync(() -> sendInterruptibly(call), senders())
                .thenCompose(results -> recording().record(run, results));
            recorded.whenComplete((count, failure) -> this.finished.add(recorded));
        }
        this.outstanding += calls.size();
        this.unseen -= chunk.size();
        // The calls left running or queued when this returns keep every slot busy while the chunk commits and the
        // next one is read: two rounds cover a pause as long as a call.
        int mayStayInFlight = (this.unseen > 0) ? 2 * this.inFlight : 0;
        int recordedHere = 0;
        ApiBudgetExceededException budget = null;
        while (this.outstanding > ((budget != null) ? 0 : mayStayInFlight)) {
            CompletableFuture<Integer> done = this.finished.take();
            this.outstanding--;
            try {
                recordedHere += done.get();
            }
            catch (ExecutionException ex) {
                if (ex.getCause() instanceof ApiBudgetExceededException exceeded) {
                    budget = exceeded;
                }
                else if (ex.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                else {
                    throw ex;
                }
            }
        }
        if (budget != null) {
            logger.warn("Stopping {}: {} ({} more records applied, the rest stay pending)",
                    stepExecution().getStepName(), budget.getMessage(), recordedHere);
            stepExecution().getExecutionContext().putString("stopReason", budget.getMessage());
            stepExecution().setTerminateOnly();
        }
    }

    private List<WriteResult> sendInterruptibly(List<PendingWrite> call) {
        try {
            return send(call);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CompletionException(ex);
        }
    }

    /**
     * Sends one call and resends, a few times with a pause, the records Salesforce rejected with
     * {@code UNABLE_TO_LOCK_ROW}: row-lock contention is transient (salesforce-api.md §8.2).
     */
    private List<WriteResult> send(List<PendingWrite> call) throws InterruptedException {
        SaveResult[] answers = new SaveResult[call.size()];
        List<Integer> toSend = IntStream.range(0, call.size()).boxed().toList();
        for (int attempt = 0; !toSend.isEmpty(); attempt++) {
            List<SaveResult> saved = sendOnce(toSend.stream().map(call::get).toList());
            List<Integer> locked = new ArrayList<>();
            for (int i = 0; i < toSend.size(); i++) {
                answers[toSend.get(i)] = saved.get(i);
                if (attempt < LOCK_RETRIES && isLocked(saved.get(i))) {
                    locked.add(toSend.get(i));
                }
            }
            if (!locked.isEmpty()) {
                Thread.sleep(LOCK_PAUSE_MILLIS * (attempt + 1));
            }
            toSend = locked;
        }
        List<WriteResult> results = new ArrayList<>(call.size());
        for (int i = 0; i < call.size(); i++) {
            results.add(new WriteResult(call.get(i), answers[i]));
        }
        return results;
    }

    private List<SaveResult> sendOnce(List<PendingWrite> call) {
        List<SObject> records = call.stream().map(this::toSObject).toList();
        if (call.get(0).create()) {
            return this.collections.upsert(this.target.object().salesforceObject(), this.target.externalIds().field(),
                    records);
        }
        return this.collections.update(records);
    }

    private static boolean isLocked(SaveResult result) {
        return !result.success()
                && result.errors().stream().anyMatch(error -> "UNABLE_TO_LOCK_ROW".equals(error.statusCode()));
    }

    private SObject toSObject(PendingWrite write) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>(write.values());
        String type = this.target.object().salesforceObject();
        if (write.create()) {
            fields.put(this.target.externalIds().field(), this.target.externalIds().valueFor(write.sourceId()));
            return SObject.of(type, fields);
        }
        return new SObject(type, write.sfId(), fields);
    }

    private static void slice(List<PendingWrite> writes, List<List<PendingWrite>> calls) {
        for (int from = 0; from < writes.size(); from += MAX_RECORDS_PER_CALL) {
            calls.add(writes.subList(from, Math.min(writes.size(), from + MAX_RECORDS_PER_CALL)));
        }
    }

    private ExecutorService senders() {
        if (this.senders == null) {
            throw new IllegalStateException("CollectionsItemWriter used outside a step: register it as a listener");
        }
        return this.senders;
    }

    private ParallelRecording recording() {
        if (this.recording == null) {
            throw new IllegalStateException("CollectionsItemWriter used outside a step: register it as a listener");
        }
        return this.recording;
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void stop(@Nullable ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                logger.warn("Collections threads did not stop within {} s", STOP_TIMEOUT_SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private StepExecution stepExecution() {
        if (this.stepExecution == null) {
            throw new IllegalStateException("CollectionsItemWriter used outside a step: register it as a listener");
        }
        return this.stepExecution;
    }

}
