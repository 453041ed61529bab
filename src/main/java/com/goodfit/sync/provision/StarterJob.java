package com.goodfit.sync.provision;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.mapping.YamlEnum;
import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;

/**
 * Writes the YAML of a starter job definition: every field of {@code field_definitions} mapped to its standard
 * Salesforce field where one fits, else to its GoodFit custom field, with the default strategies.
 */
final class StarterJob {

    private final FieldDirectory directory;

    StarterJob(FieldDirectory directory) {
        this.directory = directory;
    }

    String yaml(String name, SalesforceEnvironment environment, @Nullable URI loginUrl) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Starter job written by 'goodfit-sync init-job ").append(name).append("'. Next steps:\n")
            .append("#   goodfit-sync connect ").append(name).append("            # log in once; stores the credentials encrypted\n")
            .append("#   goodfit-sync provision-fields ").append(name).append(" --dry-run   # then without --dry-run\n")
            .append("#   goodfit-sync run jobs/").append(name).append(".yml --dry-run\n")
            .append("# Strategies are the defaults: update-if-empty for Account Name and Website, override elsewhere.\n")
            .append("name: ").append(name).append('\n')
            .append("salesforce:\n")
            .append("  environment: ").append(YamlEnum.nameOf(environment)).append('\n');
        if (loginUrl != null) {
            yaml.append("  login-url: ").append(loginUrl).append('\n');
        }
        yaml.append("  api-version: \"62.0\"\n")
            .append("  auth: refresh-token              # 'connect' stores it; or jwt-bearer with username\n")
            .append("modes:\n")
            .append("  accounts: create-and-update\n")
            .append("  contacts: disabled               # create-and-update | update-only | disabled\n");
        section(yaml, "accounts", SourceObject.ACCOUNT);
        section(yaml, "contacts", SourceObject.CONTACT);
        return yaml.toString();
    }

    private void section(StringBuilder yaml, String key, SourceObject object) {
        List<FieldDefinition> fields = this.directory.fieldsOf(object);
        if (fields.isEmpty()) {
            return;
        }
        Map<String, GoodFitFieldNames.CustomFieldName> custom = GoodFitFieldNames.assign(fields);
        yaml.append(key).append(":\n  mappings:\n");
        for (FieldDefinition field : ordered(fields, object)) {
            if (field.type() == FieldType.REFERENCE) {
                // Created Contacts get their Account without a mapping; mapping it would move existing ones.
                yaml.append("    # - source: ").append(field.key()).append("   # with strategy override, moves existing ")
                    .append("Contacts to their company's Account\n")
                    .append("    #   targets: [ { field: AccountId, strategy: override } ]\n");
                continue;
            }
            Optional<StandardFields.Standard> standard = StandardFields.of(field);
            yaml.append("    - source: ").append(field.key()).append('\n');
            if (standard.isPresent()) {
                yaml.append("      targets: [ { field: ").append(standard.get().field())
                    .append(standard.get().needsTruncation(field) ? ", truncate: true" : "")
                    .append(" } ]\n");
            }
            else {
                yaml.append("      targets: [ { field: ").append(custom.get(field.key()).apiName()).append(" } ]")
                    .append("   # ").append(custom.get(field.key()).label()).append('\n');
            }
        }
    }

    /** The match key first, so a reader sees it; the rest as field_definitions lists them. */
    private static List<FieldDefinition> ordered(List<FieldDefinition> fields, SourceObject object) {
        String key = (object == SourceObject.ACCOUNT) ? "domain" : "email";
        return java.util.stream.Stream.concat(fields.stream().filter(field -> field.key().equals(key)),
                fields.stream().filter(field -> !field.key().equals(key))).toList();
    }

}
