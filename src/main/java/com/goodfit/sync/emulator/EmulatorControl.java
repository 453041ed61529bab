package com.goodfit.sync.emulator;

import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Fault injection and org rules of a running emulator. Every setter is thread-safe and takes effect on the next
 * request.
 */
public final class EmulatorControl {

    /** Default daily API request allowance: generous (an Enterprise-sized org), so demos don't hit it by accident. */
    public static final long DEFAULT_DAILY_API_LIMIT = 1_000_000;

    /** Default concurrent long-running request limit, as in production orgs. */
    public static final int DEFAULT_CONCURRENT_LIMIT = 25;

    private final Random random;

    private volatile Duration fixedLatency = Duration.ZERO;

    private volatile Duration perRecordLatency = Duration.ZERO;

    private volatile double failShare;

    private volatile FailureKind failShareKind = FailureKind.SERVER_UNAVAILABLE_503;

    private final AtomicInteger failNextCalls = new AtomicInteger();

    private volatile FailureKind failNextKind = FailureKind.SERVER_UNAVAILABLE_503;

    private final AtomicInteger failNextRecords = new AtomicInteger();

    private volatile long dailyApiLimit = DEFAULT_DAILY_API_LIMIT;

    private volatile int concurrentLimit = DEFAULT_CONCURRENT_LIMIT;

    private volatile Duration tokenTtl = Duration.ofHours(2);

    // Bumped by expireAllTokens(); a token is valid only in the generation it was issued in.
    private final AtomicLong tokenGeneration = new AtomicLong();

    private volatile boolean accountDuplicateRule;

    private volatile boolean validationRule;

    private final List<ValidationRule> customRules = new CopyOnWriteArrayList<>();

    private volatile Duration bulkProcessingDelay = Duration.ofMillis(50);

    private final AtomicInteger failNextBulkJobs = new AtomicInteger();

    private volatile BulkJobFailure bulkJobFailure = new BulkJobFailure("", 0);

    private final List<PublicKey> trustedJwtKeys = new CopyOnWriteArrayList<>();

    private volatile boolean enforceFieldPermissions;

    private volatile boolean denyAuthorization;

    EmulatorControl(long seed) {
        this.random = new Random(seed);
    }

    /** Adds {@code fixed} to every call plus {@code perRecord} for each record a write or query touches. */
    public EmulatorControl latency(Duration fixed, Duration perRecord) {
        this.fixedLatency = fixed;
        this.perRecordLatency = perRecord;
        return this;
    }

    /**
     * Fails a random {@code share} (0..1) of data calls (for 503) or of written records (for lock errors); 0 turns
     * it off.
     */
    public EmulatorControl failCalls(double share, FailureKind kind) {
        this.failShareKind = kind;
        this.failShare = share;
        return this;
    }

    /**
     * Fails the next {@code n} data calls deterministically: with 503, or with {@code UNABLE_TO_LOCK_ROW} on every
     * record of the next {@code n} write calls.
     */
    public EmulatorControl failNextCalls(int n, FailureKind kind) {
        this.failNextKind = kind;
        this.failNextCalls.set(n);
        return this;
    }

    /** Fails the next {@code n} written records (any write path) with {@code UNABLE_TO_LOCK_ROW}. */
    public EmulatorControl failNextRecords(int n) {
        this.failNextRecords.set(n);
        return this;
    }

    /** Sets the daily API request allowance; once used up, data calls get 403 REQUEST_LIMIT_EXCEEDED. */
    public EmulatorControl dailyApiLimit(long max) {
        this.dailyApiLimit = max;
        return this;
    }

    /** Sets how many data calls may be in flight at once before 403 ConcurrentPerOrgLongTxn. */
    public EmulatorControl concurrentLimit(int n) {
        this.concurrentLimit = n;
        return this;
    }

    /** Sets how long newly issued access tokens stay valid. */
    public EmulatorControl tokenTtl(Duration ttl) {
        this.tokenTtl = ttl;
        return this;
    }

    /** Invalidates every access token issued so far (data calls then get 401 INVALID_SESSION_ID). */
    public EmulatorControl expireAllTokens() {
        this.tokenGeneration.incrementAndGet();
        return this;
    }

    /** Switches the Account duplicate rule (same Name, ignoring case, blocks creation with DUPLICATES_DETECTED). */
    public EmulatorControl accountDuplicateRule(boolean enabled) {
        this.accountDuplicateRule = enabled;
        return this;
    }

    /** Switches the built-in validation rule: Account.NumberOfEmployees must not be negative. */
    public EmulatorControl validationRule(boolean enabled) {
        this.validationRule = enabled;
        return this;
    }

    /**
     * Adds a validation rule: records of {@code sobject} for which {@code invalidWhen} holds (given the record's
     * field values by API name) fail with FIELD_CUSTOM_VALIDATION_EXCEPTION and {@code message}.
     */
    public EmulatorControl validationRule(String sobject, String field, Predicate<Map<String, Object>> invalidWhen,
            String message) {
        this.customRules.add(new ValidationRule(sobject, field, invalidWhen, message));
        return this;
    }

    /** Sets how long Bulk API 2.0 jobs wait between UploadComplete and processing. */
    public EmulatorControl bulkProcessingDelay(Duration delay) {
        this.bulkProcessingDelay = delay;
        return this;
    }

    /**
     * Makes the next {@code n} closed Bulk API 2.0 ingest jobs end {@code Failed} with {@code errorMessage} before
     * processing any record, as Salesforce fails a job it cannot process (e.g. a CSV it cannot parse): their
     * records are all in {@code unprocessedrecords}.
     */
    public EmulatorControl failNextBulkJobs(int n, String errorMessage) {
        return failNextBulkJobs(n, errorMessage, 0);
    }

    /**
     * Makes the next {@code n} closed Bulk API 2.0 ingest jobs fail part-way, as Salesforce does when a job runs out
     * of internal retries or time: each processes its first {@code afterRecords} rows (their results are served and
     * their changes stay in the org), then ends {@code Failed} with {@code errorMessage}; the rest are in
     * {@code unprocessedrecords} and not counted in {@code numberRecordsProcessed}. 0 fails before any row.
     */
    public EmulatorControl failNextBulkJobs(int n, String errorMessage, int afterRecords) {
        if (afterRecords < 0) {
            throw new IllegalArgumentException("afterRecords must not be negative: " + afterRecords);
        }
        this.bulkJobFailure = new BulkJobFailure(errorMessage, afterRecords);
        this.failNextBulkJobs.set(n);
        return this;
    }

    /** Trusts a public key for RS256 signatures in the JWT bearer grant. */
    public EmulatorControl trustJwtKey(PublicKey key) {
        this.trustedJwtKeys.add(key);
        return this;
    }

    /**
     * Switches field-level security for custom fields created through the Tooling API: while on, such a field is
     * hidden from the API user until a FieldPermissions record (PermissionsRead, PermissionsEdit to write) on a
     * permission set assigned to the user grants it, as in a real org. Off by default.
     */
    public EmulatorControl enforceFieldPermissions(boolean enabled) {
        this.enforceFieldPermissions = enabled;
        return this;
    }

    /**
     * Makes the authorisation endpoint ({@code /services/oauth2/authorize}) answer as if the user clicked "Deny":
     * a redirect to the callback with {@code error=access_denied}. Off (auto-approve) by default.
     */
    public EmulatorControl denyAuthorization(boolean denied) {
        this.denyAuthorization = denied;
        return this;
    }

    boolean denyAuthorization() {
        return this.denyAuthorization;
    }

    boolean enforceFieldPermissions() {
        return this.enforceFieldPermissions;
    }

    Duration fixedLatency() {
        return this.fixedLatency;
    }

    Duration perRecordLatency() {
        return this.perRecordLatency;
    }

    long dailyApiLimit() {
        return this.dailyApiLimit;
    }

    int concurrentLimit() {
        return this.concurrentLimit;
    }

    Duration tokenTtl() {
        return this.tokenTtl;
    }

    long tokenGeneration() {
        return this.tokenGeneration.get();
    }

    boolean accountDuplicateRule() {
        return this.accountDuplicateRule;
    }

    boolean validationRule() {
        return this.validationRule;
    }

    List<ValidationRule> customRules() {
        return this.customRules;
    }

    Duration bulkProcessingDelay() {
        return this.bulkProcessingDelay;
    }

    /** How the next ingest job is to fail, consuming one pending failure; else null. */
    BulkJobFailure takeBulkJobFailure() {
        return (this.failNextBulkJobs.get() > 0 && this.failNextBulkJobs.getAndDecrement() > 0) ? this.bulkJobFailure
                : null;
    }

    List<PublicKey> trustedJwtKeys() {
        return this.trustedJwtKeys;
    }

    /** Decides the injected fault for one incoming data call, consuming a "next call" if one is pending. */
    CallFault nextCallFault() {
        if (this.failNextKind == FailureKind.SERVER_UNAVAILABLE_503 && takeNextCall()) {
            return CallFault.UNAVAILABLE;
        }
        if (this.failShareKind == FailureKind.SERVER_UNAVAILABLE_503 && this.failShare > 0 && chance(this.failShare)) {
            return CallFault.UNAVAILABLE;
        }
        return CallFault.NONE;
    }

    private boolean takeNextCall() {
        return this.failNextCalls.get() > 0 && this.failNextCalls.getAndDecrement() > 0;
    }

    /**
     * Whether a write call's records should all fail with UNABLE_TO_LOCK_ROW; asked once per write call, so a
     * pending {@code failNextCalls(n, UNABLE_TO_LOCK_ROW)} is spent on writes only.
     */
    boolean lockWholeWriteCall() {
        return this.failNextKind == FailureKind.UNABLE_TO_LOCK_ROW && takeNextCall();
    }

    /** Whether one record of a write should fail with UNABLE_TO_LOCK_ROW. */
    boolean lockRecord(CallFault callFault) {
        if (callFault == CallFault.LOCK_ALL_RECORDS) {
            return true;
        }
        if (this.failNextRecords.get() > 0 && this.failNextRecords.getAndDecrement() > 0) {
            return true;
        }
        return this.failShareKind == FailureKind.UNABLE_TO_LOCK_ROW && this.failShare > 0 && chance(this.failShare);
    }

    private boolean chance(double share) {
        synchronized (this.random) {
            return this.random.nextDouble() < share;
        }
    }

    /** The fault chosen for one call. */
    enum CallFault {

        /** No fault for this call. */
        NONE,
        /** Answer 503. */
        UNAVAILABLE,
        /** Fail every record the call writes with UNABLE_TO_LOCK_ROW. */
        LOCK_ALL_RECORDS,
        /** Work not started by an API call (Bulk processing): never spends a "next call" fault. */
        BACKGROUND

    }

    /** How an ingest job is to fail: after how many processed rows, with which message. */
    record BulkJobFailure(String errorMessage, int afterRecords) {
    }

    /** A configured validation rule. */
    record ValidationRule(String sobject, String field, Predicate<Map<String, Object>> invalidWhen, String message) {
    }

}
