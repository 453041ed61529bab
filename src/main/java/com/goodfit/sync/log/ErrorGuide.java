package com.goodfit.sync.log;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * A short built-in guide to the Salesforce error codes and skip reasons seen most, each with what usually fixes it.
 */
public final class ErrorGuide {

    private static final Map<String, String> ADVICE = Map.ofEntries(
            entry("DUPLICATES_DETECTED", "A duplicate rule in the org blocked the record. Merge or link the existing "
                    + "record, or let the integration user bypass the rule (Duplicate Rules > Action on Create/Edit: "
                    + "Allow, or a permission to bypass)."),
            entry("FIELD_CUSTOM_VALIDATION_EXCEPTION", "A validation rule in the org rejected the values (the "
                    + "message is the rule's own). Fix the source value, map the field the rule needs, or exempt "
                    + "the integration user in the rule's formula."),
            entry("REQUIRED_FIELD_MISSING", "A field the org requires on create has no value. Map a source field "
                    + "to it (the message names it), or give the field a default in Salesforce."),
            entry("STRING_TOO_LONG", "A value is longer than the Salesforce field allows. Set 'truncate: true' on "
                    + "the target in the job definition, or widen the field."),
            entry("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "The value is not one of the picklist's active values. "
                    + "Add the value to the picklist, or map a field that holds allowed values."),
            entry("UNABLE_TO_LOCK_ROW", "Another process held a lock on the record (or its parent Account) for too "
                    + "long; the client retries this. Restart the run later, away from other heavy integrations."),
            entry("INVALID_FIELD", "The field does not exist or the integration user cannot see it. Check the API "
                    + "name in the job definition and the user's field-level security."),
            entry("INVALID_FIELD_FOR_INSERT_UPDATE", "The field is read-only for the integration user (formula, "
                    + "system field, or field-level security). Remove the mapping or grant edit access."),
            entry("INSUFFICIENT_ACCESS_OR_READONLY", "The integration user may not edit this record (sharing or "
                    + "object permissions). Grant edit access on the object and the record's owner."),
            entry("ENTITY_IS_DELETED", "The linked record was deleted in Salesforce. The next run creates or "
                    + "matches it again once the link is gone; check why it was deleted."),
            entry("INVALID_CROSS_REFERENCE_KEY", "A reference (Account Id, owner) points to a record that does not "
                    + "exist or is not visible. Re-sync the Account first or check sharing."),
            entry("INVALID_EMAIL_ADDRESS", "The email is not valid for Salesforce. Fix it at the source."),
            entry("BULK_UNPROCESSED", "Salesforce did not process the record in two Bulk API jobs (the message "
                    + "gives the last job's id and Salesforce's reason, e.g. a timeout or a lock), so the run failed. "
                    + "Fix the cause if the reason names one, then start a new run of the job: a restart of this one "
                    + "sends nothing, as every record already has its outcome."),
            entry("REQUEST_LIMIT_EXCEEDED", "The org's daily API limit is used up. The run stopped; restart it after "
                    + "the rolling 24 h window frees calls, or raise the limit."),
            entry("INVALID_DOMAIN", "The company's website has no registrable domain (an IP address, localhost, "
                    + "'N/A', a bare suffix), so it cannot be matched. Fix the website at the source."),
            entry("DUPLICATE_SOURCE_DOMAIN", "Another company with a lower id has the same root domain and owns it. "
                    + "Merge the duplicates at the source, or accept that one Account stands for both."),
            entry("INVALID_EMAIL", "The contact's email is not a usable address, so it cannot be matched. Fix it "
                    + "at the source."),
            entry("DUPLICATE_SOURCE_EMAIL", "Another contact with a lower id has the same email and owns it. "
                    + "Merge the duplicates at the source."),
            entry("ACCOUNT_NOT_SYNCED", "The contact's company has no Account in Salesforce (not synced yet, "
                    + "skipped, or Accounts are update-only). Sync the company first."),
            entry("AMBIGUOUS_MATCH", "Several Accounts share the root domain; the oldest was used. Merge the "
                    + "duplicates in Salesforce to make the match certain."),
            entry("UPDATE_ONLY_NO_MATCH", "The job is in update-only mode and no existing record matched, so none was "
                    + "created. Switch the mode to create-and-update to create them."),
            entry("TRUNCATED", "A value was cut to the field's length because the target says 'truncate: true'."));

    private ErrorGuide() {
    }

    /**
     * @param code a Salesforce status code or one of our skip reasons and warnings
     * @return what usually fixes it, when the guide knows the code
     */
    public static Optional<String> adviceFor(String code) {
        return Optional.ofNullable(ADVICE.get(code));
    }

}
