package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of one emulated sObject: its fields in slot order and a case-insensitive name lookup.
 * Fields can be added at runtime (Tooling API); readers see an immutable snapshot, so no locking is needed.
 */
final class SObjectType {

    static final int ID_SLOT = 0;

    private final String name;

    private final String label;

    private final String keyPrefix;

    private volatile Snapshot snapshot;

    // Slots of the system fields every write touches; fields are only ever appended, so these never move.
    private final int createdDateSlot;

    private final int lastModifiedDateSlot;

    private final int systemModstampSlot;

    private final int ownerIdSlot;

    private final int createdByIdSlot;

    private final int lastModifiedByIdSlot;

    SObjectType(String name, String label, String keyPrefix, List<FieldDefinition> fields) {
        this.name = name;
        this.label = label;
        this.keyPrefix = keyPrefix;
        if (!fields.get(ID_SLOT).name().equals("Id")) {
            throw new IllegalArgumentException("Id must be the first field");
        }
        this.snapshot = Snapshot.of(fields);
        this.createdDateSlot = slotOf("CreatedDate");
        this.lastModifiedDateSlot = slotOf("LastModifiedDate");
        this.systemModstampSlot = slotOf("SystemModstamp");
        this.ownerIdSlot = slotOf("OwnerId");
        this.createdByIdSlot = slotOf("CreatedById");
        this.lastModifiedByIdSlot = slotOf("LastModifiedById");
    }

    int createdByIdSlot() {
        return this.createdByIdSlot;
    }

    int lastModifiedByIdSlot() {
        return this.lastModifiedByIdSlot;
    }

    int createdDateSlot() {
        return this.createdDateSlot;
    }

    int lastModifiedDateSlot() {
        return this.lastModifiedDateSlot;
    }

    int systemModstampSlot() {
        return this.systemModstampSlot;
    }

    /** The OwnerId slot, or -1 when the object has no owner. */
    int ownerIdSlot() {
        return this.ownerIdSlot;
    }

    String name() {
        return this.name;
    }

    String label() {
        return this.label;
    }

    String keyPrefix() {
        return this.keyPrefix;
    }

    List<FieldDefinition> fields() {
        return this.snapshot.fields;
    }

    int fieldCount() {
        return this.snapshot.fields.size();
    }

    FieldDefinition field(int slot) {
        return this.snapshot.fields.get(slot);
    }

    /** The slot of a field by case-insensitive API name, or -1. */
    int slotOf(String fieldName) {
        Integer slot = this.snapshot.slots.get(fieldName.toLowerCase(Locale.ROOT));
        return (slot != null) ? slot : -1;
    }

    Optional<FieldDefinition> field(String fieldName) {
        int slot = slotOf(fieldName);
        return (slot < 0) ? Optional.empty() : Optional.of(field(slot));
    }

    synchronized void addField(FieldDefinition field) {
        List<FieldDefinition> fields = new ArrayList<>(this.snapshot.fields);
        fields.add(field);
        this.snapshot = Snapshot.of(fields);
    }

    private record Snapshot(List<FieldDefinition> fields, Map<String, Integer> slots) {

        static Snapshot of(List<FieldDefinition> fields) {
            Map<String, Integer> slots = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                slots.put(fields.get(i).name().toLowerCase(Locale.ROOT), i);
            }
            return new Snapshot(List.copyOf(fields), Map.copyOf(slots));
        }

    }

}
