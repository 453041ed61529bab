package com.goodfit.sync.source.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;
import com.goodfit.sync.source.filter.FilterExpression.FieldRef;
import com.goodfit.sync.source.filter.FilterExpression.Literal;
import com.goodfit.sync.source.filter.FilterExpression.LiteralKind;

/**
 * Compiles a company filter to a parameterised SQL condition on the source alias {@code s}. Nothing the user typed
 * reaches the SQL text: field names are looked up in the data directory and written as the directory spells them,
 * operators come from a fixed set, and every value becomes a named parameter of the field's type.
 */
public final class FilterCompiler {

    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final Map<String, String> OPERATORS = Map.of("=", "=", "!=", "<>", "<", "<", "<=", "<=", ">",
            ">", ">=", ">=");

    private final FieldDirectory directory;

    private final FilterDialect dialect;

    private final String prefix;

    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * @param directory the data directory: its company fields are the ones a filter may name
     * @param dialect the database the SQL is for
     * @param prefix the prefix of the named parameters, so they cannot clash with the reader's own
     */
    public FilterCompiler(FieldDirectory directory, FilterDialect dialect, String prefix) {
        this.directory = directory;
        this.dialect = dialect;
        this.prefix = prefix;
    }

    /**
     * @param filter the filter as typed
     * @return the SQL condition and its parameters
     * @throws FilterException naming the column of a syntax error, an unknown field (with the valid ones) or a value
     * of the wrong type
     */
    public CompiledFilter compile(String filter) {
        String sql = sql(FilterParser.parse(filter));
        return new CompiledFilter(sql, this.parameters);
    }

    private String sql(FilterExpression expression) {
        if (expression instanceof FilterExpression.And and) {
            return "(" + sql(and.left()) + " AND " + sql(and.right()) + ")";
        }
        if (expression instanceof FilterExpression.Or or) {
            return "(" + sql(or.left()) + " OR " + sql(or.right()) + ")";
        }
        if (expression instanceof FilterExpression.Not not) {
            return "(NOT " + sql(not.operand()) + ")";
        }
        if (expression instanceof FilterExpression.IsNull isNull) {
            return "(" + value(field(isNull.field())) + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
        }
        if (expression instanceof FilterExpression.Comparison comparison) {
            FieldDefinition field = field(comparison.field());
            if (field.type() == FieldType.BOOLEAN && !List.of("=", "!=").contains(comparison.operator())) {
                throw new FilterException(comparison.value().column(), "field '" + field.key()
                        + "' is a boolean: compare it with = or != only");
            }
            return "(" + value(field) + " " + OPERATORS.get(comparison.operator()) + " "
                    + parameter(field, comparison.value()) + ")";
        }
        if (expression instanceof FilterExpression.In in) {
            FieldDefinition field = field(in.field());
            String values = in.values().stream().map(value -> parameter(field, value)).collect(Collectors.joining(", "));
            return "(" + value(field) + (in.negated() ? " NOT IN (" : " IN (") + values + "))";
        }
        if (expression instanceof FilterExpression.Like like) {
            FieldDefinition field = field(like.field());
            if (!isText(field.type())) {
                throw new FilterException(like.field().column(), "'like' needs a text field, and '" + field.key()
                        + "' is a " + typeName(field.type()));
            }
            return "(" + value(field) + (like.negated() ? " NOT LIKE " : " LIKE ") + parameter(field, like.pattern())
                    + ")";
        }
        throw new IllegalStateException("unknown filter expression " + expression);
    }

    private FieldDefinition field(FieldRef ref) {
        FieldDefinition field = this.directory.find(SourceObject.ACCOUNT, ref.name().toLowerCase(Locale.ROOT))
            .orElseThrow(() -> new FilterException(ref.column(), "unknown field '" + ref.name()
                    + "'; the fields you can filter on are: " + this.directory.fieldsOf(SourceObject.ACCOUNT)
                        .stream()
                        .map(FieldDefinition::key)
                        .sorted()
                        .collect(Collectors.joining(", "))));
        if (field.inDataPoints() && this.dialect != FilterDialect.POSTGRESQL) {
            throw new FilterException(ref.column(), "field '" + field.key() + "' is kept in the data_points JSON "
                    + "column, which filters can query on PostgreSQL only (not on the embedded demo database)");
        }
        return field;
    }

    /** The SQL value of a field, typed so that comparisons with its parameters are typed too. */
    private String value(FieldDefinition field) {
        if (!field.inDataPoints()) {
            if (!COLUMN.matcher(field.key()).matches()) {
                throw new FilterException(0, "field_definitions key '" + field.key() + "' is not a column name");
            }
            return "s." + field.key();
        }
        String key = addParameter(field.key());
        String text = "(s.data_points ->> " + key + ")";
        // A data point of the wrong shape (messy data) compares as null instead of failing the whole query.
        return switch (field.type()) {
            case NUMBER, CURRENCY -> "(CASE WHEN " + text + " ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' THEN CAST(" + text
                    + " AS NUMERIC) END)";
            case DATE -> "(CASE WHEN " + text + " ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST(" + text
                    + " AS DATE) END)";
            case BOOLEAN -> "LOWER" + text;
            default -> text;
        };
    }

    private String parameter(FieldDefinition field, Literal literal) {
        return addParameter(typed(field, literal));
    }

    private Object typed(FieldDefinition field, Literal literal) {
        FieldType type = field.type();
        if (isText(type)) {
            require(literal, LiteralKind.STRING, field, "a quoted text value ('...')");
            return literal.text();
        }
        if (type == FieldType.NUMBER || type == FieldType.CURRENCY) {
            require(literal, LiteralKind.NUMBER, field, "a number (without quotes)");
            return new BigDecimal(literal.text());
        }
        if (type == FieldType.DATE) {
            if (literal.kind() != LiteralKind.DATE && literal.kind() != LiteralKind.STRING) {
                throw mismatch(literal, field, "a date ('2024-01-31' or date '2024-01-31')");
            }
            try {
                return LocalDate.parse(literal.text());
            }
            catch (DateTimeParseException ex) {
                throw new FilterException(literal.column(), "'" + literal.text() + "' is not a date (write it as "
                        + "YYYY-MM-DD, e.g. '2024-01-31')");
            }
        }
        require(literal, LiteralKind.BOOLEAN, field, "true or false");
        boolean value = Boolean.parseBoolean(literal.text());
        return field.inDataPoints() ? Boolean.toString(value) : value;
    }

    private static void require(Literal literal, LiteralKind kind, FieldDefinition field, String expected) {
        if (literal.kind() != kind) {
            throw mismatch(literal, field, expected);
        }
    }

    private static FilterException mismatch(Literal literal, FieldDefinition field, String expected) {
        return new FilterException(literal.column(), "field '" + field.key() + "' is a " + typeName(field.type())
                + ": expected " + expected + ", found " + describe(literal));
    }

    private static String describe(Literal literal) {
        return switch (literal.kind()) {
            case STRING -> "the text '" + literal.text() + "'";
            case DATE -> "the date '" + literal.text() + "'";
            case NUMBER -> "the number " + literal.text();
            case BOOLEAN -> literal.text();
        };
    }

    private String addParameter(Object value) {
        String name = this.prefix + this.parameters.size();
        this.parameters.put(name, value);
        return ":" + name;
    }

    private static boolean isText(FieldType type) {
        return switch (type) {
            case TEXT, URL, EMAIL, PHONE, PICKLIST -> true;
            default -> false;
        };
    }

    private static String typeName(FieldType type) {
        return type.name().toLowerCase(Locale.ROOT) + " field";
    }

}
