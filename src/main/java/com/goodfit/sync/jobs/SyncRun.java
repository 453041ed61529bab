package com.goodfit.sync.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.Locale;

import com.goodfit.sync.mapping.FieldMapping;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.TargetField;
import com.goodfit.sync.plan.FieldRule;
import com.goodfit.sync.plan.ValueKind;
import com.goodfit.sync.salesforce.FieldDescribe;
import com.goodfit.sync.salesforce.SObjectDescribe;
import com.goodfit.sync.salesforce.SalesforceClients;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.SourceObject;

/**
 * Everything one launch of a sync job shares between its steps: the definition, the org's clients and what the
 * validate step learnt from the org's describe. Built anew in every process, so a restart rebuilds it.
 */
final class SyncRun {

    private final JobDefinition definition;

    private final SalesforceClients clients;

    private final FieldDirectory directory;

    private final Map<SourceObject, Map<String, FieldDescribe>> fields = new LinkedHashMap<>();

    private final Map<SourceObject, SObjectDescribe> describes = new LinkedHashMap<>();

    SyncRun(JobDefinition definition, SalesforceClients clients, FieldDirectory directory) {
        this.definition = definition;
        this.clients = clients;
        this.directory = directory;
    }

    JobDefinition definition() {
        return this.definition;
    }

    SalesforceClients clients() {
        return this.clients;
    }

    FieldDirectory directory() {
        return this.directory;
    }

    void validated(SourceObject object, SObjectDescribe describe, Map<String, FieldDescribe> describedFields) {
        this.describes.put(object, describe);
        this.fields.put(object, Map.copyOf(describedFields));
    }

    /** The fields an insert must set, as the describe says (createable, not nillable, not defaulted). */
    Set<String> requiredOnCreate(SourceObject object) {
        SObjectDescribe describe = this.describes.get(object);
        if (describe == null) {
            throw new IllegalStateException("the validate step has not run for " + object);
        }
        return describe.fields()
            .stream()
            .filter(FieldDescribe::requiredOnCreate)
            .map(FieldDescribe::name)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Length and picklist rules of the mapped fields, with each target's truncate option. */
    Map<String, FieldRule> fieldRules(SourceObject object) {
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        for (FieldMapping mapping : canonicalMappings(object)) {
            for (TargetField target : mapping.targets()) {
                FieldDescribe field = described(object).values()
                    .stream()
                    .filter(f -> f.name().equals(target.field()))
                    .findFirst()
                    .orElseThrow();
                Set<String> allowed = field.restrictedPicklist() ? field.picklistValues()
                    .stream()
                    .filter(FieldDescribe.PicklistValue::active)
                    .map(FieldDescribe.PicklistValue::value)
                    .collect(Collectors.toSet()) : Set.of();
                rules.put(field.name(), new FieldRule(field.name(), isText(field) ? field.length() : 0, allowed,
                        target.truncate()));
            }
        }
        return rules;
    }

    private static boolean isText(FieldDescribe field) {
        return Set.of("string", "textarea", "url", "email", "phone", "picklist", "multipicklist", "combobox",
                "encryptedstring").contains(field.type().toLowerCase(Locale.ROOT));
    }

    List<FieldMapping> mappings(SourceObject object) {
        return (object == SourceObject.ACCOUNT) ? this.definition.accountMappings()
                : this.definition.contactMappings();
    }

    /**
     * The mappings with every target spelled as the org spells it, so values compare with what queries return.
     * @param object accounts or contacts
     * @return the mappings, after the validate step
     */
    List<FieldMapping> canonicalMappings(SourceObject object) {
        Map<String, FieldDescribe> described = described(object);
        return mappings(object).stream()
            .map(mapping -> new FieldMapping(mapping.source(), mapping.targets()
                .stream()
                .map(target -> new TargetField(described.get(target.field()).name(), target.strategy(),
                        target.clearWhenEmpty(), target.truncate(), target.line()))
                .toList(), mapping.line()))
            .toList();
    }

    /** The mapped fields as the org spells them, plus the external id, for the index query. */
    List<String> indexedFields(SourceObject object) {
        return described(object).values().stream().map(FieldDescribe::name).distinct().toList();
    }

    Map<String, ValueKind> kinds(SourceObject object) {
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        described(object).values()
            .forEach(describe -> kinds.put(describe.name(), ValueKind.ofSalesforceType(describe.type())));
        return kinds;
    }

    /**
     * The key field: the first target of the {@code domain} mapping for Accounts, of {@code email} for Contacts,
     * as the job spells it (Salesforce API names are case-insensitive).
     */
    String keyField(SourceObject object) {
        String source = (object == SourceObject.ACCOUNT) ? "domain" : "email";
        return mappings(object).stream()
            .filter(mapping -> mapping.source().equals(source))
            .findFirst()
            .map(mapping -> mapping.targets().get(0).field())
            .orElseThrow(() -> new IllegalStateException("validated job maps no '" + source + "'"));
    }

    private Map<String, FieldDescribe> described(SourceObject object) {
        Map<String, FieldDescribe> described = this.fields.get(object);
        if (described == null) {
            throw new IllegalStateException("the validate step has not run for " + object);
        }
        return described;
    }

}
