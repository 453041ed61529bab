package com.goodfit.sync.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between records and their JSON form: query and retrieve output with {@code attributes}, and request
 * bodies into typed field values by slot.
 */
final class RecordJson {

    private RecordJson() {
    }

    static Map<String, Object> attributes(String type, String version, String id) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("url", "/services/data/" + version + "/sobjects/" + type + "/" + id);
        return attributes;
    }

    /** A query result record: attributes, then the selected columns; parent fields nest under the relationship. */
    static Map<String, Object> render(SObjectType type, Row row, List<FieldAccessor> columns, String version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", attributes(type.name(), version, row.id()));
        for (FieldAccessor column : columns) {
            if (!column.isParentField()) {
                json.put(column.field().name(), column.field().type().toJson(row.get(column.slot())));
                continue;
            }
            Row parent = column.parentRow(row);
            if (parent == null) {
                json.putIfAbsent(column.relationshipName(), null);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) json.get(column.relationshipName());
            if (nested == null) {
                nested = new LinkedHashMap<>();
                nested.put("attributes", attributes(column.parent().type().name(), version, parent.id()));
                json.put(column.relationshipName(), nested);
            }
            nested.put(column.field().name(), column.field().type().toJson(parent.get(column.slot())));
        }
        return json;
    }

    /** Every field of a record, as GET on a single record returns it. */
    static Map<String, Object> renderAll(SObjectType type, Row row, String version, FieldAccess access) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", attributes(type.name(), version, row.id()));
        for (int slot = 0; slot < type.fieldCount(); slot++) {
            FieldDefinition field = type.field(slot);
            if (access.visible(type, field)) {
                json.put(field.name(), field.type().toJson(row.get(slot)));
            }
        }
        return json;
    }

    /**
     * Typed values by slot from a JSON record body; {@code attributes} is skipped.
     * @throws ApiException INVALID_FIELD for an unknown field, JSON_PARSER_ERROR for a value of the wrong type
     */
    static Map<Integer, Object> parse(SObjectType type, Map<?, ?> body, FieldAccess access) {
        Map<Integer, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : body.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals("attributes")) {
                continue;
            }
            int slot = type.slotOf(name);
            if (slot < 0 || !access.visible(type, type.field(slot))) {
                throw ApiException.withFields(400, "INVALID_FIELD",
                        "No such column '" + name + "' on sobject of type " + type.name(), List.of());
            }
            FieldDefinition field = type.field(slot);
            Object raw = entry.getValue();
            if (raw instanceof Map || raw instanceof List) {
                throw ApiException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of "
                        + field.type().soapType().replace("xsd:", "") + " from " + ((raw instanceof Map)
                                ? "START_OBJECT"
                                : "START_ARRAY") + " value or request may be missing a required field");
            }
            try {
                values.put(slot, field.type().coerce(raw));
            }
            catch (IllegalArgumentException ex) {
                throw ApiException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of "
                        + field.type().soapType().replace("xsd:", "") + " from VALUE_STRING value " + raw
                        + " or request may be missing a required field");
            }
        }
        return values;
    }

}
