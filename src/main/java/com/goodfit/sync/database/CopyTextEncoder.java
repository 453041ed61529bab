package com.goodfit.sync.database;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Encodes rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes), UTF-8,
 * into a growable byte buffer. See https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2.
 * Not thread-safe.
 */
public final class CopyTextEncoder {

    private byte[] bytes;

    private int length;

    private boolean rowStarted;

    public CopyTextEncoder(int capacity) {
        this.bytes = new byte[capacity];
    }

    public byte[] bytes() {
        return this.bytes;
    }

    public int length() {
        return this.length;
    }

    public void clear() {
        this.length = 0;
    }

    public CopyTextEncoder text(@Nullable String value) {
        separate();
        if (value == null) {
            return nullValue();
        }
        ensure(value.length() * 3 + 2);
        byte[] out = this.bytes;
        int at = this.length;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { out[at++] = '\\'; out[at++] = '\\'; }
                    case '\n' -> { out[at++] = '\\'; out[at++] = 'n'; }
                    case '\r' -> { out[at++] = '\\'; out[at++] = 'r'; }
                    case '\t' -> { out[at++] = '\\'; out[at++] = 't'; }
                    default -> out[at++] = (byte) c;
                }
            }
            else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | (codePoint >> 18));
                out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (codePoint & 0x3F));
            }
            else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            }
            else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        this.length = at;
        return this;
    }

    /**
     * A value as JDBC would bind it: numbers as digits, booleans as {@code t}/{@code f}, timestamps in
     * {@link java.sql.Timestamp#toString()}'s local form (as the driver sends them for a column without time zone),
     * anything else as its text.
     */
    public CopyTextEncoder value(@Nullable Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            separate();
            return ascii(value.toString());
        }
        if (value instanceof Boolean bool) {
            separate();
            return ascii(bool ? "t" : "f");
        }
        return text((value != null) ? value.toString() : null);
    }

    public CopyTextEncoder number(long value) {
        separate();
        return ascii(Long.toString(value));
    }

    public CopyTextEncoder number(@Nullable Integer value) {
        separate();
        return (value != null) ? ascii(value.toString()) : nullValue();
    }

    public CopyTextEncoder decimal(@Nullable BigDecimal value) {
        separate();
        return (value != null) ? ascii(value.toPlainString()) : nullValue();
    }

    /** A timestamp as {@code yyyy-MM-dd HH:mm:ss}, the form both PostgreSQL and H2 read back unchanged. */
    public CopyTextEncoder timestamp(LocalDateTime value) {
        separate();
        ensure(19);
        digits(value.getYear(), 4).put('-');
        digits(value.getMonthValue(), 2).put('-');
        digits(value.getDayOfMonth(), 2).put(' ');
        digits(value.getHour(), 2).put(':');
        digits(value.getMinute(), 2).put(':');
        return digits(value.getSecond(), 2);
    }

    public void endRow() {
        ensure(1);
        put('\n');
        this.rowStarted = false;
    }

    private void separate() {
        if (this.rowStarted) {
            ensure(1);
            put('\t');
        }
        this.rowStarted = true;
    }

    private CopyTextEncoder nullValue() {
        return ascii("\\N");
    }

    private CopyTextEncoder ascii(String value) {
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            this.bytes[this.length++] = (byte) value.charAt(i);
        }
        return this;
    }

    private CopyTextEncoder digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            this.bytes[this.length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        this.length += width;
        return this;
    }

    private CopyTextEncoder put(char c) {
        this.bytes[this.length++] = (byte) c;
        return this;
    }

    private void ensure(int extra) {
        if (this.length + extra > this.bytes.length) {
            this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + extra));
        }
    }

}
