package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders describe output: the global object list and one object's describe with its fields.
 */
final class DescribeRenderer {

    private DescribeRenderer() {
    }

    static Map<String, Object> globalDescribe(List<ObjectTable> tables, String version) {
        List<Object> objects = new ArrayList<>();
        for (ObjectTable table : tables) {
            objects.add(summary(table.type(), version));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encoding", "UTF-8");
        body.put("maxBatchSize", 200);
        body.put("sobjects", objects);
        return body;
    }

    static Map<String, Object> summary(SObjectType type, String version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activateable", false);
        json.put("createable", true);
        json.put("custom", false);
        json.put("customSetting", false);
        json.put("deletable", true);
        json.put("keyPrefix", type.keyPrefix());
        json.put("label", type.label());
        json.put("labelPlural", type.label() + "s");
        json.put("name", type.name());
        json.put("queryable", true);
        json.put("retrieveable", true);
        json.put("searchable", true);
        json.put("triggerable", true);
        json.put("undeletable", true);
        json.put("updateable", true);
        json.put("urls", urls(type, version));
        return json;
    }

    private static Map<String, Object> urls(SObjectType type, String version) {
        String base = "/services/data/" + version + "/sobjects/" + type.name();
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("sobject", base);
        urls.put("describe", base + "/describe");
        urls.put("rowTemplate", base + "/{ID}");
        return urls;
    }

    private static List<Object> childRelationships(SObjectType type, List<ObjectTable> tables) {
        List<Object> children = new ArrayList<>();
        for (ObjectTable table : tables) {
            for (FieldDefinition field : table.type().fields()) {
                if (type.name().equals(field.referenceTo()) && !field.name().endsWith("ById")) {
                    Map<String, Object> child = new LinkedHashMap<>();
                    child.put("cascadeDelete", false);
                    child.put("childSObject", table.type().name());
                    child.put("deprecatedAndHidden", false);
                    child.put("field", field.name());
                    child.put("relationshipName", table.type().name().endsWith("s") ? null : table.type().name() + "s");
                    children.add(child);
                }
            }
        }
        return children;
    }

    static Map<String, Object> describe(SObjectType type, String version, FieldAccess access,
            List<ObjectTable> tables) {
        Map<String, Object> json = summary(type, version);
        List<Object> fields = new ArrayList<>();
        for (FieldDefinition field : type.fields()) {
            if (access.visible(type, field)) {
                Map<String, Object> entry = field(field);
                if (!access.editable(type, field)) {
                    entry.put("createable", false);
                    entry.put("updateable", false);
                }
                fields.add(entry);
            }
        }
        json.put("fields", fields);
        json.put("childRelationships", childRelationships(type, tables));
        Map<String, Object> master = new LinkedHashMap<>();
        master.put("active", true);
        master.put("available", true);
        master.put("defaultRecordTypeMapping", true);
        master.put("developerName", "Master");
        master.put("master", true);
        master.put("name", "Master");
        master.put("recordTypeId", "012000000000000AAA");
        json.put("recordTypeInfos", List.of(master));
        return json;
    }

    static Map<String, Object> field(FieldDefinition field) {
        FieldType type = field.type();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.name());
        json.put("label", field.label());
        json.put("type", type.describeName());
        json.put("length", type.isText() ? field.length() : 0);
        json.put("byteLength", type.isText() ? field.length() * 3 : 0);
        json.put("precision", type.isNumber() && type != FieldType.INT ? field.precision() : 0);
        json.put("scale", type.isNumber() && type != FieldType.INT ? field.scale() : 0);
        json.put("digits", type == FieldType.INT ? field.precision() : 0);
        json.put("nillable", field.nillable());
        json.put("createable", field.createable());
        json.put("updateable", field.updateable());
        json.put("defaultedOnCreate", field.defaultedOnCreate() || type == FieldType.BOOLEAN);
        json.put("custom", field.custom());
        json.put("unique", field.unique());
        json.put("caseSensitive", field.caseSensitive());
        json.put("externalId", field.externalId());
        json.put("idLookup", field.idLookup());
        json.put("calculated", false);
        json.put("autoNumber", false);
        json.put("filterable", true);
        json.put("sortable", type != FieldType.TEXTAREA || field.length() <= 255);
        json.put("restrictedPicklist", field.restrictedPicklist());
        List<Object> picklist = new ArrayList<>();
        for (String value : field.picklistValues()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("active", true);
            entry.put("defaultValue", false);
            entry.put("label", value);
            entry.put("validFor", null);
            entry.put("value", value);
            picklist.add(entry);
        }
        json.put("picklistValues", picklist);
        json.put("referenceTo", (field.referenceTo() != null) ? List.of(field.referenceTo()) : List.of());
        json.put("relationshipName", field.relationshipName());
        json.put("soapType", type.soapType());
        return json;
    }

}
