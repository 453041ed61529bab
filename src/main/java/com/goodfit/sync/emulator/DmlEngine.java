package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates, updates, upserts and deletes records under the org rules, recording undo steps so an all-or-none
 * request can be rolled back. Callers hold the org's write lock for the whole request.
 */
final class DmlEngine {

    private final EmulatorOrg org;

    private final EmulatorControl control;

    private final RecordRules rules;

    DmlEngine(EmulatorOrg org, EmulatorControl control) {
        this.org = org;
        this.control = control;
        this.rules = new RecordRules(org, control);
    }

    /** One request's write session: the fault chosen for the call and the undo log. */
    static final class Session {

        private EmulatorControl.CallFault fault;

        private boolean faultDecided;

        private final List<Runnable> undo = new ArrayList<>();

        private FieldAccess access;

        Session(EmulatorControl.CallFault fault) {
            this.fault = fault;
        }

        void rollback() {
            rollbackTo(0);
        }

        /** A point to roll back to, so one collections request inside a composite can undo only its own part. */
        int mark() {
            return this.undo.size();
        }

        void rollbackTo(int mark) {
            for (int i = this.undo.size() - 1; i >= mark; i--) {
                this.undo.remove(i).run();
            }
        }

    }

    // Set while a Composite request runs, so every subrequest writes through one session that can be undone.
    private final ThreadLocal<Session> ambient = new ThreadLocal<>();

    /** The session of the enclosing Composite request, or a new one for this call. */
    Session session(EmulatorControl.CallFault fault) {
        Session current = this.ambient.get();
        return (current != null) ? current : new Session(fault);
    }

    /** Runs {@code work} with {@code session} as the session of every write inside it. */
    <T> T within(Session session, Supplier<T> work) {
        this.ambient.set(session);
        try {
            return work.get();
        }
        finally {
            this.ambient.remove();
        }
    }

    SaveResult create(Session session, ObjectTable table, Map<Integer, Object> input) {
        SObjectType type = table.type();
        Optional<SaveError> early = checkWritable(session, type, input, true);
        if (early.isPresent()) {
            return SaveResult.failed(null, early.get());
        }
        long now = this.org.now();
        Object[] values = new Object[type.fieldCount()];
        List<FieldDefinition> fields = type.fields();
        for (int slot = 0; slot < values.length; slot++) {
            if (fields.get(slot).type() == FieldType.BOOLEAN) {
                values[slot] = Boolean.FALSE;
            }
        }
        if (type.ownerIdSlot() >= 0) {
            values[type.ownerIdSlot()] = this.org.userId();
        }
        input.forEach((slot, value) -> values[slot] = value);
        this.org.derive(type, values);
        Optional<SaveError> broken = this.rules.check(table, values, null);
        if (broken.isPresent()) {
            return SaveResult.failed(null, broken.get());
        }
        String id = this.org.nextId(type);
        values[SObjectType.ID_SLOT] = id;
        this.org.stamp(type, values, now, true);
        Row row = new Row(values);
        table.insert(row);
        session.undo.add(() -> table.remove(row));
        return SaveResult.ok(id, true);
    }

    SaveResult update(Session session, ObjectTable table, String rawId, Map<Integer, Object> input) {
        SObjectType type = table.type();
        Optional<String> id = SalesforceId.normalise(rawId);
        if (id.isEmpty() || !id.get().startsWith(type.keyPrefix())) {
            return SaveResult.failed(null, SaveError.of("MALFORMED_ID",
                    type.label() + " ID: id value of incorrect type: " + rawId, "Id"));
        }
        Row row = table.byId(id.get());
        if (row == null) {
            return SaveResult.failed(id.get(), SaveError.of("INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id"));
        }
        return updateRow(session, table, row, input, false);
    }

    SaveResult updateRow(Session session, ObjectTable table, Row row, Map<Integer, Object> input, boolean upsert) {
        if (table.isDeleted(row)) {
            return SaveResult.failed(row.id(), SaveError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        Optional<SaveError> early = checkWritable(session, table.type(), input, false);
        if (early.isPresent()) {
            return SaveResult.failed(row.id(), early.get());
        }
        Object[] before = row.copyValues();
        Object[] values = Arrays.copyOf(before, Math.max(before.length, table.type().fieldCount()));
        input.forEach((slot, value) -> values[slot] = value);
        this.org.derive(table.type(), values);
        Optional<SaveError> broken = this.rules.check(table, values, row);
        if (broken.isPresent()) {
            return SaveResult.failed(row.id(), broken.get());
        }
        this.org.stamp(table.type(), values, this.org.now(), false);
        table.replace(row, values);
        session.undo.add(() -> table.replace(row, before));
        return SaveResult.ok(row.id(), false);
    }

    /** Upserts by an external-ID field: create when nothing matches, update on one match, fail on several. */
    SaveResult upsert(Session session, ObjectTable table, int keySlot, Map<Integer, Object> input) {
        FieldDefinition key = table.type().field(keySlot);
        Object keyValue = input.get(keySlot);
        if (keyValue == null) {
            return SaveResult.failed(null, SaveError.of("MISSING_ARGUMENT", key.name() + " not specified"));
        }
        List<Row> matches = table.find(keySlot, keyValue);
        if (matches.size() > 1) {
            List<String> ids = matches.stream().map(Row::id).toList();
            return SaveResult.failed(null, SaveError.of("DUPLICATE_EXTERNAL_ID",
                    key.name() + ": more than one record found for external id field: " + ids, key.name()));
        }
        if (matches.isEmpty()) {
            return create(session, table, input);
        }
        return updateRow(session, table, matches.get(0), input, true);
    }

    SaveResult delete(Session session, ObjectTable table, String rawId) {
        Optional<String> id = SalesforceId.normalise(rawId);
        if (id.isEmpty() || !id.get().startsWith(table.type().keyPrefix())) {
            return SaveResult.failed(null, SaveError.of("MALFORMED_ID", "malformed id " + rawId));
        }
        Row row = table.byId(id.get());
        if (row == null) {
            return SaveResult.failed(id.get(), SaveError.of("INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id"));
        }
        if (table.isDeleted(row)) {
            return SaveResult.failed(id.get(), SaveError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        if (this.control.lockRecord(decideFault(session))) {
            return SaveResult.failed(id.get(), lockError(id.get()));
        }
        List<Row> deleted = this.org.softDeleteWithChildren(table, row, this.org.now());
        ObjectTable contacts = this.org.table("Contact");
        session.undo.add(() -> {
            table.undelete(row);
            for (Row child : deleted.subList(1, deleted.size())) {
                contacts.undelete(child);
            }
        });
        return SaveResult.ok(id.get(), false);
    }

    // A pending "lock the next write call" fault is taken when the call writes its first record.
    private EmulatorControl.CallFault decideFault(Session session) {
        if (!session.faultDecided) {
            session.faultDecided = true;
            if (session.fault == EmulatorControl.CallFault.NONE && this.control.lockWholeWriteCall()) {
                session.fault = EmulatorControl.CallFault.LOCK_ALL_RECORDS;
            }
        }
        return session.fault;
    }

    private Optional<SaveError> checkWritable(Session session, SObjectType type, Map<Integer, Object> input,
            boolean create) {
        if (this.control.lockRecord(decideFault(session))) {
            return Optional.of(lockError(null));
        }
        if (create && input.containsKey(SObjectType.ID_SLOT)) {
            return Optional.of(SaveError.of("INVALID_FIELD", "cannot specify Id in an insert call"));
        }
        for (Integer slot : input.keySet()) {
            FieldDefinition field = type.field(slot);
            if (slot == SObjectType.ID_SLOT) {
                continue;
            }
            if (session.access == null) {
                session.access = this.org.fieldAccess();
            }
            if ((create ? !field.createable() : !field.updateable()) || !session.access.editable(type, field)) {
                return Optional.of(SaveError.of("INVALID_FIELD_FOR_INSERT_UPDATE",
                        "Unable to create/update fields: " + field.name()
                                + ". Please check the security settings of this field and verify that it is read/write"
                                + " for your profile or permission set.",
                        field.name()));
            }
        }
        return Optional.empty();
    }

    private SaveError lockError(String id) {
        return SaveError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: "
                + ((id != null) ? id : this.org.userId()));
    }

}
