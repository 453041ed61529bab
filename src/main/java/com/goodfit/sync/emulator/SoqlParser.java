package com.goodfit.sync.emulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.goodfit.sync.emulator.SoqlQuery.Aggregate;
import com.goodfit.sync.emulator.SoqlQuery.Condition;
import com.goodfit.sync.emulator.SoqlQuery.FieldPath;
import com.goodfit.sync.emulator.SoqlQuery.Literal;
import com.goodfit.sync.emulator.SoqlQuery.Order;

/**
 * Recursive-descent parser for the SOQL subset the emulator supports:
 * {@code SELECT fields|COUNT() FROM object [WHERE cond] [ORDER BY keys] [LIMIT n] [OFFSET n]}, where conditions
 * combine comparisons, {@code [NOT] IN}, {@code LIKE}, {@code AND}, {@code OR}, {@code NOT} and parentheses.
 */
final class SoqlParser {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", "<", ">", "<=", ">=");

    private static final Set<String> RESERVED = Set.of("select", "from", "where", "order", "by", "limit", "offset",
            "and", "or", "not", "in", "like", "asc", "desc", "nulls", "first", "last", "group", "having", "null",
            "true", "false", "includes", "excludes");

    static final int MAX_SOQL_LENGTH = 100_000;

    static final int MAX_LITERAL_LENGTH = 4_000;

    static final int MAX_OFFSET = 2_000;

    private final List<SoqlToken> tokens;

    private int at;

    private SoqlParser(String soql) {
        this.tokens = new SoqlLexer(soql).tokens();
    }

    static SoqlQuery parse(String soql) {
        if (soql.length() > MAX_SOQL_LENGTH) {
            throw new SoqlException("MALFORMED_QUERY", 1, "Query is too long: " + soql.length()
                    + " characters (the limit is " + MAX_SOQL_LENGTH + ")");
        }
        return new SoqlParser(soql).query();
    }

    private SoqlQuery query() {
        return query(false);
    }

    private SoqlQuery query(boolean child) {
        expect("SELECT");
        List<FieldPath> fields = new ArrayList<>();
        List<SoqlQuery> children = new ArrayList<>();
        Aggregate aggregate = null;
        do {
            if (!child && peek().is("(") && peek(1).is("SELECT")) {
                next();
                children.add(query(true));
                expect(")");
            }
            else if (peek().is("COUNT") && peek(1).is("(")) {
                next();
                next();
                FieldPath counted = peek().is(")") ? null : fieldPath();
                expect(")");
                String alias = "expr0";
                if (peek().kind() == SoqlToken.Kind.IDENT && !peek().is("FROM")) {
                    alias = next().text();
                }
                aggregate = new Aggregate(counted, alias);
            }
            else if (peek().is("FIELDS") && peek(1).is("(")) {
                SoqlToken start = next();
                next();
                SoqlToken kind = next();
                if (!(kind.is("ALL") || kind.is("STANDARD") || kind.is("CUSTOM"))) {
                    throw unexpected(kind);
                }
                expect(")");
                fields.add(new FieldPath("FIELDS(" + kind.text().toUpperCase(Locale.ROOT) + ")",
                        start.column()));
            }
            else {
                fields.add(fieldPath());
            }
        }
        while (accept(","));
        expect("FROM");
        FieldPath from = identifier();
        Condition where = null;
        if (accept("WHERE")) {
            where = orCondition();
        }
        List<FieldPath> groupBy = new ArrayList<>();
        SoqlQuery.HavingCount having = null;
        if (peek().is("GROUP")) {
            next();
            expect("BY");
            do {
                groupBy.add(fieldPath());
            }
            while (accept(","));
            if (accept("HAVING")) {
                expect("COUNT");
                expect("(");
                if (!peek().is(")")) {
                    fieldPath();
                }
                expect(")");
                SoqlToken operator = next();
                if (operator.kind() != SoqlToken.Kind.SYMBOL || !OPERATORS.contains(operator.text())) {
                    throw unexpected(operator);
                }
                having = new SoqlQuery.HavingCount(operator.text().equals("<>") ? "!=" : operator.text(), integer());
            }
        }
        for (FieldPath field : fields) {
            boolean grouped = groupBy.stream().anyMatch(g -> g.path().equalsIgnoreCase(field.path()));
            if ((aggregate != null || !groupBy.isEmpty()) && !grouped) {
                throw new SoqlException("MALFORMED_QUERY", field.column(),
                        "Field must be grouped or aggregated: " + field.path());
            }
        }
        List<Order> orderBy = new ArrayList<>();
        if (peek().is("ORDER")) {
            next();
            expect("BY");
            do {
                FieldPath field = fieldPath();
                boolean descending = false;
                if (accept("DESC")) {
                    descending = true;
                }
                else {
                    accept("ASC");
                }
                boolean nullsFirst = !descending;
                if (accept("NULLS")) {
                    if (accept("LAST")) {
                        nullsFirst = false;
                    }
                    else {
                        expect("FIRST");
                        nullsFirst = true;
                    }
                }
                orderBy.add(new Order(field, descending, nullsFirst));
            }
            while (accept(","));
        }
        Integer limit = accept("LIMIT") ? integer() : null;
        Integer offset = accept("OFFSET") ? integer() : null;
        if (offset != null && offset > MAX_OFFSET) {
            throw new SoqlException("NUMBER_OUTSIDE_VALID_RANGE", 1, "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
        boolean unboundedFields = fields.stream()
            .anyMatch(f -> f.path().equals("FIELDS(ALL)") || f.path().equals("FIELDS(CUSTOM)"));
        if (unboundedFields && (limit == null || limit > 200)) {
            throw new SoqlException("MALFORMED_QUERY", 1,
                    "The SOQL FIELDS function must have a LIMIT of at most 200");
        }
        if (!child && peek().kind() != SoqlToken.Kind.EOF) {
            throw unexpected(peek());
        }
        return new SoqlQuery(fields, aggregate, from, where, orderBy, limit, offset, children, groupBy, having);
    }

    private Condition orCondition() {
        List<Condition> parts = new ArrayList<>();
        parts.add(andCondition());
        while (accept("OR")) {
            parts.add(andCondition());
        }
        return (parts.size() == 1) ? parts.get(0) : new SoqlQuery.Or(parts);
    }

    private Condition andCondition() {
        List<Condition> parts = new ArrayList<>();
        parts.add(unary());
        while (accept("AND")) {
            parts.add(unary());
        }
        return (parts.size() == 1) ? parts.get(0) : new SoqlQuery.And(parts);
    }

    private Condition unary() {
        if (accept("NOT")) {
            return new SoqlQuery.Not(unary());
        }
        if (accept("(")) {
            Condition inner = orCondition();
            expect(")");
            return inner;
        }
        return predicate();
    }

    private Condition predicate() {
        FieldPath field = fieldPath();
        SoqlToken token = peek();
        if (token.is("LIKE")) {
            next();
            Literal pattern = literal();
            if (pattern.kind() != SoqlToken.Kind.STRING) {
                throw unexpected(this.tokens.get(this.at - 1));
            }
            return new SoqlQuery.Like(field, pattern);
        }
        boolean negated = false;
        if (token.is("NOT") && peek(1).is("IN")) {
            next();
            negated = true;
        }
        if (accept("IN")) {
            expect("(");
            if (peek().is("SELECT")) {
                SoqlQuery subquery = query(true);
                expect(")");
                return new SoqlQuery.SemiJoin(field, negated, subquery);
            }
            List<Literal> values = new ArrayList<>();
            do {
                values.add(literal());
            }
            while (accept(","));
            expect(")");
            return new SoqlQuery.In(field, negated, values);
        }
        if (token.kind() == SoqlToken.Kind.SYMBOL && OPERATORS.contains(token.text())) {
            next();
            return new SoqlQuery.Compare(field, token.text().equals("<>") ? "!=" : token.text(), literal());
        }
        throw unexpected(token);
    }

    private Literal literal() {
        SoqlToken token = next();
        switch (token.kind()) {
            case STRING:
                if (((String) token.value()).length() > MAX_LITERAL_LENGTH) {
                    throw new SoqlException("MALFORMED_QUERY", token.column(), "String literal is too long: "
                            + ((String) token.value()).length() + " characters (the limit is " + MAX_LITERAL_LENGTH
                            + ")");
                }
                return new Literal(token.kind(), token.value(), token.column());
            case NUMBER, DATE, DATETIME:
                return new Literal(token.kind(), token.value(), token.column());
            case IDENT:
                if (token.is("null")) {
                    return new Literal(SoqlToken.Kind.IDENT, null, token.column());
                }
                if (token.is("true") || token.is("false")) {
                    return new Literal(SoqlToken.Kind.IDENT, Boolean.valueOf(token.text().toLowerCase()),
                            token.column());
                }
                Optional<DateRange> range = DateRange.parse(token.text(),
                        LocalDate.now(ZoneOffset.UTC));
                if (range.isPresent()) {
                    return new Literal(SoqlToken.Kind.DATE, range.get(), token.column());
                }
                throw unexpected(token);
            default:
                throw unexpected(token);
        }
    }

    private FieldPath fieldPath() {
        FieldPath first = identifier();
        StringBuilder path = new StringBuilder(first.path());
        while (peek().is(".")) {
            next();
            path.append('.').append(identifier().path());
        }
        return new FieldPath(path.toString(), first.column());
    }

    private FieldPath identifier() {
        SoqlToken token = next();
        if (token.kind() != SoqlToken.Kind.IDENT || RESERVED.contains(token.text().toLowerCase())) {
            throw unexpected(token);
        }
        return new FieldPath(token.text(), token.column());
    }

    private int integer() {
        SoqlToken token = next();
        if (token.kind() != SoqlToken.Kind.NUMBER) {
            throw unexpected(token);
        }
        try {
            return ((java.math.BigDecimal) token.value()).intValueExact();
        }
        catch (ArithmeticException ex) {
            throw unexpected(token);
        }
    }

    private SoqlToken peek() {
        return this.tokens.get(this.at);
    }

    private SoqlToken peek(int ahead) {
        return this.tokens.get(Math.min(this.at + ahead, this.tokens.size() - 1));
    }

    private SoqlToken next() {
        SoqlToken token = this.tokens.get(this.at);
        if (token.kind() != SoqlToken.Kind.EOF) {
            this.at++;
        }
        return token;
    }

    private boolean accept(String keyword) {
        if (peek().is(keyword)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String keyword) {
        SoqlToken token = next();
        if (!token.is(keyword)) {
            throw unexpected(token);
        }
    }

    private static SoqlException unexpected(SoqlToken token) {
        return new SoqlException("MALFORMED_QUERY", token.column(), "unexpected token: '" + token.display() + "'");
    }

}
