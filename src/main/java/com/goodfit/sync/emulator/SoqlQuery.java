package com.goodfit.sync.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A parsed SOQL statement, before its field names are checked against the object's schema.
 *
 * @param fields the selected field paths (empty for {@code COUNT()})
 * @param aggregate the selected aggregate, if the statement is {@code COUNT()} or {@code COUNT(field)}
 * @param from the object name as written
 * @param where the filter, or null
 * @param orderBy the sort keys
 * @param limit the LIMIT, or null
 * @param offset the OFFSET, or null
 * @param children parent-to-child subqueries in the select list, e.g. {@code (SELECT Id FROM Contacts)}
 * @param groupBy the GROUP BY fields (empty when not grouped)
 * @param having the HAVING COUNT condition, or null
 */
record SoqlQuery(List<FieldPath> fields, @Nullable Aggregate aggregate, FieldPath from, @Nullable Condition where,
        List<Order> orderBy, @Nullable Integer limit, @Nullable Integer offset, List<SoqlQuery> children,
        List<FieldPath> groupBy, @Nullable HavingCount having) {

    /** {@code HAVING COUNT(...) op n}. */
    record HavingCount(String operator, long value) {

        boolean test(long count) {
            return switch (this.operator) {
                case "=" -> count == this.value;
                case "!=" -> count != this.value;
                case "<" -> count < this.value;
                case ">" -> count > this.value;
                case "<=" -> count <= this.value;
                default -> count >= this.value;
            };
        }

    }

    /** A dotted field path such as {@code Account.Name} and where it was written. */
    record FieldPath(String path, int column) {
    }

    /** {@code COUNT()} (no field) or {@code COUNT(field)}, with its optional alias. */
    record Aggregate(@Nullable FieldPath field, String alias) {
    }

    /** One ORDER BY key. */
    record Order(FieldPath field, boolean descending, boolean nullsFirst) {
    }

    /** A WHERE clause node. */
    sealed interface Condition permits Compare, In, SemiJoin, Like, And, Or, Not {
    }

    /** {@code field [NOT] IN (SELECT field FROM ...)}. */
    record SemiJoin(FieldPath field, boolean negated, SoqlQuery subquery) implements Condition {
    }

    /** {@code field op literal}. */
    record Compare(FieldPath field, String operator, Literal value) implements Condition {
    }

    /** {@code field [NOT] IN (literal, ...)}. */
    record In(FieldPath field, boolean negated, List<Literal> values) implements Condition {
    }

    /** {@code field LIKE 'pattern'}. */
    record Like(FieldPath field, Literal pattern) implements Condition {
    }

    /** Conjunction. */
    record And(List<Condition> parts) implements Condition {
    }

    /** Disjunction. */
    record Or(List<Condition> parts) implements Condition {
    }

    /** Negation. */
    record Not(Condition inner) implements Condition {
    }

    /** A literal value: String, BigDecimal, Boolean, LocalDate, Long datetime millis, or null. */
    record Literal(SoqlToken.Kind kind, @Nullable Object value, int column) {
    }

}
