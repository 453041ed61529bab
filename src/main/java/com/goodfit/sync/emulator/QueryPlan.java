package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.goodfit.sync.emulator.SoqlQuery.Condition;
import com.goodfit.sync.emulator.SoqlQuery.FieldPath;
import com.goodfit.sync.emulator.SoqlQuery.Literal;

/**
 * A SOQL query bound to an object's schema: field accessors for the selected columns, a compiled row filter and
 * a sort order. Binding reports unknown objects and fields as Salesforce does. Executing it runs under the org's
 * read lock and uses a value index for {@code field = x} / {@code field IN (...)} filters.
 */
final class QueryPlan {

    private static final String FIELD_HINT = "If you are attempting to use a custom field, be sure to append the "
            + "'__c' after the custom field name. Please reference your WSDL or the describe call for the "
            + "appropriate names.";

    // Scanning is fine for small tables; beyond this an equality filter builds (and keeps) a value index.
    private static final int INDEX_THRESHOLD = 5_000;

    private final SoqlQuery query;

    private final ObjectTable table;

    private final Function<String, ObjectTable> tables;

    private final FieldAccess access;

    private final List<ChildPlan> children = new ArrayList<>();

    private FieldAccessor aggregateColumn;

    private final List<FieldAccessor> columns = new ArrayList<>();

    private final Predicate<Row> filter;

    private final Comparator<Row> order;

    private QueryPlan(SoqlQuery query, ObjectTable table, Function<String, ObjectTable> tables, FieldAccess access) {
        this.access = access;
        this.query = query;
        this.table = table;
        this.tables = tables;
        for (FieldPath path : query.fields()) {
            if (path.path().startsWith("FIELDS(")) {
                expandFields(path.path());
            }
            else {
                this.columns.add(bind(path));
            }
        }
        if (query.aggregate() != null && query.aggregate().field() != null) {
            this.aggregateColumn = bind(query.aggregate().field());
        }
        for (FieldPath path : query.groupBy()) {
            bind(path);
        }
        this.filter = (query.where() != null) ? compile(query.where()) : row -> true;
        this.order = comparator();
        for (SoqlQuery child : query.children()) {
            this.children.add(bindChild(child));
        }
    }

    /** {@code FIELDS(ALL|STANDARD|CUSTOM)}: every visible field of that kind, in describe order. */
    private void expandFields(String function) {
        SObjectType type = this.table.type();
        for (int slot = 0; slot < type.fieldCount(); slot++) {
            FieldDefinition field = type.field(slot);
            boolean wanted = function.equals("FIELDS(ALL)") || (function.equals("FIELDS(CUSTOM)") == field.custom());
            if (wanted && this.access.visible(type, field)) {
                this.columns.add(FieldAccessor.own(field, slot));
            }
        }
    }

    /** A parent-to-child subquery: its name in results, its plan on the child object, the lookup to the parent. */
    record ChildPlan(String relationshipName, QueryPlan plan, int referenceSlot) {
    }

    // Child relationship names follow describe's childRelationships: the child object's name plus "s".
    private ChildPlan bindChild(SoqlQuery child) {
        String relationship = child.from().path();
        ObjectTable childTable = relationship.endsWith("s")
                ? this.tables.apply(relationship.substring(0, relationship.length() - 1)) : null;
        if (childTable != null) {
            SObjectType childType = childTable.type();
            for (int slot = 0; slot < childType.fieldCount(); slot++) {
                FieldDefinition field = childType.field(slot);
                if (this.table.type().name().equals(field.referenceTo()) && !field.name().endsWith("ById")) {
                    QueryPlan plan = new QueryPlan(child, childTable, this.tables, this.access);
                    return new ChildPlan(childType.name() + "s", plan, slot);
                }
            }
        }
        throw new SoqlException("INVALID_TYPE", child.from().column(), "Didn't understand relationship '"
                + relationship + "' in FROM part of query call. If you are attempting to use a custom relationship, "
                + "be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the "
                + "describe call for the appropriate names.");
    }

    /** The child rows of one parent row for a subquery, filtered, sorted and limited. */
    List<Row> childRows(ChildPlan child, Row parent) {
        QueryPlan plan = child.plan();
        List<Row> matched = new ArrayList<>();
        for (Row row : plan.table.find(child.referenceSlot(), parent.id())) {
            if (plan.filter.test(row)) {
                matched.add(row);
            }
        }
        matched.sort((plan.order != null) ? plan.order : Comparator.comparing(Row::id));
        int from = Math.min(matched.size(), (plan.query.offset() != null) ? plan.query.offset() : 0);
        int to = (plan.query.limit() != null) ? Math.min(matched.size(), from + plan.query.limit()) : matched.size();
        return matched.subList(from, to);
    }

    /** A result record: attributes, selected columns, then each subquery's nested result (null when empty). */
    Map<String, Object> render(Row row, String version) {
        Map<String, Object> json = RecordJson.render(type(), row, this.columns, version);
        for (ChildPlan child : this.children) {
            List<Row> rows = childRows(child, row);
            if (rows.isEmpty()) {
                json.put(child.relationshipName(), null);
                continue;
            }
            List<Object> records = new ArrayList<>(rows.size());
            for (Row childRow : rows) {
                records.add(child.plan().render(childRow, version));
            }
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("totalSize", rows.size());
            nested.put("done", true);
            nested.put("records", records);
            json.put(child.relationshipName(), nested);
        }
        return json;
    }

    /**
     * GROUP BY results as AggregateResult records: the grouped fields and the COUNT under its alias, groups in
     * first-seen order (strings grouped ignoring case), HAVING then OFFSET and LIMIT applied to groups.
     */
    List<Object> aggregateRecords(List<Row> rows) {
        Map<List<Object>, Object[]> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            List<Object> key = new ArrayList<>(this.columns.size());
            Object[] sample = new Object[this.columns.size() + 1];
            for (int c = 0; c < this.columns.size(); c++) {
                Object value = this.columns.get(c).value(row);
                key.add((value instanceof String text) ? text.toLowerCase(Locale.ROOT) : value);
                sample[c] = value;
            }
            Object[] group = groups.computeIfAbsent(key, k -> sample);
            boolean counted = this.aggregateColumn == null || this.aggregateColumn.value(row) != null;
            group[this.columns.size()] = ((group[this.columns.size()] instanceof Long n) ? n : 0L) + (counted ? 1 : 0);
        }
        List<Object> records = new ArrayList<>();
        for (Object[] group : groups.values()) {
            long count = (group[this.columns.size()] instanceof Long n) ? n : 0L;
            if (this.query.having() != null && !this.query.having().test(count)) {
                continue;
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("attributes", Map.of("type", "AggregateResult"));
            for (int c = 0; c < this.columns.size(); c++) {
                FieldAccessor column = this.columns.get(c);
                record.put(column.field().name(), column.field().type().toJson(group[c]));
            }
            if (this.query.aggregate() != null) {
                record.put(this.query.aggregate().alias(), count);
            }
            records.add(record);
        }
        int from = Math.min(records.size(), (this.query.offset() != null) ? this.query.offset() : 0);
        int to = (this.query.limit() != null) ? Math.min(records.size(), from + this.query.limit()) : records.size();
        return new ArrayList<>(records.subList(from, to));
    }

    boolean hasChildren() {
        return !this.children.isEmpty();
    }

    static QueryPlan bind(SoqlQuery query, FieldAccess access, Function<String, ObjectTable> tables) {
        ObjectTable table = tables.apply(query.from().path());
        if (table == null) {
            throw new SoqlException("INVALID_TYPE", query.from().column(), "sObject type '" + query.from().path()
                    + "' is not supported. If you are attempting to use a custom object, be sure to append the "
                    + "'__c' after the entity name. Please reference your WSDL or the describe call for the "
                    + "appropriate names.");
        }
        return new QueryPlan(query, table, tables, access);
    }

    SObjectType type() {
        return this.table.type();
    }

    SoqlQuery query() {
        return this.query;
    }

    List<FieldAccessor> columns() {
        return this.columns;
    }

    /** The matching rows in result order, after OFFSET and LIMIT. */
    List<Row> execute(boolean includeDeleted) {
        List<Row> matched = new ArrayList<>();
        // Value indexes hold live rows only, so queryAll scans.
        for (Row row : includeDeleted ? this.table.rows() : candidates()) {
            if ((includeDeleted || !this.table.isDeleted(row)) && this.filter.test(row)) {
                matched.add(row);
            }
        }
        if (this.order != null) {
            matched.sort(this.order);
        }
        if (!this.query.groupBy().isEmpty()) {
            // LIMIT and OFFSET count groups, applied by the caller after grouping.
            return matched;
        }
        int from = Math.min(matched.size(), (this.query.offset() != null) ? this.query.offset() : 0);
        int to = (this.query.limit() != null) ? Math.min(matched.size(), from + this.query.limit()) : matched.size();
        return (from == 0 && to == matched.size()) ? matched : new ArrayList<>(matched.subList(from, to));
    }

    private Iterable<Row> candidates() {
        Condition where = this.query.where();
        List<Condition> conjuncts = (where instanceof SoqlQuery.And and) ? and.parts()
                : (where != null) ? List.of(where) : List.of();
        for (Condition condition : conjuncts) {
            Iterable<Row> indexed = indexedCandidates(condition);
            if (indexed != null) {
                return indexed;
            }
        }
        return this.table.rows();
    }

    private Iterable<Row> indexedCandidates(Condition condition) {
        FieldPath path;
        List<Literal> values;
        if (condition instanceof SoqlQuery.Compare compare && compare.operator().equals("=")) {
            path = compare.field();
            values = List.of(compare.value());
        }
        else if (condition instanceof SoqlQuery.In in && !in.negated()) {
            path = in.field();
            values = in.values();
        }
        else {
            return null;
        }
        FieldAccessor accessor = bind(path);
        if (accessor.isParentField() || !accessor.field().type().isText() || values.stream().anyMatch(v
                -> v.value() == null)) {
            return null;
        }
        Set<Row> rows = new LinkedHashSet<>();
        if (accessor.slot() == SObjectType.ID_SLOT) {
            for (Literal literal : values) {
                SalesforceId.normalise(literal.value().toString()).map(this.table::byId).ifPresent(rows::add);
            }
        }
        else if (this.table.isIndexed(accessor.slot()) || this.table.rows().size() > INDEX_THRESHOLD) {
            boolean reference = accessor.field().type() == FieldType.REFERENCE;
            for (Literal literal : values) {
                // Lookups store 18-character Ids; a 15-character literal must find them too.
                Object key = reference ? SalesforceId.normalise(literal.value().toString()).orElse(null)
                        : literal.value();
                if (key != null) {
                    rows.addAll(this.table.find(accessor.slot(), key));
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
        }
        else {
            return null;
        }
        List<Row> ordered = new ArrayList<>(rows);
        // Keep creation order, as a scan would have produced it.
        ordered.sort(Comparator.comparing(Row::id));
        return ordered;
    }

    FieldAccessor bind(FieldPath path) {
        String[] parts = path.path().split("\\.");
        SObjectType type = this.table.type();
        int start = 0;
        if (parts.length > 1 && parts[0].equalsIgnoreCase(type.name())) {
            start = 1;
        }
        if (parts.length - start == 1) {
            int slot = type.slotOf(parts[start]);
            if (slot < 0 || !this.access.visible(type, type.field(slot))) {
                throw new SoqlException("INVALID_FIELD", path.column(), "No such column '" + parts[start]
                        + "' on entity '" + type.name() + "'. " + FIELD_HINT);
            }
            return FieldAccessor.own(type.field(slot), slot);
        }
        if (parts.length - start == 2) {
            for (int slot = 0; slot < type.fieldCount(); slot++) {
                FieldDefinition reference = type.field(slot);
                if (reference.relationshipName() != null
                        && reference.relationshipName().equalsIgnoreCase(parts[start])) {
                    ObjectTable parent = this.tables.apply(reference.referenceTo());
                    int parentSlot = (parent != null) ? parent.type().slotOf(parts[start + 1]) : -1;
                    if (parentSlot < 0 || !this.access.visible(parent.type(), parent.type().field(parentSlot))) {
                        throw new SoqlException("INVALID_FIELD", path.column(), "No such column '" + parts[start + 1]
                                + "' on entity '" + reference.referenceTo() + "'. " + FIELD_HINT);
                    }
                    return new FieldAccessor(parent.type().field(parentSlot), parentSlot, slot, parent,
                            reference.relationshipName());
                }
            }
        }
        throw new SoqlException("INVALID_FIELD", path.column(), "Didn't understand relationship '" + parts[start]
                + "' in field path. If you are attempting to use a custom relationship, be sure to append the "
                + "'__r' after the custom relationship name. Please reference your WSDL or the describe call for "
                + "the appropriate names.");
    }

    private Predicate<Row> compile(Condition condition) {
        if (condition instanceof SoqlQuery.And and) {
            List<Predicate<Row>> parts = and.parts().stream().map(this::compile).toList();
            return row -> parts.stream().allMatch(p -> p.test(row));
        }
        if (condition instanceof SoqlQuery.Or or) {
            List<Predicate<Row>> parts = or.parts().stream().map(this::compile).toList();
            return row -> parts.stream().anyMatch(p -> p.test(row));
        }
        if (condition instanceof SoqlQuery.Not not) {
            return compile(not.inner()).negate();
        }
        if (condition instanceof SoqlQuery.Like like) {
            FieldAccessor accessor = bind(like.field());
            Pattern pattern = likePattern((String) like.pattern().value());
            return row -> {
                Object value = accessor.value(row);
                return value != null && pattern.matcher(value.toString()).matches();
            };
        }
        if (condition instanceof SoqlQuery.SemiJoin join) {
            FieldAccessor accessor = bind(join.field());
            QueryPlan inner = QueryPlan.bind(join.subquery(), this.access, this.tables);
            if (inner.columns().size() != 1 || inner.hasChildren()) {
                throw new SoqlException("MALFORMED_QUERY", join.subquery().from().column(),
                        "Inner select field must select exactly one field");
            }
            Set<String> keys = new HashSet<>();
            FieldAccessor selected = inner.columns().get(0);
            for (Row row : inner.execute(false)) {
                Object value = selected.value(row);
                if (value != null) {
                    keys.add(value.toString().toLowerCase(Locale.ROOT));
                }
            }
            Predicate<Row> member = row -> {
                Object value = accessor.value(row);
                return value != null && keys.contains(value.toString().toLowerCase(Locale.ROOT));
            };
            return join.negated() ? member.negate() : member;
        }
        if (condition instanceof SoqlQuery.In in) {
            FieldAccessor accessor = bind(in.field());
            List<Object> values = new ArrayList<>();
            for (Literal literal : in.values()) {
                values.add(coerce(accessor, literal));
            }
            Predicate<Row> member = row -> {
                Object value = accessor.value(row);
                return values.stream().anyMatch(v -> compareValues(accessor.field(), value, v) == 0);
            };
            return in.negated() ? member.negate() : member;
        }
        SoqlQuery.Compare compare = (SoqlQuery.Compare) condition;
        FieldAccessor accessor = bind(compare.field());
        Object literal = coerce(accessor, compare.value());
        String operator = compare.operator();
        if (literal instanceof DateRange range) {
            return row -> {
                Object value = accessor.value(row);
                return value != null && range.test(value, operator);
            };
        }
        return row -> {
            Object value = accessor.value(row);
            if (literal == null || value == null) {
                boolean bothNull = literal == null && value == null;
                return switch (operator) {
                    case "=" -> bothNull;
                    case "!=" -> !bothNull;
                    default -> false;
                };
            }
            int cmp = compareValues(accessor.field(), value, literal);
            return switch (operator) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                default -> cmp >= 0;
            };
        };
    }

    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length() && (like.charAt(i + 1) == '%' || like.charAt(i + 1) == '_')) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            }
            else if (c == '%') {
                regex.append(".*");
            }
            else if (c == '_') {
                regex.append('.');
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private Object coerce(FieldAccessor accessor, Literal literal) {
        if (literal.value() == null) {
            return null;
        }
        FieldType type = accessor.field().type();
        boolean ok = switch (type) {
            case INT, DOUBLE, CURRENCY, PERCENT -> literal.kind() == SoqlToken.Kind.NUMBER;
            case BOOLEAN -> literal.value() instanceof Boolean;
            case DATE -> literal.kind() == SoqlToken.Kind.DATE;
            case DATETIME -> literal.kind() == SoqlToken.Kind.DATETIME || literal.value() instanceof DateRange;
            default -> literal.kind() == SoqlToken.Kind.STRING;
        };
        if (!ok) {
            String expected = switch (type) {
                case INT -> "integer";
                case DOUBLE, CURRENCY, PERCENT -> "double";
                case BOOLEAN -> "boolean";
                case DATE -> "date";
                case DATETIME -> "dateTime";
                default -> "string";
            };
            String quoted = (literal.kind() == SoqlToken.Kind.STRING) ? " and should not be enclosed in quotes" : "";
            throw new SoqlException("INVALID_QUERY_FILTER_OPERATOR", literal.column(),
                    "value of filter criterion for field '"
                    + accessor.field().name() + "' must be of type " + expected + quoted);
        }
        if (type.isNumber()) {
            return ((java.math.BigDecimal) literal.value()).doubleValue();
        }
        if ((type == FieldType.ID || type == FieldType.REFERENCE)) {
            return SalesforceId.normalise(literal.value().toString()).orElse(literal.value().toString());
        }
        return literal.value();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static int compareValues(FieldDefinition field, Object value, Object literal) {
        if (value == null || literal == null) {
            return (value == literal) ? 0 : (value == null) ? -1 : 1;
        }
        if (value instanceof String text) {
            String other = literal.toString();
            return field.ignoresCase() ? text.toLowerCase(Locale.ROOT).compareTo(other.toLowerCase(Locale.ROOT))
                    : text.compareTo(other);
        }
        if (value instanceof Number number) {
            return Double.compare(number.doubleValue(), ((Number) literal).doubleValue());
        }
        return ((Comparable) value).compareTo(literal);
    }

    private Comparator<Row> comparator() {
        Comparator<Row> result = null;
        for (SoqlQuery.Order key : this.query.orderBy()) {
            FieldAccessor accessor = bind(key.field());
            Comparator<Row> one = (a, b) -> {
                Object x = accessor.value(a);
                Object y = accessor.value(b);
                if (x == null || y == null) {
                    if (x == y) {
                        return 0;
                    }
                    return ((x == null) == key.nullsFirst()) ? -1 : 1;
                }
                int cmp = compareValues(accessor.field(), x, y);
                return key.descending() ? -cmp : cmp;
            };
            result = (result == null) ? one : result.thenComparing(one);
        }
        return result;
    }

}
