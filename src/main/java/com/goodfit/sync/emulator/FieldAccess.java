package com.goodfit.sync.emulator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Field-level security for custom fields created through the Tooling API, when
 * {@link EmulatorControl#enforceFieldPermissions(boolean)} is on: such a field is invisible to the API user (absent
 * from describe, {@code INVALID_FIELD} in SOQL and request bodies) until a {@code FieldPermissions} record on a
 * permission set assigned to the user grants read, and read-only until it grants edit. An immutable snapshot.
 */
final class FieldAccess {

    /** Everything visible and editable (enforcement off, or no guarded fields). */
    static final FieldAccess ALL = new FieldAccess(Set.of(), Set.of(), Set.of());

    private final Set<String> guarded;

    private final Set<String> readable;

    private final Set<String> editable;

    private FieldAccess(Set<String> guarded, Set<String> readable, Set<String> editable) {
        this.guarded = guarded;
        this.readable = readable;
        this.editable = editable;
    }

    static String key(String sobject, String field) {
        return (sobject + "." + field).toLowerCase(Locale.ROOT);
    }

    /** The current access of the integration user; callers may hold the org lock or not. */
    static FieldAccess of(EmulatorOrg org, EmulatorControl control) {
        Set<String> guarded = org.guardedFields();
        if (!control.enforceFieldPermissions() || guarded.isEmpty()) {
            return ALL;
        }
        return org.read(() -> {
            Set<String> assignedSets = new HashSet<>();
            ObjectTable assignments = org.table("PermissionSetAssignment");
            int assignee = assignments.type().slotOf("AssigneeId");
            int permissionSet = assignments.type().slotOf("PermissionSetId");
            for (Row row : assignments.rows()) {
                if (!assignments.isDeleted(row) && org.userId().equals(row.get(assignee))) {
                    assignedSets.add((String) row.get(permissionSet));
                }
            }
            Set<String> readable = new HashSet<>();
            Set<String> editable = new HashSet<>();
            ObjectTable permissions = org.table("FieldPermissions");
            SObjectType type = permissions.type();
            for (Row row : permissions.rows()) {
                if (permissions.isDeleted(row) || !assignedSets.contains(row.get(type.slotOf("ParentId")))) {
                    continue;
                }
                String field = String.valueOf(row.get(type.slotOf("Field"))).toLowerCase(Locale.ROOT);
                boolean read = Boolean.TRUE.equals(row.get(type.slotOf("PermissionsRead")));
                if (read) {
                    readable.add(field);
                    if (Boolean.TRUE.equals(row.get(type.slotOf("PermissionsEdit")))) {
                        editable.add(field);
                    }
                }
            }
            return new FieldAccess(Set.copyOf(guarded), readable, editable);
        });
    }

    boolean visible(SObjectType type, FieldDefinition field) {
        if (this.guarded.isEmpty() || !field.custom()) {
            return true;
        }
        String key = key(type.name(), field.name());
        return !this.guarded.contains(key) || this.readable.contains(key);
    }

    boolean editable(SObjectType type, FieldDefinition field) {
        if (this.guarded.isEmpty() || !field.custom()) {
            return true;
        }
        String key = key(type.name(), field.name());
        return !this.guarded.contains(key) || this.editable.contains(key);
    }

}
