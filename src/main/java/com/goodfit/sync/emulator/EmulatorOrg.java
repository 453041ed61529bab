package com.goodfit.sync.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The emulated org's data: objects, records and schema. Its public methods seed and inspect records directly,
 * bypassing the API (no call is counted and no org rule runs except type conversion). Thread-safe: one
 * read-write lock guards all objects, so each API request sees and changes a consistent org.
 */
public final class EmulatorOrg {

    private final String orgId;

    private final String userId;

    private final Map<String, ObjectTable> tables = new LinkedHashMap<>();

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final AtomicLong sequence = new AtomicLong(100_000);

    private final DmlEngine dml;

    private final EmulatorControl control;

    // Custom fields created through the Tooling API, "object.field" in lower case: subject to field permissions.
    private final Set<String> guardedFields = ConcurrentHashMap.newKeySet();

    EmulatorOrg(boolean withGoodFitId, EmulatorControl control) {
        this.orgId = SalesforceId.of("00D", 4242);
        this.userId = SalesforceId.of("005", 4242);
        for (SObjectType type : StandardObjects.create(withGoodFitId)) {
            this.tables.put(type.name().toLowerCase(Locale.ROOT), new ObjectTable(type));
        }
        this.dml = new DmlEngine(this, control);
        this.control = control;
        Object[] user = new Object[table("User").type().fieldCount()];
        SObjectType userType = table("User").type();
        user[SObjectType.ID_SLOT] = this.userId;
        user[userType.slotOf("IsDeleted")] = Boolean.FALSE;
        user[userType.slotOf("Username")] = "integration@goodfit.example";
        user[userType.slotOf("LastName")] = "Integration";
        user[userType.slotOf("Name")] = "GoodFit Integration";
        user[userType.slotOf("Email")] = "integration@goodfit.example";
        stamp(userType, user, now(), true);
        table("User").insert(new Row(user));
    }

    /** The 18-character organization Id. */
    public String orgId() {
        return this.orgId;
    }

    /** The 18-character Id of the integration user every token acts as. */
    public String userId() {
        return this.userId;
    }

    /** Inserts a record with the current time as CreatedDate and returns its new Id. */
    public String insert(String sobject, Map<String, Object> fields) {
        return insert(sobject, fields, null);
    }

    /**
     * Inserts a record and returns its new Id. Values are converted to the field's type ({@link Instant} or ISO
     * text for datetimes); unknown fields are rejected.
     * @param createdDate the CreatedDate to record, or null for now
     */
    public String insert(String sobject, Map<String, Object> fields, Instant createdDate) {
        ObjectTable table = requireTable(sobject);
        SObjectType type = table.type();
        Object[] values = new Object[type.fieldCount()];
        for (int slot = 0; slot < values.length; slot++) {
            if (type.field(slot).type() == FieldType.BOOLEAN) {
                values[slot] = Boolean.FALSE;
            }
        }
        int ownerSlot = type.slotOf("OwnerId");
        if (ownerSlot >= 0) {
            values[ownerSlot] = this.userId;
        }
        fields.forEach((name, value) -> {
            int slot = type.slotOf(name);
            if (slot < 0) {
                throw new IllegalArgumentException("No such field " + sobject + "." + name);
            }
            values[slot] = convert(type.field(slot), value);
        });
        derive(type, values);
        return write(() -> {
            String id = nextId(type);
            values[SObjectType.ID_SLOT] = id;
            stamp(type, values, (createdDate != null) ? createdDate.toEpochMilli() : now(), true);
            table.insert(new Row(values));
            return id;
        });
    }

    /** The record with this Id (deleted ones included, with IsDeleted true), field values by API name. */
    public Optional<Map<String, Object>> get(String sobject, String id) {
        ObjectTable table = requireTable(sobject);
        return read(() -> SalesforceId.normalise(id).map(table::byId).map(row -> toMap(table.type(), row)));
    }

    /** All live records of an object in creation order. */
    public List<Map<String, Object>> all(String sobject) {
        ObjectTable table = requireTable(sobject);
        return read(() -> {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Row row : table.rows()) {
                if (!table.isDeleted(row)) {
                    all.add(toMap(table.type(), row));
                }
            }
            return all;
        });
    }

    /** The number of live records of an object. */
    public long count(String sobject) {
        ObjectTable table = requireTable(sobject);
        return read(table::liveCount);
    }

    /** Soft-deletes a record: it then shows only in queryAll, and writes to it fail with ENTITY_IS_DELETED. */
    public void delete(String sobject, String id) {
        ObjectTable table = requireTable(sobject);
        write(() -> {
            Row row = SalesforceId.normalise(id).map(table::byId).orElseThrow(
                    () -> new IllegalArgumentException("No " + sobject + " with Id " + id));
            softDeleteWithChildren(table, row, now());
            return null;
        });
    }

    /**
     * Permanently removes soft-deleted records and, for Accounts, their deleted Contacts (hardDelete), in one pass
     * over each table. Callers hold the write lock.
     */
    void purgeDeleted(ObjectTable table, List<String> ids) {
        Set<String> parents = new HashSet<>(ids);
        if (parents.isEmpty()) {
            return;
        }
        if (table.type().name().equals("Account")) {
            ObjectTable contacts = table("Contact");
            int accountSlot = contacts.type().slotOf("AccountId");
            contacts.removeDeletedIf(contact -> parents.contains(contact.get(accountSlot)));
        }
        table.removeDeletedIf(row -> parents.contains(row.id()));
    }

    /**
     * Soft-deletes a record and, as Salesforce does for an Account, the Contacts under it; returns every row it
     * deleted so a rollback can restore them. Callers hold the write lock.
     */
    List<Row> softDeleteWithChildren(ObjectTable table, Row row, long now) {
        List<Row> deleted = new ArrayList<>();
        table.softDelete(row, now);
        deleted.add(row);
        if (table.type().name().equals("Account")) {
            ObjectTable contacts = table("Contact");
            for (Row contact : contacts.find(contacts.type().slotOf("AccountId"), row.id())) {
                contacts.softDelete(contact, now);
                deleted.add(contact);
            }
        }
        return deleted;
    }

    /** Overrides a record's CreatedDate. */
    public void setCreatedDate(String sobject, String id, Instant createdDate) {
        ObjectTable table = requireTable(sobject);
        write(() -> {
            Row row = SalesforceId.normalise(id).map(table::byId).orElseThrow(
                    () -> new IllegalArgumentException("No " + sobject + " with Id " + id));
            row.set(table.type().slotOf("CreatedDate"), createdDate.toEpochMilli());
            return null;
        });
    }

    /** Adds a custom field, as the Tooling API does; it then appears in describe and is queryable and writable. */
    public void addCustomField(String sobject, CustomFieldSpec spec) {
        addField(sobject, spec.toDefinition());
    }

    /** Whether the object has a field with this API name (case-insensitive). */
    public boolean hasField(String sobject, String field) {
        return requireTable(sobject).type().slotOf(field) >= 0;
    }

    void addField(String sobject, FieldDefinition field) {
        ObjectTable table = requireTable(sobject);
        write(() -> {
            if (table.type().slotOf(field.name()) >= 0) {
                throw new IllegalArgumentException("Field exists: " + sobject + "." + field.name());
            }
            table.type().addField(field);
            table.indexIfKey(table.type().slotOf(field.name()));
            return null;
        });
    }

    /** Adds a field the Tooling API created: it is guarded by field permissions when those are enforced. */
    void addGuardedField(String sobject, FieldDefinition field) {
        addField(sobject, field);
        this.guardedFields.add(FieldAccess.key(requireTable(sobject).type().name(), field.name()));
    }

    Set<String> guardedFields() {
        return this.guardedFields;
    }

    /** The API user's current field access. */
    FieldAccess fieldAccess() {
        return FieldAccess.of(this, this.control);
    }

    ObjectTable table(String sobject) {
        return (sobject != null) ? this.tables.get(sobject.toLowerCase(Locale.ROOT)) : null;
    }

    List<ObjectTable> tables() {
        return List.copyOf(this.tables.values());
    }

    private ObjectTable requireTable(String sobject) {
        ObjectTable table = table(sobject);
        if (table == null) {
            throw new IllegalArgumentException("No such sObject: " + sobject);
        }
        return table;
    }

    DmlEngine dml() {
        return this.dml;
    }

    <T> T read(Supplier<T> action) {
        this.lock.readLock().lock();
        try {
            return action.get();
        }
        finally {
            this.lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        this.lock.writeLock().lock();
        try {
            return action.get();
        }
        finally {
            this.lock.writeLock().unlock();
        }
    }

    long now() {
        return System.currentTimeMillis();
    }

    String nextId(SObjectType type) {
        return SalesforceId.of(type.keyPrefix(), this.sequence.incrementAndGet());
    }

    void stamp(SObjectType type, Object[] values, long now, boolean created) {
        Long boxed = now;
        if (created) {
            values[type.createdDateSlot()] = boxed;
            values[type.createdByIdSlot()] = this.userId;
        }
        values[type.lastModifiedByIdSlot()] = this.userId;
        values[type.lastModifiedDateSlot()] = boxed;
        values[type.systemModstampSlot()] = boxed;
    }

    /** Fills computed fields, e.g. Contact.Name from FirstName and LastName. */
    void derive(SObjectType type, Object[] values) {
        if (type.name().equals("Contact")) {
            Object first = values[type.slotOf("FirstName")];
            Object last = values[type.slotOf("LastName")];
            values[type.slotOf("Name")] = (first == null) ? last : (last == null) ? first : first + " " + last;
        }
    }

    private static Object convert(FieldDefinition field, Object value) {
        if (value instanceof Instant instant && field.type() == FieldType.DATETIME) {
            return instant.toEpochMilli();
        }
        if (value instanceof LocalDate date && field.type() == FieldType.DATE) {
            return date;
        }
        return field.type().coerce(value);
    }

    static Map<String, Object> toMap(SObjectType type, Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int slot = 0; slot < type.fieldCount(); slot++) {
            FieldDefinition field = type.field(slot);
            Object value = row.get(slot);
            if (value != null && field.type() == FieldType.DATETIME) {
                value = Instant.ofEpochMilli((Long) value);
            }
            else if (value instanceof Long number && field.type() == FieldType.INT) {
                value = number.intValue();
            }
            map.put(field.name(), value);
        }
        return map;
    }

}
