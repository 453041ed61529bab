package com.goodfit.sync.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The describe field types the emulator models, with how each stores, parses and prints its values.
 * Stored values are compact Java types: String for text-like types, Long for int, Double for numbers,
 * Boolean, LocalDate and Long epoch millis for datetimes.
 */
enum FieldType {

    ID("id", "tns:ID"), STRING("string", "xsd:string"), TEXTAREA("textarea", "xsd:string"), URL("url", "xsd:string"),
    EMAIL("email", "xsd:string"), PHONE("phone", "xsd:string"), PICKLIST("picklist", "xsd:string"),
    INT("int", "xsd:int"), DOUBLE("double", "xsd:double"), CURRENCY("currency", "xsd:double"),
    PERCENT("percent", "xsd:double"), BOOLEAN("boolean", "xsd:boolean"), DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime"), REFERENCE("reference", "tns:ID");

    /** Salesforce's wire format for datetimes, e.g. {@code 2024-05-20T20:49:32.000+0000}. */
    static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx",
            Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    // Accepts 2024-05-20T20:49:32Z, ...32.000+0000, ...32.000+00:00 and without millis, as Salesforce does.
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
        .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
        .optionalEnd()
        .optionalStart()
        .appendLiteral('Z')
        .optionalEnd()
        .optionalStart()
        .appendOffset("+HH:MM", "Z")
        .optionalEnd()
        .optionalStart()
        .appendOffset("+HHMM", "Z")
        .optionalEnd()
        .toFormatter(Locale.ROOT);

    private final String describeName;

    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    String describeName() {
        return this.describeName;
    }

    String soapType() {
        return this.soapType;
    }

    boolean isText() {
        return this == STRING || this == TEXTAREA || this == URL || this == EMAIL || this == PHONE || this == PICKLIST
                || this == ID || this == REFERENCE;
    }

    boolean isNumber() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }

    /**
     * Converts a JSON or CSV value to the stored form.
     * @throws IllegalArgumentException when the value is not of this type
     */
    Object coerce(Object raw) {
        if (raw == null) {
            return null;
        }
        // Salesforce stores an empty string as null, for text fields too.
        if (raw instanceof String text && text.isEmpty()) {
            return null;
        }
        switch (this) {
            case INT:
                if (raw instanceof Number number) {
                    if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
                        double d = number.doubleValue();
                        if (d != Math.rint(d)) {
                            throw new IllegalArgumentException(String.valueOf(raw));
                        }
                        return (long) d;
                    }
                    return number.longValue();
                }
                try {
                    return Long.parseLong(raw.toString());
                }
                catch (NumberFormatException ex) {
                    // Not a plain integer: "12.0" or "1e3" are still whole numbers to Salesforce.
                }
                try {
                    return new BigDecimal(raw.toString().trim()).longValueExact();
                }
                catch (NumberFormatException | ArithmeticException ex) {
                    throw new IllegalArgumentException(raw.toString(), ex);
                }
            case DOUBLE:
            case CURRENCY:
            case PERCENT:
                if (raw instanceof Number number) {
                    return number.doubleValue();
                }
                try {
                    return Double.parseDouble(raw.toString().trim());
                }
                catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(raw.toString(), ex);
                }
            case BOOLEAN:
                if (raw instanceof Boolean bool) {
                    return bool;
                }
                String text = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (text.equals("true") || text.equals("1")) {
                    return Boolean.TRUE;
                }
                if (text.equals("false") || text.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException(raw.toString());
            case DATE:
                try {
                    String value = raw.toString();
                    return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
                }
                catch (DateTimeParseException ex) {
                    throw new IllegalArgumentException(raw.toString(), ex);
                }
            case DATETIME:
                return parseDatetime(raw.toString());
            default:
                if (raw instanceof String string) {
                    return string;
                }
                if (raw instanceof Number || raw instanceof Boolean) {
                    return raw.toString();
                }
                throw new IllegalArgumentException(raw.toString());
        }
    }

    static long parseDatetime(String text) {
        try {
            var parsed = DATETIME_IN.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant().toEpochMilli();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException(text, ex);
        }
    }

    /** The JSON form of a stored value. */
    Object toJson(Object stored) {
        if (stored == null) {
            return null;
        }
        if (this == DATETIME) {
            return formatDatetime((Long) stored);
        }
        if (this == DATE) {
            return stored.toString();
        }
        return stored;
    }

    /**
     * {@link #DATETIME_OUT}'s form of an instant, written by hand: query results format a date-time per record and
     * row, and the formatter's generality made it the emulator's largest cost when serving a Bulk query.
     */
    static String formatDatetime(long epochMillis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 1 || year > 9999) {
            return DATETIME_OUT.format(Instant.ofEpochMilli(epochMillis));
        }
        char[] out = "0000-00-00T00:00:00.000+0000".toCharArray();
        digits(out, 0, 4, year);
        digits(out, 5, 2, time.getMonthValue());
        digits(out, 8, 2, time.getDayOfMonth());
        digits(out, 11, 2, time.getHour());
        digits(out, 14, 2, time.getMinute());
        digits(out, 17, 2, time.getSecond());
        digits(out, 20, 3, (int) Math.floorMod(epochMillis, 1000L));
        return new String(out);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The CSV form of a stored value (empty for null). */
    String toCsv(Object stored) {
        if (stored == null) {
            return "";
        }
        if (this == DOUBLE || this == CURRENCY || this == PERCENT) {
            double d = (Double) stored;
            return (d == Math.rint(d) && Math.abs(d) < 1e15) ? Long.toString((long) d) + ".0" : Double.toString(d);
        }
        return toJson(stored).toString();
    }

}
