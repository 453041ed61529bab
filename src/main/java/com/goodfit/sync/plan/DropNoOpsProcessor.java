package com.goodfit.sync.plan;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns an update that changes nothing into {@code UNCHANGED}, so it costs no write call. Never filters: an
 * unchanged record still gets its outcome.
 */
public final class DropNoOpsProcessor implements ItemProcessor<PlannedWrite, PlannedWrite> {

    @Override
    public PlannedWrite process(PlannedWrite write) {
        if (write.operation() == Operation.UPDATE && write.changes().isEmpty()) {
            return write.withOperation(Operation.UNCHANGED);
        }
        return write;
    }

}
