package com.goodfit.sync.apply;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

/**
 * Turns a planned value into a Bulk API 2.0 CSV cell. In a Bulk CSV an empty cell leaves a field as it is and
 * {@code #N/A} sets it null (salesforce-api.md §5); a planned null exists only where the mapping says
 * {@code clear-when-empty}, so only that becomes {@code #N/A}. Numbers are written plain (no exponent, no grouping);
 * dates and datetimes already are in Salesforce's ISO formats in the plan.
 */
final class BulkCells {

    /** The cell that sets a field null. */
    static final String SET_NULL = "#N/A";

    private BulkCells() {
    }

    static String cell(@Nullable Object value) {
        if (value == null) {
            return SET_NULL;
        }
        if (value instanceof CharSequence text) {
            // sObject Collections stores a blank string as null: the same here, where an empty cell would mean
            // "leave it".
            return text.toString().isBlank() ? SET_NULL : text.toString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof BigInteger || value instanceof Boolean) {
            return value.toString();
        }
        return value.toString();
    }

}
