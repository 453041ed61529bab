package com.goodfit.sync.provision;

import java.util.Map;
import java.util.Optional;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;

/**
 * The standard Salesforce field that fits a source field, where one does: same meaning and a type that holds the
 * source's values. Everything else goes to its GoodFit custom field.
 */
final class StandardFields {

    private static final Map<String, Standard> ACCOUNT = Map.of("name", new Standard("Name", FieldType.TEXT, 255),
            "domain", new Standard("Website", FieldType.URL, 255), "industry",
            new Standard("Industry", FieldType.TEXT, 255), "employees",
            new Standard("NumberOfEmployees", FieldType.NUMBER, 0), "annual_revenue",
            new Standard("AnnualRevenue", FieldType.CURRENCY, 0), "country",
            new Standard("BillingCountry", FieldType.TEXT, 80), "city", new Standard("BillingCity", FieldType.TEXT, 40),
            "description", new Standard("Description", FieldType.TEXT, 32000));

    private static final Map<String, Standard> CONTACT = Map.of("email", new Standard("Email", FieldType.EMAIL, 80),
            "first_name", new Standard("FirstName", FieldType.TEXT, 40), "last_name",
            new Standard("LastName", FieldType.TEXT, 80), "title", new Standard("Title", FieldType.TEXT, 128),
            "department", new Standard("Department", FieldType.TEXT, 80), "phone",
            new Standard("Phone", FieldType.PHONE, 40));

    private StandardFields() {
    }

    /**
     * @param source a source field
     * @return its standard field, if one fits (same meaning, same type)
     */
    static Optional<Standard> of(FieldDefinition source) {
        Standard standard = ((source.object() == SourceObject.ACCOUNT) ? ACCOUNT : CONTACT).get(source.key());
        return (standard != null && standard.sourceType() == source.type()) ? Optional.of(standard) : Optional.empty();
    }

    /**
     * A standard field and what it holds.
     *
     * @param field the API name
     * @param sourceType the source type it fits
     * @param length its length for text, 0 otherwise
     */
    record Standard(String field, FieldType sourceType, int length) {

        /** A longer source value would be rejected; cut it instead, with a TRUNCATED warning. */
        boolean needsTruncation(FieldDefinition source) {
            return this.length > 0 && source.length() != null && source.length() > this.length;
        }

    }

}
