package com.goodfit.sync.emulator;

/**
 * Faults the emulator can inject.
 */
public enum FailureKind {

    /** The whole call fails with HTTP 503 {@code SERVER_UNAVAILABLE}. */
    SERVER_UNAVAILABLE_503,

    /**
     * Records fail with {@code UNABLE_TO_LOCK_ROW} inside an otherwise successful write (a record-level error in
     * collections and Bulk results, a 400 on single-record calls).
     */
    UNABLE_TO_LOCK_ROW

}
