package com.goodfit.sync.plan;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies the job's sync mode: in update-only mode a record without a match is skipped instead of created.
 */
public final class ApplySyncModeProcessor implements ItemProcessor<PlannedWrite, PlannedWrite> {

    /** Skip reason for a record that has no match while the mode forbids creating. */
    public static final String UPDATE_ONLY_NO_MATCH = "UPDATE_ONLY_NO_MATCH";

    private final boolean mayCreate;

    private final String objectNoun;

    /**
     * @param mayCreate whether the mode creates records ({@code create-and-update})
     * @param objectNoun the Salesforce object, for the message ({@code Account})
     */
    public ApplySyncModeProcessor(boolean mayCreate, String objectNoun) {
        this.mayCreate = mayCreate;
        this.objectNoun = objectNoun;
    }

    @Override
    public PlannedWrite process(PlannedWrite write) {
        if (write.operation() == Operation.CREATE && !this.mayCreate) {
            return PlannedWrite.skip(write.source(), write.matchKey(), UPDATE_ONLY_NO_MATCH,
                    "no existing " + this.objectNoun + " matches and the mode is update-only");
        }
        return write;
    }

}
