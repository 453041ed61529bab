package com.goodfit.sync.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Type-aware value handling shared by the plan: what counts as empty, when two values are the same for a field of a
 * given {@link ValueKind}, and the form a value is sent to Salesforce in. Source values come from JDBC
 * (BigDecimal, Integer, LocalDate, Timestamp, Boolean, String); current values come from the index, as Salesforce
 * returned them in JSON (numbers, booleans, ISO strings).
 */
public final class FieldValues {

    // Salesforce writes datetimes as 2024-05-20T20:49:32.000+0000: an offset without a colon.
    private static final DateTimeFormatter SALESFORCE_DATETIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        .optionalStart()
        .appendOffset("+HHMM", "Z")
        .optionalEnd()
        .optionalStart()
        .appendOffset("+HH:MM", "Z")
        .optionalEnd()
        .toFormatter(Locale.ROOT);

    private FieldValues() {
    }

    /**
     * Blank equals empty: null, an empty string and a string of spaces are all "no value".
     * @param value a source or Salesforce value
     * @return whether it holds no value
     */
    public static boolean isEmpty(@Nullable Object value) {
        return value == null || (value instanceof CharSequence text && text.toString().isBlank());
    }

    /**
     * Whether two values are the same for a field of this kind: 10 = 10.0 for numbers, {@code "2024-05-20"} equals
     * the date, {@code "true"} equals {@code true}, emails ignore case and surrounding spaces; empty values are all
     * alike. Values that cannot be read as the kind are compared as text.
     * @param kind the field's kind
     * @param a one value
     * @param b the other value
     * @return whether writing {@code a} over {@code b} would change nothing
     */
    public static boolean same(ValueKind kind, @Nullable Object a, @Nullable Object b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        Optional<?> left = read(kind, a);
        Optional<?> right = read(kind, b);
        if (left.isPresent() && right.isPresent()) {
            if (kind == ValueKind.NUMBER) {
                return ((BigDecimal) left.get()).compareTo((BigDecimal) right.get()) == 0;
            }
            return left.get().equals(right.get());
        }
        return Objects.equals(a.toString(), b.toString());
    }

    /**
     * The value as it is sent to Salesforce in JSON: numbers without trailing zeros, dates as {@code yyyy-MM-dd},
     * datetimes in UTC ISO form, booleans as booleans, everything else as text.
     * @param kind the target field's kind
     * @param value a non-empty source value
     * @return the value to send
     */
    public static Object toSalesforce(ValueKind kind, Object value) {
        if (kind == ValueKind.EMAIL) {
            // Salesforce rejects an address with surrounding spaces; its case is the owner's to keep.
            return value.toString().trim();
        }
        Optional<?> read = read(kind, value);
        if (read.isEmpty()) {
            return value.toString();
        }
        Object typed = read.get();
        if (typed instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
        }
        if (typed instanceof LocalDate date) {
            return date.toString();
        }
        if (typed instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        return typed;
    }

    private static Optional<?> read(ValueKind kind, Object value) {
        return switch (kind) {
            case NUMBER -> number(value);
            case DATE -> date(value);
            case DATETIME -> instant(value);
            case BOOLEAN -> bool(value);
            case TEXT -> Optional.of(value.toString());
            case EMAIL -> Optional.of(value.toString().trim().toLowerCase(Locale.ROOT));
        };
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()));
        }
        try {
            return Optional.of(new BigDecimal(value.toString().trim()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(Object value) {
        if (value instanceof LocalDate date) {
            return Optional.of(date);
        }
        if (value instanceof java.sql.Date date) {
            return Optional.of(date.toLocalDate());
        }
        String text = value.toString().trim();
        try {
            return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Object value) {
        if (value instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (value instanceof Timestamp timestamp) {
            return Optional.of(timestamp.toInstant());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return Optional.of(dateTime.toInstant());
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.toString().trim(), SALESFORCE_DATETIME).toInstant());
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(Object value) {
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Optional.of(true);
            case "false", "0", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

}
