package com.goodfit.sync.provision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.source.FieldDefinition;

/**
 * The Tooling API metadata of a custom field that holds a source field: type, length and precision fitting its
 * definition in {@code field_definitions}, within Salesforce's limits (Text up to 255 characters, then Long Text
 * Area up to 131,072; numbers and currencies up to 18 digits; picklists need values). A definition outside those
 * limits has no custom field type: {@link #metadataOf} says why.
 */
final class CustomFieldTypes {

    static final int MAX_TEXT = 255;

    static final int MAX_LONG_TEXT = 131_072;

    static final int MAX_DIGITS = 18;

    private CustomFieldTypes() {
    }

    /**
     * @param source the source field
     * @param label the custom field's label
     * @return the metadata, or the reason no custom field can hold the source field
     */
    static Result metadataOf(FieldDefinition source, String label) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("label", label);
        metadata.put("description", "GoodFit data: " + source.label() + " (field_definitions key " + source.key()
                + ")");
        switch (source.type()) {
            case TEXT -> {
                int length = (source.length() != null) ? source.length() : MAX_TEXT;
                if (length < 1 || length > MAX_LONG_TEXT) {
                    return new Result(null, "text of length " + length + " does not fit a Salesforce text field "
                            + "(Text up to " + MAX_TEXT + ", Long Text Area up to " + MAX_LONG_TEXT + " characters)");
                }
                if (length <= MAX_TEXT) {
                    metadata.put("type", "Text");
                    metadata.put("length", length);
                }
                else {
                    metadata.put("type", "LongTextArea");
                    metadata.put("length", length);
                    metadata.put("visibleLines", 3);
                }
            }
            case NUMBER, CURRENCY -> {
                int precision = (source.precision() != null) ? source.precision() : MAX_DIGITS;
                int scale = (source.scale() != null) ? source.scale() : 0;
                if (precision < 1 || precision > MAX_DIGITS || scale < 0 || scale > precision) {
                    return new Result(null, "precision " + precision + " and scale " + scale + " do not fit a "
                            + "Salesforce number (at most " + MAX_DIGITS + " digits in all, scale within them)");
                }
                metadata.put("type", (source.type() == com.goodfit.sync.source.FieldType.NUMBER) ? "Number"
                        : "Currency");
                metadata.put("precision", precision);
                metadata.put("scale", scale);
            }
            case DATE -> metadata.put("type", "Date");
            case BOOLEAN -> {
                metadata.put("type", "Checkbox");
                metadata.put("defaultValue", "false");
            }
            case URL -> metadata.put("type", "Url");
            case EMAIL -> metadata.put("type", "Email");
            case PHONE -> metadata.put("type", "Phone");
            case REFERENCE -> {
                return new Result(null, "it holds the Id of another Salesforce record: map it to a standard lookup "
                        + "such as AccountId instead of a custom field");
            }
            case PICKLIST -> {
                if (source.picklistValues().isEmpty()) {
                    return new Result(null, "a picklist needs values: set picklist_values in field_definitions");
                }
                metadata.put("type", "Picklist");
                metadata.put("valueSet", Map.of("restricted", true, "valueSetDefinition",
                        Map.of("sorted", false, "value", picklist(source.picklistValues()))));
            }
        }
        return new Result(metadata, null);
    }

    /** A short type description for listings, e.g. {@code Number(8, 0)} or {@code Text(80)}. */
    static String describe(Map<String, Object> metadata) {
        Object type = metadata.get("type");
        if (metadata.containsKey("precision")) {
            return type + "(" + metadata.get("precision") + ", " + metadata.get("scale") + ")";
        }
        if (metadata.containsKey("length")) {
            return type + "(" + metadata.get("length") + ")" + (Boolean.TRUE.equals(metadata.get("externalId"))
                    ? ", External ID" + (Boolean.TRUE.equals(metadata.get("unique")) ? ", Unique" : "") : "");
        }
        return String.valueOf(type);
    }

    private static List<Map<String, Object>> picklist(List<String> values) {
        return values.stream()
            .map(value -> Map.<String, Object>of("fullName", value, "label", value, "default", false))
            .toList();
    }

    /**
     * The metadata, or why there is none.
     *
     * @param metadata the Tooling {@code Metadata}, or null
     * @param problem why the source field cannot be held, or null
     */
    record Result(Map<String, Object> metadata, String problem) {
    }

}
