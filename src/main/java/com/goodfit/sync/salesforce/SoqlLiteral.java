package com.goodfit.sync.salesforce;

import java.util.Collection;
import java.util.StringJoiner;

/**
 * Turns values into SOQL string literals, so that no value can change a statement: every value placed in SOQL goes
 * through here. Escapes follow Salesforce's quoted-string escape sequences ({@code \' \" \\ \n \r \t \b \f}, plus
 * {@code \% \_} inside LIKE); other control characters are refused, since SOQL has no escape for them.
 */
public final class SoqlLiteral {

    /** Salesforce's limit for one string literal in a WHERE clause. */
    static final int MAX_LITERAL_LENGTH = 4000;

    private SoqlLiteral() {
    }

    /**
     * A quoted literal for {@code =}, {@code !=}, {@code IN}.
     * @param value any text
     * @return {@code 'value'}, escaped
     */
    public static String quote(String value) {
        return "'" + escape(value, false) + "'";
    }

    /**
     * A parenthesised list of quoted literals for {@code IN}; chunk long lists (100–200 values) to keep URLs short.
     * @param values at least one value
     * @return {@code ('a','b')}
     */
    public static String quoteAll(Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An IN list needs at least one value");
        }
        StringJoiner list = new StringJoiner(",", "(", ")");
        values.forEach((value) -> list.add(quote(value)));
        return list.toString();
    }

    /**
     * The inside of a LIKE pattern that matches the value literally ({@code %} and {@code _} escaped too), for
     * callers composing their own pattern: {@code "'" + likePattern(a) + "%'"}.
     * @param value any text
     * @return the escaped text, without quotes
     */
    public static String likePattern(String value) {
        return escape(value, true);
    }

    /**
     * A quoted LIKE pattern matching text that starts with the value.
     * @param value any text
     * @return {@code 'value%'}, escaped
     */
    public static String startsWith(String value) {
        return "'" + likePattern(value) + "%'";
    }

    /**
     * A quoted LIKE pattern matching text that contains the value.
     * @param value any text
     * @return {@code '%value%'}, escaped
     */
    public static String contains(String value) {
        return "'%" + likePattern(value) + "%'";
    }

    private static String escape(String value, boolean like) {
        if (value.length() > MAX_LITERAL_LENGTH) {
            throw new IllegalArgumentException("A SOQL string literal may hold at most %d characters, got %d"
                .formatted(MAX_LITERAL_LENGTH, value.length()));
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> escaped.append("\\'");
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                case '%' -> escaped.append(like ? "\\%" : "%");
                case '_' -> escaped.append(like ? "\\_" : "_");
                default -> {
                    if (Character.isISOControl(c)) {
                        throw new IllegalArgumentException(
                                "SOQL cannot express control character U+%04X in a string literal".formatted((int) c));
                    }
                    escaped.append(c);
                }
            }
        }
        return escaped.toString();
    }

}
