package com.goodfit.sync.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.mapping.FieldMapping;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.TargetField;
import com.goodfit.sync.plan.ValueKind;
import com.goodfit.sync.salesforce.FieldDescribe;
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

    void validated(SourceObject object, Map<String, FieldDescribe> describedFields) {
        this.fields.put(object, Map.copyOf(describedFields));
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
