package com.goodfit.sync.plan;

import java.util.Locale;

/**
 * How values of a Salesforce field compare, from the field's describe {@code type}.
 */
public enum ValueKind {

    /** Strings of any flavour: string, textarea, url, phone, picklist, id, reference. */
    TEXT,

    /** email: compared trimmed and case-insensitively (as Salesforce matches them), sent trimmed. */
    EMAIL,

    /** int, double, currency, percent: 10 equals 10.0. */
    NUMBER,

    /** date, compared as calendar days. */
    DATE,

    /** datetime, compared as instants. */
    DATETIME,

    /** boolean (a checkbox). */
    BOOLEAN;

    public static ValueKind ofSalesforceType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "int", "double", "currency", "percent", "long" -> NUMBER;
            case "date" -> DATE;
            case "datetime" -> DATETIME;
            case "boolean" -> BOOLEAN;
            case "email" -> EMAIL;
            default -> TEXT;
        };
    }

}
