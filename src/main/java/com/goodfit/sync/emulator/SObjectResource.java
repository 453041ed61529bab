package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sobjects}: global describe, object describe, and single-record create, retrieve, update, delete and
 * upsert by external ID. DML errors come back as a 400 top-level error array.
 */
final class SObjectResource {

    private final EmulatorOrg org;

    SObjectResource(EmulatorOrg org) {
        this.org = org;
    }

    ApiResponse handle(ApiRequest request, List<String> rest, String version, EmulatorControl.CallFault fault) {
        if (rest.isEmpty()) {
            return ApiResponse.json(200, DescribeRenderer.globalDescribe(this.org.tables(), version));
        }
        ObjectTable table = this.org.table(rest.get(0));
        if (table == null) {
            throw ApiException.notFound();
        }
        String method = request.method();
        if (rest.size() == 1) {
            if (method.equals("GET")) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("objectDescribe", DescribeRenderer.summary(table.type(), version));
                body.put("recentItems", List.of());
                return ApiResponse.json(200, body);
            }
            if (method.equals("POST")) {
                return create(request, table, version, fault);
            }
            throw ApiException.methodNotAllowed(method);
        }
        if (rest.size() == 2 && rest.get(1).equals("describe")) {
            return ApiResponse.json(200, DescribeRenderer.describe(table.type(), version, this.org.fieldAccess(),
                    this.org.tables()));
        }
        if (rest.size() == 2) {
            return byId(request, table, rest.get(1), version, fault);
        }
        if (rest.size() == 3) {
            return byExternalId(request, table, rest.get(1), rest.get(2), version, fault);
        }
        throw ApiException.notFound();
    }

    private ApiResponse create(ApiRequest request, ObjectTable table, String version,
            EmulatorControl.CallFault fault) {
        Map<Integer, Object> values = RecordJson.parse(table.type(), bodyMap(request), this.org.fieldAccess());
        SaveResult result = this.org.write(
                () -> this.org.dml().create(this.org.dml().session(fault), table, values));
        if (!result.success()) {
            if (result.firstError().statusCode().equals("DUPLICATES_DETECTED")) {
                return duplicates(table, values, version);
            }
            throw ApiException.fromSaveError(400, result.firstError());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", result.id());
        body.put("success", true);
        body.put("errors", List.of());
        return ApiResponse.json(201, body);
    }

    /** The single-record DUPLICATES_DETECTED body, with the {@code duplicateResult} listing the matches. */
    private ApiResponse duplicates(ObjectTable table, Map<Integer, Object> values, String version) {
        int nameSlot = table.type().slotOf("Name");
        List<Object> matchRecords = this.org.read(() -> {
            List<Object> matches = new ArrayList<>();
            for (Row row : table.find(nameSlot, values.get(nameSlot))) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("attributes", RecordJson.attributes(table.type().name(), version, row.id()));
                record.put("Id", row.id());
                Map<String, Object> match = new LinkedHashMap<>();
                match.put("additionalInformation", List.of());
                match.put("fieldDiffs", List.of());
                match.put("matchConfidence", 100.0);
                match.put("record", record);
                matches.add(match);
            }
            return matches;
        });
        Map<String, Object> matchResult = new LinkedHashMap<>();
        matchResult.put("entityType", table.type().name());
        matchResult.put("errors", List.of());
        matchResult.put("matchEngine", "ExactMatchEngine");
        matchResult.put("matchRecords", matchRecords);
        matchResult.put("rule", "Standard_Account_Match_Rule_v1_0");
        matchResult.put("size", matchRecords.size());
        matchResult.put("success", true);
        Map<String, Object> duplicateResult = new LinkedHashMap<>();
        duplicateResult.put("allowSave", false);
        duplicateResult.put("duplicateRule", "Standard_Account_Duplicate_Rule");
        duplicateResult.put("duplicateRuleEntityType", table.type().name());
        duplicateResult.put("errorMessage", "Use one of these records?");
        duplicateResult.put("matchResults", List.of(matchResult));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("duplicateResult", duplicateResult);
        error.put("errorCode", "DUPLICATES_DETECTED");
        error.put("message", "Use one of these records?");
        return ApiResponse.json(400, List.of(error));
    }

    private ApiResponse byId(ApiRequest request, ObjectTable table, String id, String version,
            EmulatorControl.CallFault fault) {
        switch (request.method()) {
            case "GET": {
                Map<String, Object> record = this.org.read(() -> {
                    Row row = SalesforceId.normalise(id).map(table::byId).orElse(null);
                    return (row == null || table.isDeleted(row)) ? null
                            : RecordJson.renderAll(table.type(), row, version, this.org.fieldAccess());
                });
                if (record == null) {
                    throw ApiException.notFound();
                }
                String fields = request.param("fields");
                if (fields != null) {
                    Map<String, Object> selected = new LinkedHashMap<>();
                    selected.put("attributes", record.get("attributes"));
                    for (String name : fields.split(",")) {
                        int slot = table.type().slotOf(name.trim());
                        if (slot < 0) {
                            throw ApiException.withFields(400, "INVALID_FIELD", "No such column '" + name.trim()
                                    + "' on sobject of type " + table.type().name(), List.of());
                        }
                        String canonical = table.type().field(slot).name();
                        selected.put(canonical, record.get(canonical));
                    }
                    return ApiResponse.json(200, selected);
                }
                return ApiResponse.json(200, record);
            }
            case "PATCH": {
                Map<Integer, Object> values = RecordJson.parse(table.type(), bodyMap(request), this.org.fieldAccess());
                values.remove(SObjectType.ID_SLOT);
                SaveResult result = this.org.write(() -> {
                    Row row = SalesforceId.normalise(id).map(table::byId).orElse(null);
                    if (row == null) {
                        return null;
                    }
                    return this.org.dml().updateRow(this.org.dml().session(fault), table, row, values, false);
                });
                if (result == null) {
                    throw ApiException.notFound();
                }
                if (!result.success()) {
                    throw ApiException.fromSaveError(400, result.firstError());
                }
                return ApiResponse.empty(204);
            }
            case "DELETE": {
                SaveResult result = this.org.write(
                        () -> this.org.dml().delete(this.org.dml().session(fault), table, id));
                if (!result.success()) {
                    String code = result.firstError().statusCode();
                    if (code.equals("INVALID_CROSS_REFERENCE_KEY") || code.equals("MALFORMED_ID")) {
                        throw ApiException.notFound();
                    }
                    throw ApiException.fromSaveError(400, result.firstError());
                }
                return ApiResponse.empty(204);
            }
            default:
                throw ApiException.methodNotAllowed(request.method());
        }
    }

    private ApiResponse byExternalId(ApiRequest request, ObjectTable table, String fieldName, String value,
            String version, EmulatorControl.CallFault fault) {
        int keySlot = table.type().slotOf(fieldName);
        if (keySlot < 0 || !table.type().field(keySlot).idLookup()) {
            throw ApiException.withFields(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + fieldName, List.of());
        }
        switch (request.method()) {
            case "GET": {
                Map<String, Object> record = this.org.read(() -> {
                    List<Row> rows = table.find(keySlot, value);
                    return (rows.size() == 1) ? RecordJson.renderAll(table.type(), rows.get(0), version,
                            this.org.fieldAccess()) : null;
                });
                if (record == null) {
                    throw ApiException.notFound();
                }
                return ApiResponse.json(200, record);
            }
            case "PATCH": {
                Map<Integer, Object> values = RecordJson.parse(table.type(), bodyMap(request), this.org.fieldAccess());
                if (values.containsKey(keySlot)) {
                    throw ApiException.withFields(400, "INVALID_FIELD", "The external ID field "
                            + table.type().field(keySlot).name() + " should not be present in the body", List.of());
                }
                values.put(keySlot, table.type().field(keySlot).type().coerce(value));
                SaveResult result = this.org.write(
                        () -> this.org.dml().upsert(this.org.dml().session(fault), table, keySlot, values));
                if (!result.success()) {
                    if (result.firstError().statusCode().equals("DUPLICATE_EXTERNAL_ID")) {
                        // 300 Multiple Choices lists the URLs of the matching records.
                        List<String> matches = this.org.read(() -> table.find(keySlot, value)
                            .stream()
                            .map(row -> "/services/data/" + version + "/sobjects/" + table.type().name() + "/"
                                    + row.id())
                            .toList());
                        return ApiResponse.json(300, matches);
                    }
                    throw ApiException.fromSaveError(400, result.firstError());
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", result.id());
                body.put("success", true);
                body.put("errors", List.of());
                body.put("created", result.created());
                return ApiResponse.json(result.created() ? 201 : 200, body);
            }
            case "DELETE": {
                SaveResult result = this.org.write(() -> {
                    List<Row> rows = table.find(keySlot, value);
                    if (rows.size() != 1) {
                        return null;
                    }
                    return this.org.dml().delete(this.org.dml().session(fault), table, rows.get(0).id());
                });
                if (result == null) {
                    throw ApiException.notFound();
                }
                if (!result.success()) {
                    throw ApiException.fromSaveError(400, result.firstError());
                }
                return ApiResponse.empty(204);
            }
            default:
                throw ApiException.methodNotAllowed(request.method());
        }
    }

    private static Map<?, ?> bodyMap(ApiRequest request) {
        if (JsonCodec.read(request.body()) instanceof Map<?, ?> map) {
            return map;
        }
        throw ApiException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of SObject from START_ARRAY");
    }

}
