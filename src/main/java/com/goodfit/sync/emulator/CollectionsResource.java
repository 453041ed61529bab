package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * sObject Collections: create ({@code POST /composite/sobjects}), update ({@code PATCH}), upsert
 * ({@code PATCH /composite/sobjects/{Type}/{ExtIdField}}), delete ({@code DELETE ?ids=}) and retrieve
 * ({@code GET /composite/sobjects/{Type}?ids=&fields=}). A well-formed request answers 200 with one result per
 * record in request order; all-or-none requests are applied completely or not at all.
 */
final class CollectionsResource {

    static final int MAX_RECORDS = 200;

    private final EmulatorOrg org;

    CollectionsResource(EmulatorOrg org) {
        this.org = org;
    }

    ApiResponse handle(ApiRequest request, List<String> rest, String version, EmulatorControl.CallFault fault) {
        String method = request.method();
        if (rest.isEmpty() && method.equals("POST")) {
            return write(request, null, -1, true, fault);
        }
        if (rest.isEmpty() && method.equals("PATCH")) {
            return write(request, null, -1, false, fault);
        }
        if (rest.isEmpty() && method.equals("DELETE")) {
            return delete(request, fault);
        }
        if (rest.size() == 2 && method.equals("PATCH")) {
            ObjectTable table = requireTable(rest.get(0));
            int keySlot = table.type().slotOf(rest.get(1));
            if (keySlot < 0 || !(table.type().field(keySlot).externalId() || keySlot == SObjectType.ID_SLOT)) {
                throw ApiException.withFields(400, "INVALID_FIELD", "Field name provided, " + rest.get(1)
                        + " is not an External ID or indexed field for " + table.type().name(), List.of());
            }
            if (keySlot == SObjectType.ID_SLOT) {
                throw ApiException.of(400, "INVALID_FIELD",
                        "Id is not supported as the external ID field for sObject Collections upsert");
            }
            return write(request, table, keySlot, false, fault);
        }
        if (rest.size() == 1 && (method.equals("GET") || method.equals("POST"))) {
            return retrieve(request, requireTable(rest.get(0)), version);
        }
        throw ApiException.methodNotAllowed(method);
    }

    private ObjectTable requireTable(String name) {
        ObjectTable table = this.org.table(name);
        if (table == null) {
            throw ApiException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return table;
    }

    private record Item(ObjectTable table, Map<Integer, Object> values, String id) {
    }

    private ApiResponse write(ApiRequest request, ObjectTable upsertTable, int keySlot, boolean create,
            EmulatorControl.CallFault fault) {
        if (!(JsonCodec.read(request.body()) instanceof Map<?, ?> body)) {
            throw ApiException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of request body");
        }
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        if (!(body.get("records") instanceof List<?> records)) {
            throw ApiException.withFields(400, "INVALID_FIELD", "Field name provided, records is required", List.of());
        }
        if (records.size() > MAX_RECORDS) {
            throw ApiException.of(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RECORDS + " records into this call");
        }
        List<Item> items = new ArrayList<>(records.size());
        FieldAccess access = this.org.fieldAccess();
        for (Object element : records) {
            if (!(element instanceof Map<?, ?> record)) {
                throw ApiException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize record");
            }
            String typeName = (record.get("attributes") instanceof Map<?, ?> attributes
                    && attributes.get("type") instanceof String type) ? type : null;
            if (typeName == null) {
                throw ApiException.withFields(400, "INVALID_TYPE", "Must send a concrete entity type.", List.of());
            }
            ObjectTable table = this.org.table(typeName);
            if (table == null) {
                throw ApiException.withFields(400, "INVALID_TYPE", "sObject type '" + typeName
                        + "' is not supported. If you are attempting to use a custom object, be sure to append the "
                        + "'__c' after the entity name.", List.of());
            }
            if (upsertTable != null && table != upsertTable) {
                throw ApiException.withFields(400, "INVALID_TYPE", "Upsert of " + typeName
                        + " records is not supported in a " + upsertTable.type().name() + " upsert request", List.of());
            }
            Map<Integer, Object> values = RecordJson.parse(table.type(), record, access);
            String id = null;
            if (!create && upsertTable == null) {
                Object rawId = values.remove(SObjectType.ID_SLOT);
                id = (rawId != null) ? rawId.toString() : null;
            }
            items.add(new Item(table, values, id));
        }
        List<SaveResult> results = this.org.write(() -> apply(items, upsertTable != null, keySlot, create,
                allOrNone, fault));
        List<Object> json = new ArrayList<>(results.size());
        for (SaveResult result : results) {
            json.add(result.toJson(upsertTable != null));
        }
        return ApiResponse.json(200, json).withHeader("X-Emulator-Records", Integer.toString(items.size()));
    }

    private List<SaveResult> apply(List<Item> items, boolean upsert, int keySlot, boolean create, boolean allOrNone,
            EmulatorControl.CallFault fault) {
        DmlEngine dml = this.org.dml();
        DmlEngine.Session session = dml.session(fault);
        int mark = session.mark();
        List<SaveResult> results = new ArrayList<>(items.size());
        boolean anyFailed = false;
        for (Item item : items) {
            SaveResult result;
            if (upsert) {
                result = dml.upsert(session, item.table(), keySlot, item.values());
            }
            else if (create) {
                result = dml.create(session, item.table(), item.values());
            }
            else if (item.id() == null) {
                result = SaveResult.failed(null, SaveError.of("MISSING_ARGUMENT",
                        "Id not specified in an update call"));
            }
            else {
                result = dml.update(session, item.table(), item.id(), item.values());
            }
            anyFailed |= !result.success();
            results.add(result);
        }
        if (allOrNone && anyFailed) {
            session.rollbackTo(mark);
            List<SaveResult> rolledBack = new ArrayList<>(results.size());
            for (SaveResult result : results) {
                rolledBack.add(result.success() ? SaveResult.failed(null, SaveError.rolledBack())
                        : new SaveResult(null, false, result.errors(), false));
            }
            return rolledBack;
        }
        return results;
    }

    private ApiResponse delete(ApiRequest request, EmulatorControl.CallFault fault) {
        String ids = request.param("ids");
        if (ids == null || ids.isBlank()) {
            throw ApiException.of(400, "MISSING_ARGUMENT", "ids parameter is required");
        }
        String[] split = ids.split(",");
        if (split.length > MAX_RECORDS) {
            throw ApiException.of(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RECORDS + " records into this call");
        }
        boolean allOrNone = Boolean.parseBoolean(request.param("allOrNone"));
        List<SaveResult> results = this.org.write(() -> {
            DmlEngine.Session session = this.org.dml().session(fault);
            int mark = session.mark();
            List<SaveResult> out = new ArrayList<>();
            boolean anyFailed = false;
            for (String id : split) {
                ObjectTable table = tableForId(id.trim());
                SaveResult result = (table == null)
                        ? SaveResult.failed(null, SaveError.of("MALFORMED_ID", "malformed id " + id.trim()))
                        : this.org.dml().delete(session, table, id.trim());
                anyFailed |= !result.success();
                out.add(result);
            }
            if (allOrNone && anyFailed) {
                session.rollbackTo(mark);
                out.replaceAll(r -> r.success() ? SaveResult.failed(null, SaveError.rolledBack()) : r);
            }
            return out;
        });
        List<Object> json = new ArrayList<>();
        for (SaveResult result : results) {
            json.add(result.toJson(false));
        }
        return ApiResponse.json(200, json);
    }

    private ObjectTable tableForId(String id) {
        if (id.length() < 3) {
            return null;
        }
        for (ObjectTable table : this.org.tables()) {
            if (id.startsWith(table.type().keyPrefix())) {
                return table;
            }
        }
        return null;
    }

    private ApiResponse retrieve(ApiRequest request, ObjectTable table, String version) {
        String ids = request.param("ids");
        String fields = request.param("fields");
        if (request.method().equals("POST")) {
            if (JsonCodec.read(request.body()) instanceof Map<?, ?> body) {
                ids = (body.get("ids") instanceof List<?> list) ? String.join(",",
                        list.stream().map(String::valueOf).toList()) : ids;
                fields = (body.get("fields") instanceof List<?> list) ? String.join(",",
                        list.stream().map(String::valueOf).toList()) : fields;
            }
        }
        if (ids == null || fields == null) {
            throw ApiException.of(400, "MISSING_ARGUMENT", "ids and fields are required");
        }
        List<FieldAccessor> columns = new ArrayList<>();
        FieldAccess access = this.org.fieldAccess();
        for (String name : fields.split(",")) {
            int slot = table.type().slotOf(name.trim());
            if (slot < 0 || !access.visible(table.type(), table.type().field(slot))) {
                throw ApiException.withFields(400, "INVALID_FIELD", "No such column '" + name.trim()
                        + "' on sobject of type " + table.type().name(), List.of());
            }
            columns.add(FieldAccessor.own(table.type().field(slot), slot));
        }
        String[] idList = ids.split(",");
        List<Object> json = this.org.read(() -> {
            List<Object> out = new ArrayList<>();
            for (String id : idList) {
                Row row = SalesforceId.normalise(id.trim()).map(table::byId).orElse(null);
                out.add((row == null || table.isDeleted(row)) ? null
                        : RecordJson.render(table.type(), row, columns, version));
            }
            return out;
        });
        return ApiResponse.json(200, json);
    }

}
