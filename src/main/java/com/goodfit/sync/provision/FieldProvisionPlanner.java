package com.goodfit.sync.provision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.goodfit.sync.mapping.FieldMapping;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.TargetField;
import com.goodfit.sync.salesforce.FieldDescribe;
import com.goodfit.sync.salesforce.SObjectDescribe;
import com.goodfit.sync.salesforce.SalesforceClients;
import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.SourceObject;

/**
 * Decides which custom fields a job needs created: every mapping target the org's describe lacks, and
 * {@code GoodFit_ID__c} (Text(255), External ID, Unique) on Account and Contact. A missing field that the Tooling API
 * still finds exists already (the integration user just cannot see it yet). Reads only; creates nothing.
 */
final class FieldProvisionPlanner {

    private final FieldDirectory directory;

    FieldProvisionPlanner(FieldDirectory directory) {
        this.directory = directory;
    }

    List<PlannedField> plan(JobDefinition job, SalesforceClients clients) {
        List<PlannedField> planned = new ArrayList<>();
        for (SourceObject object : SourceObject.values()) {
            SObjectDescribe describe = clients.describe().describe(object.salesforceObject());
            Set<String> labels = new HashSet<>();
            describe.fields().forEach(field -> labels.add(field.label().toLowerCase(Locale.ROOT)));
            Map<String, GoodFitFieldNames.CustomFieldName> goodFitNames = GoodFitFieldNames
                .assign(this.directory.fieldsOf(object));
            Map<String, PlannedField> fields = new LinkedHashMap<>();
            fields.put(JobDefinition.EXTERNAL_ID_FIELD.toLowerCase(Locale.ROOT),
                    externalId(describe, clients, labels));
            List<FieldMapping> mappings = (object == SourceObject.ACCOUNT) ? job.accountMappings()
                    : job.contactMappings();
            for (FieldMapping mapping : mappings) {
                FieldDefinition source = this.directory.find(object, mapping.source()).orElseThrow();
                for (TargetField target : mapping.targets()) {
                    fields.computeIfAbsent(target.field().toLowerCase(Locale.ROOT),
                            (key) -> target(describe, clients, source, target.field(), goodFitNames, labels));
                }
            }
            fields.values().stream().filter(field -> field != null).forEach(planned::add);
        }
        return planned;
    }

    private PlannedField externalId(SObjectDescribe describe, SalesforceClients clients, Set<String> labels) {
        String sobject = describe.name();
        Optional<FieldDescribe> present = describe.field(JobDefinition.EXTERNAL_ID_FIELD);
        if (present.isPresent()) {
            if (!present.get().externalId() || !present.get().unique()) {
                return new PlannedField.Uncreatable(sobject, present.get().name(), "it exists but is not a unique "
                        + "external id; make it Text(255), External ID, Unique in Setup > Object Manager > " + sobject);
            }
            return new PlannedField.Exists(sobject, present.get().name(), true);
        }
        if (clients.tooling().findCustomField(sobject + "." + JobDefinition.EXTERNAL_ID_FIELD).isPresent()) {
            return new PlannedField.Exists(sobject, JobDefinition.EXTERNAL_ID_FIELD, false);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("label", distinct("GoodFit ID", labels));
        metadata.put("description", "Set by GoodFit on every record it creates or matches: the key of idempotent "
                + "upserts");
        metadata.put("type", "Text");
        metadata.put("length", 255);
        metadata.put("externalId", true);
        metadata.put("unique", true);
        metadata.put("caseSensitive", false);
        return new PlannedField.Create(sobject, JobDefinition.EXTERNAL_ID_FIELD, metadata);
    }

    private PlannedField target(SObjectDescribe describe, SalesforceClients clients, FieldDefinition source,
            String field, Map<String, GoodFitFieldNames.CustomFieldName> goodFitNames, Set<String> labels) {
        String sobject = describe.name();
        Optional<FieldDescribe> present = describe.field(field);
        if (present.isPresent()) {
            // Standard fields need no grant from us; custom ones are granted so the user can write them.
            return present.get().name().endsWith("__c") ? new PlannedField.Exists(sobject, present.get().name(), true)
                    : null;
        }
        if (!field.endsWith("__c")) {
            return new PlannedField.Uncreatable(sobject, field, "the org has no such standard field and only custom "
                    + "fields (ending in __c) can be created: check the name in the job definition");
        }
        if (!GoodFitFieldNames.isValidCustomName(field)) {
            return new PlannedField.Uncreatable(sobject, field, "not a valid custom field name (letters, digits and "
                    + "single underscores, starting with a letter, at most 40 characters before __c)");
        }
        if (clients.tooling().findCustomField(sobject + "." + field).isPresent()) {
            return new PlannedField.Exists(sobject, field, false);
        }
        GoodFitFieldNames.CustomFieldName goodFit = goodFitNames.get(source.key());
        String label = (goodFit != null && goodFit.apiName().equalsIgnoreCase(field)) ? goodFit.label()
                : GoodFitFieldNames.labelOf(field);
        CustomFieldTypes.Result result = CustomFieldTypes.metadataOf(source, distinct(label, labels));
        if (result.metadata() == null) {
            return new PlannedField.Uncreatable(sobject, field, "source field '" + source.key() + "' (" + source.type()
                .name()
                .toLowerCase(Locale.ROOT) + "): " + result.problem());
        }
        return new PlannedField.Create(sobject, field, result.metadata());
    }

    /** Labels must differ within an object; a clash gets a number, as the names do. */
    private static String distinct(String label, Set<String> labels) {
        String candidate = label;
        for (int n = 2; !labels.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " " + n;
            candidate = (label.length() + suffix.length() <= GoodFitFieldNames.MAX_LABEL) ? label + suffix
                    : label.substring(0, GoodFitFieldNames.MAX_LABEL - suffix.length()) + suffix;
        }
        return candidate;
    }

}
