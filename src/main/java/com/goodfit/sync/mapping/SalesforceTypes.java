package com.goodfit.sync.mapping;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.goodfit.sync.source.FieldType;

/**
 * Which Salesforce field types can hold each source field type without losing meaning.
 */
final class SalesforceTypes {

    private static final Set<String> TEXTUAL = Set.of("string", "textarea", "encryptedstring", "combobox");

    private static final Map<FieldType, Set<String>> HOLDERS = new EnumMap<>(FieldType.class);

    static {
        HOLDERS.put(FieldType.TEXT, Set.of("picklist", "multipicklist", "url", "email", "phone"));
        HOLDERS.put(FieldType.NUMBER, Set.of("int", "double", "currency", "percent", "long"));
        HOLDERS.put(FieldType.CURRENCY, Set.of("currency", "double"));
        HOLDERS.put(FieldType.DATE, Set.of("date", "datetime"));
        HOLDERS.put(FieldType.BOOLEAN, Set.of("boolean"));
        HOLDERS.put(FieldType.URL, Set.of("url"));
        HOLDERS.put(FieldType.EMAIL, Set.of("email"));
        HOLDERS.put(FieldType.PHONE, Set.of("phone"));
        HOLDERS.put(FieldType.PICKLIST, Set.of("picklist", "multipicklist"));
        HOLDERS.put(FieldType.REFERENCE, Set.of("reference"));
    }

    private SalesforceTypes() {
    }

    /** Any source value can be written as text; other Salesforce types take only their own kind of value. */
    static boolean canHold(String salesforceType, FieldType source) {
        return TEXTUAL.contains(salesforceType) || HOLDERS.get(source).contains(salesforceType);
    }

    static String holdersOf(FieldType source) {
        return String.join(", ", new TreeSet<>(HOLDERS.get(source))) + " or text";
    }

}
