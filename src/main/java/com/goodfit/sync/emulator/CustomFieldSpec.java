package com.goodfit.sync.emulator;

import java.util.List;
import java.util.Locale;

/**
 * A custom field to add to an emulated object, in Tooling API Metadata terms: {@code type} is the metadata
 * type ({@code Text}, {@code Number}, {@code Checkbox}, {@code Date}, {@code DateTime}, {@code Email},
 * {@code Url}, {@code Phone}, {@code LongTextArea}, {@code TextArea}, {@code Currency}, {@code Percent}).
 *
 * @param fullName API name with the {@code __c} suffix, e.g. {@code Employee_Band__c}
 * @param label the field label
 * @param type the metadata type
 * @param length text length (0 for non-text types)
 * @param precision number precision (0 for non-number types)
 * @param scale number scale
 * @param required whether the field is required on create
 * @param unique whether values must be unique (case-insensitive)
 * @param externalId whether the field is an external ID usable as an upsert key
 * @param picklistValues the values of a {@code Picklist} field (restricted to these)
 */
public record CustomFieldSpec(String fullName, String label, String type, int length, int precision, int scale,
        boolean required, boolean unique, boolean externalId, List<String> picklistValues) {

    public CustomFieldSpec {
        if (!fullName.endsWith("__c")) {
            throw new IllegalArgumentException("Custom field name must end with __c: " + fullName);
        }
        picklistValues = List.copyOf(picklistValues);
    }

    /** A restricted picklist accepting only the given values. */
    public static CustomFieldSpec restrictedPicklist(String fullName, String... values) {
        return new CustomFieldSpec(fullName, labelOf(fullName), "Picklist", 255, 0, 0, false, false, false,
                List.of(values));
    }

    /** A non-unique text external ID (so upserts can match several records). */
    public static CustomFieldSpec nonUniqueExternalId(String fullName) {
        return new CustomFieldSpec(fullName, labelOf(fullName), "Text", 255, 0, 0, false, false, true, List.of());
    }

    /** A plain text field of the given length. */
    public static CustomFieldSpec text(String fullName, int length) {
        return new CustomFieldSpec(fullName, labelOf(fullName), "Text", length, 0, 0, false, false, false, List.of());
    }

    /** A unique, case-insensitive text external ID of length 255. */
    public static CustomFieldSpec externalIdText(String fullName) {
        return new CustomFieldSpec(fullName, labelOf(fullName), "Text", 255, 0, 0, false, true, true, List.of());
    }

    /** A number field. */
    public static CustomFieldSpec number(String fullName, int precision, int scale) {
        return new CustomFieldSpec(fullName, labelOf(fullName), "Number", 0, precision, scale, false, false, false,
                List.of());
    }

    private static String labelOf(String fullName) {
        return fullName.substring(0, fullName.length() - 3).replace('_', ' ');
    }

    FieldDefinition toDefinition() {
        FieldDefinition.Builder builder;
        switch (this.type.toLowerCase(Locale.ROOT)) {
            case "number" -> builder = FieldDefinition.builder(this.fullName, FieldType.DOUBLE)
                .number(this.precision == 0 ? 18 : this.precision, this.scale);
            case "currency" -> builder = FieldDefinition.builder(this.fullName, FieldType.CURRENCY)
                .number(this.precision == 0 ? 18 : this.precision, this.scale);
            case "percent" -> builder = FieldDefinition.builder(this.fullName, FieldType.PERCENT)
                .number(this.precision == 0 ? 18 : this.precision, this.scale);
            case "checkbox" -> builder = FieldDefinition.builder(this.fullName, FieldType.BOOLEAN).defaulted();
            case "date" -> builder = FieldDefinition.builder(this.fullName, FieldType.DATE);
            case "datetime" -> builder = FieldDefinition.builder(this.fullName, FieldType.DATETIME);
            case "email" -> builder = FieldDefinition.builder(this.fullName, FieldType.EMAIL).length(80);
            case "url" -> builder = FieldDefinition.builder(this.fullName, FieldType.URL).length(255);
            case "phone" -> builder = FieldDefinition.builder(this.fullName, FieldType.PHONE).length(40);
            case "textarea" -> builder = FieldDefinition.builder(this.fullName, FieldType.TEXTAREA).length(255);
            case "longtextarea", "html" -> builder = FieldDefinition.builder(this.fullName, FieldType.TEXTAREA)
                .length(this.length == 0 ? 32768 : this.length);
            case "picklist" -> builder = FieldDefinition.builder(this.fullName, FieldType.PICKLIST).length(255)
                .picklist(true, this.picklistValues.toArray(String[]::new));
            case "text" -> builder = FieldDefinition.builder(this.fullName, FieldType.STRING)
                .length(this.length == 0 ? 255 : this.length);
            default -> throw new IllegalArgumentException("Unsupported custom field type: " + this.type);
        }
        builder.label(this.label);
        if (this.required) {
            builder.required();
        }
        if (this.externalId) {
            builder.externalId(this.unique, false);
        }
        else if (this.unique) {
            builder.unique();
        }
        return builder.build();
    }

}
