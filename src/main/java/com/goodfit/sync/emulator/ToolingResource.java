package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Tooling API subset: creating a {@code CustomField} (it then shows in describe and is queryable and
 * writable) and querying {@code CustomField} by {@code TableEnumOrId} and {@code DeveloperName}.
 */
final class ToolingResource {

    private static final String NAME_PATTERN = "^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$";

    private final EmulatorOrg org;

    private final AtomicLong sequence = new AtomicLong();

    // Tooling Ids of the fields created through this API, by "Object.Field__c" in lower case.
    private final Map<String, String> fieldIds = new ConcurrentHashMap<>();

    ToolingResource(EmulatorOrg org) {
        this.org = org;
    }

    ApiResponse handle(ApiRequest request, List<String> rest, String version) {
        if (rest.size() >= 2 && rest.get(0).equals("sobjects") && rest.get(1).equalsIgnoreCase("CustomField")) {
            if (rest.size() == 2 && request.method().equals("POST")) {
                return create(request);
            }
            throw ApiException.methodNotAllowed(request.method());
        }
        if (rest.size() == 1 && rest.get(0).equals("query") && request.method().equals("GET")) {
            return query(request, version);
        }
        throw ApiException.notFound();
    }

    private ApiResponse create(ApiRequest request) {
        if (!(JsonCodec.read(request.body()) instanceof Map<?, ?> body)
                || !(body.get("FullName") instanceof String fullName)) {
            throw ApiException.withFields(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [FullName]",
                    List.of("FullName"));
        }
        Map<?, ?> metadata = (body.get("Metadata") instanceof Map<?, ?> map) ? map : Map.of();
        int dot = fullName.indexOf('.');
        ObjectTable table = (dot > 0) ? this.org.table(fullName.substring(0, dot)) : null;
        if (table == null) {
            throw ApiException.withFields(400, "INVALID_FIELD", "Invalid FullName: " + fullName, List.of("FullName"));
        }
        String field = fullName.substring(dot + 1);
        String base = field.endsWith("__c") ? field.substring(0, field.length() - 3) : field;
        if (!field.endsWith("__c") || base.length() > 40 || base.endsWith("_") || !base.matches(NAME_PATTERN)) {
            throw ApiException.withFields(400, "INVALID_FIELD", "The field name " + field + " is not valid. "
                    + "Field names must begin with a letter, contain only letters, numbers and single underscores, "
                    + "not end with an underscore, and end in __c.", List.of("FullName"));
        }
        if (table.type().slotOf(field) >= 0) {
            throw ApiException.withFields(400, "DUPLICATE_DEVELOPER_NAME", "There is already a field named " + base
                    + " on " + table.type().name() + ".", List.of());
        }
        CustomFieldSpec spec;
        try {
            checkLimits(metadata);
            spec = new CustomFieldSpec(field, stringOf(metadata.get("label"), base.replace('_', ' ')),
                    stringOf(metadata.get("type"), "Text"), intOf(metadata.get("length")),
                    intOf(metadata.get("precision")), intOf(metadata.get("scale")),
                    Boolean.TRUE.equals(metadata.get("required")), Boolean.TRUE.equals(metadata.get("unique")),
                    Boolean.TRUE.equals(metadata.get("externalId")), picklistValues(metadata));
            this.org.addGuardedField(table.type().name(), spec.toDefinition());
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.withFields(400, "FIELD_INTEGRITY_EXCEPTION", ex.getMessage(), List.of("Metadata"));
        }
        String id = SalesforceId.of("00N", this.sequence.incrementAndGet());
        this.fieldIds.put((table.type().name() + "." + field).toLowerCase(Locale.ROOT), id);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("success", true);
        response.put("errors", List.of());
        response.put("warnings", List.of());
        response.put("infos", List.of());
        return ApiResponse.json(201, response);
    }

    private ApiResponse query(ApiRequest request, String version) {
        String soql = request.param("q");
        if (soql == null) {
            throw ApiException.of(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        ObjectTable customFields = snapshotTable();
        try {
            SoqlQuery query = SoqlParser.parse(soql);
            QueryPlan plan = QueryPlan.bind(query, FieldAccess.ALL,
                    name -> name.equalsIgnoreCase("CustomField") ? customFields : null);
            List<Row> rows = plan.execute(false);
            List<Object> records = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Object> record = RecordJson.render(plan.type(), row, plan.columns(), version);
                record.put("attributes", Map.of("type", "CustomField", "url",
                        "/services/data/" + version + "/tooling/sobjects/CustomField/" + row.id()));
                records.add(record);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("size", records.size());
            body.put("totalSize", records.size());
            body.put("done", true);
            body.put("queryLocator", null);
            body.put("entityTypeName", "CustomField");
            body.put("records", records);
            return ApiResponse.json(200, body);
        }
        catch (SoqlException ex) {
            throw ex.toApiException(soql);
        }
    }

    /** A throwaway table of every custom field in the org, so the normal SOQL engine can query it. */
    private ObjectTable snapshotTable() {
        List<FieldDefinition> fields = List.of(
                FieldDefinition.builder("Id", FieldType.ID).length(18).system().build(),
                FieldDefinition.builder("IsDeleted", FieldType.BOOLEAN).system().build(),
                FieldDefinition.builder("DeveloperName", FieldType.STRING).length(40).build(),
                FieldDefinition.builder("TableEnumOrId", FieldType.STRING).length(40).build(),
                FieldDefinition.builder("FullName", FieldType.STRING).length(255).build(),
                FieldDefinition.builder("NamespacePrefix", FieldType.STRING).length(15).build());
        ObjectTable table = new ObjectTable(new SObjectType("CustomField", "Custom Field", "00N", fields));
        long fallback = 1_000_000;
        for (ObjectTable objectTable : this.org.tables()) {
            for (FieldDefinition field : objectTable.type().fields()) {
                if (!field.custom()) {
                    continue;
                }
                String key = (objectTable.type().name() + "." + field.name()).toLowerCase(Locale.ROOT);
                String id = this.fieldIds.getOrDefault(key, SalesforceId.of("00N", fallback++));
                String developerName = field.name().substring(0, field.name().length() - 3);
                table.insert(new Row(new Object[] { id, Boolean.FALSE, developerName, objectTable.type().name(),
                        objectTable.type().name() + "." + field.name(), null }));
            }
        }
        return table;
    }

    /**
     * Salesforce's limits on custom field sizes (Text 1-255, Long Text Area 256-131,072, numbers at most 18 digits
     * with the scale within them, a picklist with at least one value). The messages are the emulator's own.
     */
    private static void checkLimits(Map<?, ?> metadata) {
        String type = stringOf(metadata.get("type"), "Text").toLowerCase(Locale.ROOT);
        int length = intOf(metadata.get("length"));
        int precision = intOf(metadata.get("precision"));
        int scale = intOf(metadata.get("scale"));
        switch (type) {
            case "text" -> require(length >= 1 && length <= 255, "Text length must be between 1 and 255");
            case "longtextarea" -> require(length >= 256 && length <= 131_072,
                    "Long Text Area length must be between 256 and 131072");
            case "number", "currency", "percent" -> require(precision >= 1 && precision <= 18 && scale >= 0
                    && scale <= precision, "precision must be between 1 and 18 and scale between 0 and precision");
            case "picklist" -> require(!picklistValues(metadata).isEmpty(), "a picklist needs at least one value");
            default -> {
            }
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Values of {@code Metadata.valueSet.valueSetDefinition.value[].fullName}. */
    private static List<String> picklistValues(Map<?, ?> metadata) {
        List<String> values = new ArrayList<>();
        if (metadata.get("valueSet") instanceof Map<?, ?> valueSet
                && valueSet.get("valueSetDefinition") instanceof Map<?, ?> definition
                && definition.get("value") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> value && value.get("fullName") != null) {
                    values.add(value.get("fullName").toString());
                }
            }
        }
        return values;
    }

    private static String stringOf(Object value, String fallback) {
        return (value instanceof String text && !text.isBlank()) ? text : fallback;
    }

    private static int intOf(Object value) {
        return (value instanceof Number number) ? number.intValue() : 0;
    }

}
