package com.goodfit.sync.emulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * A SOQL relative date literal ({@code TODAY}, {@code LAST_N_DAYS:30}, ...) as the half-open range of days it
 * covers, in UTC (the emulated user's time zone).
 *
 * @param start the first day covered
 * @param endExclusive the first day after the range
 */
record DateRange(LocalDate start, LocalDate endExclusive) {

    static Optional<DateRange> parse(String literal, LocalDate today) {
        String upper = literal.toUpperCase(Locale.ROOT);
        int colon = upper.indexOf(':');
        String name = (colon < 0) ? upper : upper.substring(0, colon);
        int n;
        try {
            n = (colon < 0) ? 0 : Integer.parseInt(upper.substring(colon + 1));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
        LocalDate month = today.withDayOfMonth(1);
        LocalDate year = today.withDayOfYear(1);
        return Optional.ofNullable(switch (name) {
            case "TODAY" -> new DateRange(today, today.plusDays(1));
            case "YESTERDAY" -> new DateRange(today.minusDays(1), today);
            case "TOMORROW" -> new DateRange(today.plusDays(1), today.plusDays(2));
            case "LAST_N_DAYS" -> new DateRange(today.minusDays(n), today.plusDays(1));
            case "NEXT_N_DAYS" -> new DateRange(today.plusDays(1), today.plusDays(n + 1));
            case "LAST_90_DAYS" -> new DateRange(today.minusDays(90), today.plusDays(1));
            case "THIS_MONTH" -> new DateRange(month, month.plusMonths(1));
            case "LAST_MONTH" -> new DateRange(month.minusMonths(1), month);
            case "THIS_YEAR" -> new DateRange(year, year.plusYears(1));
            case "LAST_YEAR" -> new DateRange(year.minusYears(1), year);
            default -> null;
        });
    }

    long startMillis() {
        return this.start.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    long endMillis() {
        return this.endExclusive.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Compares a stored date or datetime with the range under a SOQL operator. */
    boolean test(Object value, String operator) {
        long v;
        long start;
        long end;
        if (value instanceof LocalDate date) {
            v = date.toEpochDay();
            start = this.start.toEpochDay();
            end = this.endExclusive.toEpochDay();
        }
        else {
            v = (Long) value;
            start = startMillis();
            end = endMillis();
        }
        return switch (operator) {
            case "=" -> v >= start && v < end;
            case "!=" -> v < start || v >= end;
            case "<" -> v < start;
            case "<=" -> v < end;
            case ">" -> v >= end;
            default -> v >= start;
        };
    }

}
