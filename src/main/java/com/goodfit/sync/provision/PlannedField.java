package com.goodfit.sync.provision;

import java.util.Map;

/**
 * What provisioning does about one custom field a job needs.
 */
sealed interface PlannedField {

    /** @return the sObject, e.g. {@code Account} */
    String sobject();

    /** @return the field's API name */
    String field();

    /** @return {@code Object.Field__c} */
    default String fullName() {
        return sobject() + "." + field();
    }

    /**
     * The field is missing: create it.
     *
     * @param sobject the sObject
     * @param field the API name
     * @param metadata the Tooling metadata (label, type, ...)
     */
    record Create(String sobject, String field, Map<String, Object> metadata) implements PlannedField {

        public Create {
            metadata = Map.copyOf(metadata);
        }

        String label() {
            return String.valueOf(this.metadata.get("label"));
        }

    }

    /**
     * The field exists (visible in describe, or only in the Tooling API because the user has no access yet).
     *
     * @param sobject the sObject
     * @param field the API name
     * @param visible whether the integration user sees it in describe
     */
    record Exists(String sobject, String field, boolean visible) implements PlannedField {
    }

    /**
     * The field is missing and cannot be created.
     *
     * @param sobject the sObject
     * @param field the API name
     * @param reason why, in words a user can act on
     */
    record Uncreatable(String sobject, String field, String reason) implements PlannedField {
    }

}
