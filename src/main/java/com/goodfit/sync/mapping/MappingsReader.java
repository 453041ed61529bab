package com.goodfit.sync.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.SourceObject;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the {@code mappings} list of one object's section: source fields must exist in the data directory, target
 * names must be Salesforce API names, and no source or Salesforce field may be mapped twice.
 */
final class MappingsReader {

    private static final Pattern API_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?:__c)?");

    private static final Set<String> MAPPING_KEYS = Set.of("source", "targets");

    private static final Set<String> TARGET_KEYS = Set.of("field", "strategy", "clear-when-empty", "truncate");

    private final FieldDirectory directory;

    private final Problems problems;

    MappingsReader(FieldDirectory directory, Problems problems) {
        this.directory = directory;
        this.problems = problems;
    }

    List<FieldMapping> read(YamlSection top, SourceObject object) {
        String sectionName = (object == SourceObject.ACCOUNT) ? "accounts" : "contacts";
        Optional<YamlSection> section = top.section(sectionName, Set.of("mappings"));
        if (section.isEmpty()) {
            return List.of();
        }
        List<FieldMapping> mappings = section.get()
            .list("mappings", node -> readMapping(section.get().qualified("mappings"), node, object));
        rejectDuplicates(mappings, object);
        return mappings;
    }

    private Optional<FieldMapping> readMapping(String path, Node node, SourceObject object) {
        Optional<YamlSection> section = YamlSection.of(path + "[]", node, this.problems, MAPPING_KEYS);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection mapping = section.get();
        String source = mapping.string("source");
        if (source == null) {
            this.problems.add(node, "a mapping needs 'source' (a field of field_definitions)");
            return Optional.empty();
        }
        if (this.directory.find(object, source).isEmpty()) {
            this.problems.add(mapping.node("source").orElseThrow(), "unknown source field '" + source + "' for "
                    + object.salesforceObject() + " (known: " + this.directory.fieldsOf(object)
                        .stream()
                        .map(FieldDefinition::key)
                        .collect(Collectors.joining(", "))
                    + ")");
            return Optional.empty();
        }
        List<TargetField> targets = mapping.list("targets", target -> readTarget(mapping, target, object));
        if (mapping.node("targets").isEmpty()) {
            this.problems.add(node, "mapping of '" + source + "' needs 'targets' (the Salesforce fields to write)");
        }
        return Optional.of(new FieldMapping(source, targets, mapping.line()));
    }

    private Optional<TargetField> readTarget(YamlSection mapping, Node node, SourceObject object) {
        String field;
        UpdateStrategy strategy = null;
        boolean clearWhenEmpty = false;
        boolean truncate = false;
        if (node instanceof ScalarNode scalar) {
            field = scalar.getValue().trim();
        }
        else {
            Optional<YamlSection> section = YamlSection.of(mapping.qualified("targets") + "[]", node, this.problems,
                    TARGET_KEYS);
            if (section.isEmpty()) {
                return Optional.empty();
            }
            YamlSection target = section.get();
            field = target.string("field");
            if (field == null) {
                this.problems.add(node, "a target needs 'field' (a Salesforce field API name)");
                return Optional.empty();
            }
            if (target.node("strategy").isPresent()) {
                strategy = target.enumValue("strategy", UpdateStrategy.class, UpdateStrategy.OVERRIDE);
            }
            clearWhenEmpty = target.bool("clear-when-empty", false);
            truncate = target.bool("truncate", false);
        }
        if (!API_NAME.matcher(field).matches()) {
            this.problems.add(node, "'" + field + "' is not a Salesforce field API name (letters, digits and single "
                    + "underscores, starting with a letter; custom fields end in __c)");
            return Optional.empty();
        }
        if (field.equalsIgnoreCase(JobDefinition.EXTERNAL_ID_FIELD)) {
            this.problems.add(node, "'" + field + "' is set by the connector itself (the external id used for "
                    + "idempotent upserts) and cannot be mapped");
            return Optional.empty();
        }
        UpdateStrategy resolved = (strategy != null) ? strategy : defaultStrategy(object, field);
        return Optional.of(new TargetField(field, resolved, clearWhenEmpty, truncate, Problems.lineOf(node)));
    }

    /** Name and Website are often curated by hand in Salesforce, so by default we only fill them when empty. */
    static UpdateStrategy defaultStrategy(SourceObject object, String field) {
        boolean curated = object == SourceObject.ACCOUNT
                && (field.equalsIgnoreCase("Name") || field.equalsIgnoreCase("Website"));
        return curated ? UpdateStrategy.UPDATE_IF_EMPTY : UpdateStrategy.OVERRIDE;
    }

    private void rejectDuplicates(List<FieldMapping> mappings, SourceObject object) {
        Map<String, Integer> sources = new HashMap<>();
        Map<String, Integer> targets = new HashMap<>();
        for (FieldMapping mapping : mappings) {
            Integer earlier = sources.putIfAbsent(mapping.source(), mapping.line());
            if (earlier != null) {
                this.problems.add(mapping.line(), "source field '" + mapping.source() + "' is mapped twice (lines "
                        + earlier + " and " + mapping.line() + "): list all its targets under one mapping");
            }
            for (TargetField target : mapping.targets()) {
                Integer first = targets.putIfAbsent(target.field().toLowerCase(Locale.ROOT), target.line());
                if (first != null) {
                    this.problems.add(target.line(), object.salesforceObject() + " field '" + target.field()
                            + "' is mapped twice (lines " + first + " and " + target.line() + ")");
                }
            }
        }
    }

    static List<String> targetsOf(List<FieldMapping> mappings) {
        List<String> fields = new ArrayList<>();
        mappings.forEach(mapping -> mapping.targets().forEach(target -> fields.add(target.field())));
        return fields;
    }

}
