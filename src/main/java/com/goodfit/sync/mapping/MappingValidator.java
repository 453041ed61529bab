package com.goodfit.sync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.SourceObject;
import com.goodfit.sync.salesforce.FieldDescribe;
import com.goodfit.sync.salesforce.SObjectDescribe;

/**
 * Checks a job's mappings against the org's describe before any data moves: every target must exist, be writable
 * for what the mode does, and have a type that can hold the source field; the external id {@code GoodFit_ID__c} must
 * exist as a unique external id. Problems name the job file and line.
 */
public final class MappingValidator {

    private final FieldDirectory directory;

    public MappingValidator(FieldDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param job the job definition
     * @param object which of its objects to check
     * @param describe the org's describe of that object
     * @return the mapped fields as the org spells them, by the job's spelling
     * @throws JobDefinitionException listing every problem
     */
    public Map<String, FieldDescribe> validate(JobDefinition job, SourceObject object, SObjectDescribe describe) {
        List<String> problems = new ArrayList<>();
        Map<String, FieldDescribe> fields = new LinkedHashMap<>();
        boolean creates = (object == SourceObject.ACCOUNT) ? job.accountMode() == AccountMode.CREATE_AND_UPDATE
                : job.contactMode() == ContactMode.CREATE_AND_UPDATE;
        String sobject = describe.name();
        Optional<FieldDescribe> externalId = describe.field(JobDefinition.EXTERNAL_ID_FIELD);
        if (externalId.isEmpty() || !externalId.get().externalId() || !externalId.get().unique()) {
            problems.add(job.file() + ": " + sobject + "." + JobDefinition.EXTERNAL_ID_FIELD + " is "
                    + (externalId.isEmpty() ? "missing" : "not a unique external id") + " in the org. The connector "
                    + "needs it to make creates idempotent: create it in Setup > Object Manager > " + sobject
                    + " > Fields as Text(255), External ID, Unique (case-insensitive), or run 'goodfit-sync "
                    + "provision-fields " + job.name() + "'");
        }
        else {
            fields.put(JobDefinition.EXTERNAL_ID_FIELD, externalId.get());
        }
        List<FieldMapping> mappings = (object == SourceObject.ACCOUNT) ? job.accountMappings()
                : job.contactMappings();
        for (FieldMapping mapping : mappings) {
            FieldDefinition source = this.directory.find(object, mapping.source()).orElseThrow();
            for (TargetField target : mapping.targets()) {
                String where = job.file() + ":" + target.line() + ": ";
                Optional<FieldDescribe> found = describe.field(target.field());
                if (found.isEmpty()) {
                    problems.add(where + "unknown " + sobject + " field '" + target.field() + "': the org has no "
                            + "such field, or the integration user cannot see it (check the name and field-level "
                            + "security; 'provision-fields' creates missing GoodFit fields)");
                    continue;
                }
                FieldDescribe field = found.get();
                if (!field.updateable() && !(creates && field.createable())) {
                    problems.add(where + sobject + " field '" + field.name() + "' is read-only for the integration "
                            + "user (not updateable" + (creates ? " or createable" : "") + ")");
                }
                else if (!field.updateable()) {
                    problems.add(where + sobject + " field '" + field.name() + "' can be set on create but not "
                            + "updated; the connector updates matched records, so it cannot be mapped");
                }
                String type = field.type().toLowerCase(Locale.ROOT);
                if (!SalesforceTypes.canHold(type, source.type())) {
                    problems.add(where + sobject + " field '" + field.name() + "' is of type " + type
                            + ", which cannot hold source field '" + source.key() + "' of type "
                            + source.type().name().toLowerCase(Locale.ROOT) + " (expected "
                            + SalesforceTypes.holdersOf(source.type()) + ")");
                }
                fields.put(target.field(), field);
            }
        }
        if (!problems.isEmpty()) {
            throw new JobDefinitionException(problems);
        }
        return fields;
    }

}
