package com.goodfit.sync.source;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of {@code field_definitions}, looked up by object and key.
 */
public final class FieldDirectory {

    private final Map<SourceObject, Map<String, FieldDefinition>> fields = new LinkedHashMap<>();

    public FieldDirectory(Collection<FieldDefinition> definitions) {
        for (SourceObject object : SourceObject.values()) {
            this.fields.put(object, new LinkedHashMap<>());
        }
        definitions.forEach(definition -> this.fields.get(definition.object()).put(definition.key(), definition));
    }

    public Optional<FieldDefinition> find(SourceObject object, String key) {
        return Optional.ofNullable(this.fields.get(object).get(key));
    }

    public List<FieldDefinition> fieldsOf(SourceObject object) {
        return List.copyOf(this.fields.get(object).values());
    }

}
