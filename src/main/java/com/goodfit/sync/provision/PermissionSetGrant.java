package com.goodfit.sync.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.goodfit.sync.salesforce.OrgIdentity;
import com.goodfit.sync.salesforce.RecordError;
import com.goodfit.sync.salesforce.SObject;
import com.goodfit.sync.salesforce.SaveResult;
import com.goodfit.sync.salesforce.SalesforceClients;
import com.goodfit.sync.salesforce.SoqlLiteral;
import org.jspecify.annotations.Nullable;

/**
 * Gives the integration user read and edit access to the GoodFit fields through one permission set,
 * {@value #NAME}, created or updated as needed: a {@code FieldPermissions} record per field (field-level security
 * can only be granted on permission sets) and a {@code PermissionSetAssignment} to the user. Idempotent: what exists
 * already is left alone. In a dry run it only reads and lists what it would do.
 */
final class PermissionSetGrant {

    static final String NAME = "GoodFit_Sync";

    static final String LABEL = "GoodFit Sync";

    private final SalesforceClients clients;

    PermissionSetGrant(SalesforceClients clients) {
        this.clients = clients;
    }

    /**
     * @param fields the fields to grant, as {@code Object.Field__c}
     * @param user the integration user
     * @param dryRun read and list only
     * @return what was (or would be) done, one line each
     */
    List<String> grant(List<String> fields, OrgIdentity user, boolean dryRun) {
        List<String> actions = new ArrayList<>();
        String permissionSetId = existingPermissionSet().orElse(null);
        if (permissionSetId == null) {
            actions.add("create permission set " + NAME + " (\"" + LABEL + "\")");
            if (!dryRun) {
                permissionSetId = create(List.of(SObject.of("PermissionSet", Map.of("Name", NAME, "Label", LABEL,
                        "Description", "Read and edit access to the fields GoodFit syncs"))), "permission set")
                    .get(0);
            }
        }
        Map<String, SObject> granted = (permissionSetId != null) ? fieldPermissions(permissionSetId) : Map.of();
        List<SObject> creates = new ArrayList<>();
        List<SObject> updates = new ArrayList<>();
        for (String field : fields) {
            SObject existing = granted.get(field.toLowerCase(Locale.ROOT));
            if (existing == null) {
                actions.add("grant read/edit on " + field);
                creates.add(permission(permissionSetId, field));
            }
            else if (!Boolean.TRUE.equals(existing.get("PermissionsRead"))
                    || !Boolean.TRUE.equals(existing.get("PermissionsEdit"))) {
                actions.add("extend to read/edit on " + field);
                updates.add(new SObject("FieldPermissions", existing.id(),
                        Map.of("PermissionsRead", true, "PermissionsEdit", true)));
            }
        }
        boolean assigned = permissionSetId != null && isAssigned(permissionSetId, user.userId());
        if (!assigned) {
            actions.add("assign permission set " + NAME + " to " + user.username());
        }
        if (dryRun) {
            return actions;
        }
        if (!creates.isEmpty()) {
            create(creates, "field permissions");
        }
        if (!updates.isEmpty()) {
            check(this.clients.collections().update(updates), "field permissions");
        }
        if (!assigned) {
            create(List.of(SObject.of("PermissionSetAssignment", Map.of("AssigneeId", user.userId(),
                    "PermissionSetId", permissionSetId))), "permission set assignment");
        }
        return actions;
    }

    private Optional<String> existingPermissionSet() {
        return this.clients.query()
            .query("SELECT Id FROM PermissionSet WHERE Name = " + SoqlLiteral.quote(NAME))
            .map(SObject::id)
            .findFirst();
    }

    private Map<String, SObject> fieldPermissions(String permissionSetId) {
        Map<String, SObject> byField = new HashMap<>();
        this.clients.query()
            .query("SELECT Id, Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ParentId = "
                    + SoqlLiteral.quote(permissionSetId))
            .forEach(record -> byField.put(String.valueOf(record.get("Field")).toLowerCase(Locale.ROOT), record));
        return byField;
    }

    private boolean isAssigned(String permissionSetId, String userId) {
        return this.clients.query()
            .count("SELECT COUNT() FROM PermissionSetAssignment WHERE PermissionSetId = "
                    + SoqlLiteral.quote(permissionSetId) + " AND AssigneeId = " + SoqlLiteral.quote(userId)) > 0;
    }

    private static SObject permission(@Nullable String permissionSetId, String field) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("ParentId", permissionSetId);
        values.put("SobjectType", field.substring(0, field.indexOf('.')));
        values.put("Field", field);
        values.put("PermissionsRead", true);
        values.put("PermissionsEdit", true);
        return SObject.of("FieldPermissions", values);
    }

    private List<String> create(List<SObject> records, String what) {
        return check(this.clients.collections().create(records), what);
    }

    private static List<String> check(List<SaveResult> results, String what) {
        List<String> ids = new ArrayList<>();
        for (SaveResult result : results) {
            if (!result.success()) {
                RecordError error = result.errors().isEmpty() ? null : result.errors().get(0);
                throw new ProvisionException("Salesforce refused to save the " + what + ": "
                        + ((error != null) ? error.statusCode() + " " + error.message() : "no reason given")
                        + " (the integration user needs 'Manage Profiles and Permission Sets' and 'Assign Permission "
                        + "Sets')");
            }
            ids.add(result.id());
        }
        return ids;
    }

}
