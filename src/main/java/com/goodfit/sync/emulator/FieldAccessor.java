package com.goodfit.sync.emulator;

import org.jspecify.annotations.Nullable;

/**
 * Reads one selected or filtered field from a row: either the row's own field or, for a path such as
 * {@code Account.Name}, a field of the parent record the lookup points at.
 *
 * @param field the field read
 * @param slot its slot in the row (own field) or in the parent row
 * @param referenceSlot the lookup slot on the row for a parent field, or -1
 * @param parent the parent table for a parent field, or null
 * @param relationshipName the relationship name for a parent field (e.g. {@code Account}), or null
 */
record FieldAccessor(FieldDefinition field, int slot, int referenceSlot, @Nullable ObjectTable parent,
        @Nullable String relationshipName) {

    static FieldAccessor own(FieldDefinition field, int slot) {
        return new FieldAccessor(field, slot, -1, null, null);
    }

    boolean isParentField() {
        return this.parent != null;
    }

    @Nullable
    Object value(Row row) {
        if (this.parent == null) {
            return row.get(this.slot);
        }
        Row parentRow = parentRow(row);
        return (parentRow != null) ? parentRow.get(this.slot) : null;
    }

    @Nullable
    Row parentRow(Row row) {
        Object parentId = row.get(this.referenceSlot);
        return (parentId != null && this.parent != null) ? this.parent.byId(parentId.toString()) : null;
    }

}
