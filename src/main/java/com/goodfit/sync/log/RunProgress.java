package com.goodfit.sync.log;

import org.jspecify.annotations.Nullable;

/**
 * How far a run got.
 *
 * @param step the step running now (or the last one that ran)
 * @param total source records the run selected
 * @param planned records planned so far
 * @param toApply planned writes (creates and updates)
 * @param applied planned writes done (succeeded or failed)
 */
public record RunProgress(@Nullable String step, long total, long planned, long toApply, long applied) {

    /** @return records done in the running phase, for a progress bar: planned while planning, applied after */
    public long done() {
        return isApplying() ? this.applied : this.planned;
    }

    /** @return the count {@link #done()} goes up to */
    public long goal() {
        return isApplying() ? this.toApply : this.total;
    }

    /** @return whether the run is past planning */
    public boolean isApplying() {
        return this.step != null && this.step.startsWith("apply");
    }

}
