package com.goodfit.sync.source.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.goodfit.sync.source.filter.FilterExpression.FieldRef;
import com.goodfit.sync.source.filter.FilterExpression.Literal;
import com.goodfit.sync.source.filter.FilterExpression.LiteralKind;
import com.goodfit.sync.source.filter.FilterToken.Kind;

/**
 * Recursive-descent parser of the filter language into a {@link FilterExpression}. Precedence, loosest first:
 * {@code or}, {@code and}, {@code not}, then one predicate or a parenthesised expression.
 *
 * <pre>
 * expression := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | '(' expression ')' | predicate
 * predicate  := field ( op literal | ['not'] 'in' '(' literal (',' literal)* ')' | ['not'] 'like' string
 *                     | 'is' ['not'] 'null' )
 * literal    := string | number | 'date' string | 'true' | 'false'
 * </pre>
 */
final class FilterParser {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "like", "is", "null", "true",
            "false", "date");

    /** Deeper nesting than this is not a filter anyone types, and would only exhaust the stack. */
    private static final int MAX_DEPTH = 50;

    private final List<FilterToken> tokens;

    private int position;

    private int depth;

    private FilterParser(List<FilterToken> tokens) {
        this.tokens = tokens;
    }

    static FilterExpression parse(String text) {
        if (text.isBlank()) {
            throw new FilterException(0, "the filter is empty");
        }
        FilterParser parser = new FilterParser(new FilterLexer(text).tokens());
        FilterExpression expression = parser.expression();
        FilterToken trailing = parser.peek();
        if (!trailing.is(Kind.END)) {
            throw new FilterException(trailing.column(), "expected 'and', 'or' or the end of the filter, found "
                    + trailing.describe());
        }
        return expression;
    }

    private FilterExpression expression() {
        if (++this.depth > MAX_DEPTH) {
            throw new FilterException(peek().column(), "nested deeper than " + MAX_DEPTH + " levels");
        }
        FilterExpression left = and();
        while (peek().isKeyword("or")) {
            this.position++;
            left = new FilterExpression.Or(left, and());
        }
        this.depth--;
        return left;
    }

    private FilterExpression and() {
        FilterExpression left = unary();
        while (peek().isKeyword("and")) {
            this.position++;
            left = new FilterExpression.And(left, unary());
        }
        return left;
    }

    private FilterExpression unary() {
        FilterToken token = peek();
        if (token.isKeyword("not")) {
            this.position++;
            if (++this.depth > MAX_DEPTH) {
                throw new FilterException(token.column(), "nested deeper than " + MAX_DEPTH + " levels");
            }
            FilterExpression operand = unary();
            this.depth--;
            return new FilterExpression.Not(operand);
        }
        if (token.is(Kind.LEFT_PAREN)) {
            this.position++;
            FilterExpression inner = expression();
            FilterToken close = next();
            if (!close.is(Kind.RIGHT_PAREN)) {
                throw new FilterException(close.column(), "expected ')' to close the '(' at column "
                        + token.column() + ", found " + close.describe());
            }
            return inner;
        }
        return predicate();
    }

    private FilterExpression predicate() {
        FilterToken name = next();
        if (!name.is(Kind.IDENTIFIER) || KEYWORDS.contains(name.text().toLowerCase(java.util.Locale.ROOT))) {
            throw new FilterException(name.column(), "expected a field name, found " + name.describe());
        }
        FieldRef field = new FieldRef(name.text(), name.column());
        FilterToken operator = next();
        if (operator.is(Kind.OPERATOR)) {
            return new FilterExpression.Comparison(field, operator.text(), literal(operator));
        }
        if (operator.isKeyword("is")) {
            boolean negated = acceptKeyword("not");
            FilterToken nullWord = next();
            if (!nullWord.isKeyword("null")) {
                throw new FilterException(nullWord.column(), "expected 'null' after 'is" + (negated ? " not" : "")
                        + "', found " + nullWord.describe());
            }
            return new FilterExpression.IsNull(field, negated);
        }
        boolean negated = operator.isKeyword("not");
        if (negated) {
            operator = next();
        }
        if (operator.isKeyword("in")) {
            return new FilterExpression.In(field, list(), negated);
        }
        if (operator.isKeyword("like")) {
            FilterToken pattern = next();
            if (!pattern.is(Kind.STRING)) {
                throw new FilterException(pattern.column(), "expected a quoted pattern after 'like', found "
                        + pattern.describe());
            }
            return new FilterExpression.Like(field, new Literal(LiteralKind.STRING, pattern.text(), pattern.column()),
                    negated);
        }
        throw new FilterException(operator.column(), "expected an operator (= != < <= > >= in like is) after '"
                + name.text() + "', found " + operator.describe());
    }

    private List<Literal> list() {
        FilterToken open = next();
        if (!open.is(Kind.LEFT_PAREN)) {
            throw new FilterException(open.column(), "expected '(' after 'in', found " + open.describe());
        }
        List<Literal> values = new ArrayList<>();
        values.add(literal(open));
        FilterToken separator = next();
        while (separator.is(Kind.COMMA)) {
            values.add(literal(separator));
            separator = next();
        }
        if (!separator.is(Kind.RIGHT_PAREN)) {
            throw new FilterException(separator.column(), "expected ',' or ')' in the 'in' list, found "
                    + separator.describe());
        }
        return values;
    }

    private Literal literal(FilterToken after) {
        FilterToken token = next();
        if (token.is(Kind.STRING)) {
            return new Literal(LiteralKind.STRING, token.text(), token.column());
        }
        if (token.is(Kind.NUMBER)) {
            return new Literal(LiteralKind.NUMBER, token.text(), token.column());
        }
        if (token.isKeyword("true") || token.isKeyword("false")) {
            return new Literal(LiteralKind.BOOLEAN, token.text().toLowerCase(java.util.Locale.ROOT), token.column());
        }
        if (token.isKeyword("date")) {
            FilterToken value = next();
            if (!value.is(Kind.STRING)) {
                throw new FilterException(value.column(), "expected a quoted date after 'date' (date '2024-01-31'), "
                        + "found " + value.describe());
            }
            return new Literal(LiteralKind.DATE, value.text(), value.column());
        }
        throw new FilterException(token.column(), "expected a value ('text', a number, date 'YYYY-MM-DD', true or "
                + "false) after '" + after.text() + "', found " + token.describe());
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            this.position++;
            return true;
        }
        return false;
    }

    private FilterToken peek() {
        return this.tokens.get(this.position);
    }

    private FilterToken next() {
        FilterToken token = this.tokens.get(this.position);
        if (!token.is(Kind.END)) {
            this.position++;
        }
        return token;
    }

}
