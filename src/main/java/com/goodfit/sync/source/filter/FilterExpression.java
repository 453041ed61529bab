package com.goodfit.sync.source.filter;

import java.util.List;

/**
 * The syntax tree of a filter. Field names are as written (checked against the data directory on compilation);
 * literals keep the column they were written at, so a type error can point at them.
 */
sealed interface FilterExpression {

    /** {@code field op value}, with op one of {@code = != < <= > >=}. */
    record Comparison(FieldRef field, String operator, Literal value) implements FilterExpression {
    }

    /** {@code field [not] in (v1, v2, ...)}. */
    record In(FieldRef field, List<Literal> values, boolean negated) implements FilterExpression {

        public In {
            values = List.copyOf(values);
        }

    }

    /** {@code field [not] like 'pattern'}. */
    record Like(FieldRef field, Literal pattern, boolean negated) implements FilterExpression {
    }

    /** {@code field is [not] null}. */
    record IsNull(FieldRef field, boolean negated) implements FilterExpression {
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
    }

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
    }

    record Not(FilterExpression operand) implements FilterExpression {
    }

    /** A field as written, and where. */
    record FieldRef(String name, int column) {
    }

    /**
     * A literal value as written.
     *
     * @param kind string, number, date ({@code date '2024-01-31'}) or boolean
     * @param text the value's text (unquoted)
     * @param column where it was written
     */
    record Literal(LiteralKind kind, String text, int column) {
    }

    enum LiteralKind {

        STRING, NUMBER, DATE, BOOLEAN

    }

}
