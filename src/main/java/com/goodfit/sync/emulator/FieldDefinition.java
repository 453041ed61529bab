package com.goodfit.sync.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of an emulated sObject, carrying what describe reports and what the org rules enforce.
 */
record FieldDefinition(String name, String label, FieldType type, int length, int precision, int scale,
        boolean nillable, boolean createable, boolean updateable, boolean defaultedOnCreate, boolean unique,
        boolean externalId, boolean caseSensitive, boolean idLookup, boolean custom, boolean restrictedPicklist,
        List<String> picklistValues, @Nullable String referenceTo, @Nullable String relationshipName) {

    FieldDefinition {
        picklistValues = List.copyOf(picklistValues);
    }

    static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** Required on create = createable, not nillable and not defaulted (booleans never are). */
    boolean requiredOnCreate() {
        return this.createable && !this.nillable && !this.defaultedOnCreate && this.type != FieldType.BOOLEAN;
    }

    /** Whether string comparisons and unique checks on this field ignore case. */
    boolean ignoresCase() {
        return !(this.unique && this.caseSensitive);
    }

    /** Fluent builder so the standard object catalogue reads as a table. */
    static final class Builder {

        private final String name;

        private final FieldType type;

        private String label;

        private int length;

        private int precision;

        private int scale;

        private boolean nillable = true;

        private boolean createable = true;

        private boolean updateable = true;

        private boolean defaultedOnCreate;

        private boolean unique;

        private boolean externalId;

        private boolean caseSensitive;

        private boolean idLookup;

        private boolean custom;

        private boolean restricted;

        private List<String> picklist = List.of();

        private String referenceTo;

        private String relationshipName;

        Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.label = name.replace("__c", "").replace('_', ' ');
            this.custom = name.endsWith("__c");
        }

        Builder label(String label) {
            this.label = label;
            return this;
        }

        Builder length(int length) {
            this.length = length;
            return this;
        }

        Builder number(int precision, int scale) {
            this.precision = precision;
            this.scale = scale;
            return this;
        }

        Builder required() {
            this.nillable = false;
            return this;
        }

        Builder readOnly() {
            this.createable = false;
            this.updateable = false;
            return this;
        }

        Builder system() {
            this.createable = false;
            this.updateable = false;
            this.nillable = false;
            this.defaultedOnCreate = true;
            return this;
        }

        Builder defaulted() {
            this.defaultedOnCreate = true;
            return this;
        }

        Builder externalId(boolean unique, boolean caseSensitive) {
            this.externalId = true;
            this.idLookup = true;
            this.unique = unique;
            this.caseSensitive = caseSensitive;
            return this;
        }

        Builder unique() {
            this.unique = true;
            return this;
        }

        Builder idLookup() {
            this.idLookup = true;
            return this;
        }

        Builder picklist(boolean restricted, String... values) {
            this.restricted = restricted;
            this.picklist = List.of(values);
            return this;
        }

        Builder reference(String referenceTo, String relationshipName) {
            this.referenceTo = referenceTo;
            this.relationshipName = relationshipName;
            return this;
        }

        FieldDefinition build() {
            return new FieldDefinition(this.name, this.label, this.type, this.length, this.precision, this.scale,
                    this.nillable, this.createable, this.updateable, this.defaultedOnCreate, this.unique,
                    this.externalId, this.caseSensitive, this.idLookup, this.custom, this.restricted, this.picklist,
                    this.referenceTo, this.relationshipName);
        }

    }

}
