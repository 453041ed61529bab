package com.goodfit.sync.matching;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.salesforce.SoqlLiteral;

/**
 * Cuts a list of values into {@code Field IN (...)} conditions small enough for a query URL: a query travels in the
 * URI of a GET, which Salesforce refuses above 16,384 bytes (414) and advises keeping short, so each condition holds
 * at most {@link #MAX_VALUES} values and {@link #MAX_ENCODED_LENGTH} URL-encoded characters (salesforce-api.md §2.4).
 */
public final class InListBatches {

    /** Values in one IN list at most. */
    public static final int MAX_VALUES = 200;

    /** URL-encoded characters of one IN list at most, leaving room for the rest of the statement. */
    static final int MAX_ENCODED_LENGTH = 10_000;

    private final String field;

    private final List<String> conditions = new ArrayList<>();

    private final List<String> current = new ArrayList<>();

    private int currentLength;

    /** @param field the field the values are compared with, e.g. {@code Email} */
    public InListBatches(String field) {
        this.field = field;
    }

    /** @param value a value to look up; the caller removes duplicates */
    public void add(String value) {
        int length = URLEncoder.encode(SoqlLiteral.quote(value), StandardCharsets.UTF_8).length() + 3;
        if (!this.current.isEmpty()
                && (this.current.size() == MAX_VALUES || this.currentLength + length > MAX_ENCODED_LENGTH)) {
            flush();
        }
        this.current.add(value);
        this.currentLength += length;
    }

    /** @return the conditions, one per query */
    public List<String> conditions() {
        flush();
        return List.copyOf(this.conditions);
    }

    private void flush() {
        if (!this.current.isEmpty()) {
            this.conditions.add(this.field + " IN " + SoqlLiteral.quoteAll(this.current));
            this.current.clear();
            this.currentLength = 0;
        }
    }

}
