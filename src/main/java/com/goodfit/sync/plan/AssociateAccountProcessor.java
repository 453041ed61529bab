package com.goodfit.sync.plan;

import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.source.FieldDirectory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Puts a created Contact under the Account linked to its company: the create gets {@code AccountId}, or, when the
 * company has no Account in Salesforce (not synced, skipped, or the accounts mode is update-only), the contact is
 * skipped with {@code ACCOUNT_NOT_SYNCED}. Updates are left alone: an existing Contact's {@code AccountId} only
 * changes when the job maps {@code account} to it (with {@code override}), which the field strategies handle.
 */
public final class AssociateAccountProcessor implements ItemProcessor<PlannedWrite, PlannedWrite> {

    /** Skip reason for a contact whose company has no Account in Salesforce. */
    public static final String ACCOUNT_NOT_SYNCED = "ACCOUNT_NOT_SYNCED";

    static final String ACCOUNT_ID = "AccountId";

    @Override
    public PlannedWrite process(PlannedWrite write) {
        if (write.operation() != Operation.CREATE) {
            return write;
        }
        Object account = write.source().value(FieldDirectory.CONTACT_ACCOUNT);
        if (FieldValues.isEmpty(account)) {
            return PlannedWrite.skip(write.source(), write.matchKey(), ACCOUNT_NOT_SYNCED,
                    "company " + write.source().companyId() + " has no Account in Salesforce (see its outcome in "
                            + "the accounts of this run), so the Contact cannot be created under it");
        }
        if (write.changes().stream().anyMatch(change -> change.field().equalsIgnoreCase(ACCOUNT_ID))) {
            return write;
        }
        List<FieldChange> changes = new ArrayList<>(write.changes());
        changes.add(new FieldChange(ACCOUNT_ID, null, account.toString()));
        return write.withChanges(changes);
    }

}
