package com.goodfit.sync.source;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of {@code field_definitions}, looked up by object and key, plus the contact's {@code account}, which
 * the connector derives itself.
 */
public final class FieldDirectory {

    /**
     * The built-in contact field holding the Salesforce Id of the Account linked to the contact's company (by the
     * account steps of the same job), or null when the company has none. Created Contacts always get it as
     * {@code AccountId}; mapping it to {@code AccountId} with {@code override} also moves existing Contacts.
     */
    public static final String CONTACT_ACCOUNT = "account";

    private static final FieldDefinition ACCOUNT_OF_COMPANY = new FieldDefinition(CONTACT_ACCOUNT, SourceObject.CONTACT,
            "Account", FieldType.REFERENCE, 18, null, null, List.of(), false);

    private final Map<SourceObject, Map<String, FieldDefinition>> fields = new LinkedHashMap<>();

    public FieldDirectory(Collection<FieldDefinition> definitions) {
        for (SourceObject object : SourceObject.values()) {
            this.fields.put(object, new LinkedHashMap<>());
        }
        definitions.forEach(definition -> this.fields.get(definition.object()).put(definition.key(), definition));
        this.fields.get(SourceObject.CONTACT).put(CONTACT_ACCOUNT, ACCOUNT_OF_COMPANY);
    }

    public Optional<FieldDefinition> find(SourceObject object, String key) {
        return Optional.ofNullable(this.fields.get(object).get(key));
    }

    public List<FieldDefinition> fieldsOf(SourceObject object) {
        return List.copyOf(this.fields.get(object).values());
    }

}
