package com.goodfit.sync.source;

/**
 * The type of a syncable source field, as recorded in {@code field_definitions.field_type}.
 */
public enum FieldType {

    TEXT, NUMBER, CURRENCY, DATE, BOOLEAN, URL, EMAIL, PHONE, PICKLIST

}
