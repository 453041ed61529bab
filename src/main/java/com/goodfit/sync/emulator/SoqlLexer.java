package com.goodfit.sync.emulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SOQL statement into tokens: identifiers (keywords included), quoted strings with SOQL escapes,
 * numbers, date and datetime literals, and operators.
 */
final class SoqlLexer {

    private final String soql;

    private int pos;

    SoqlLexer(String soql) {
        this.soql = soql;
    }

    List<SoqlToken> tokens() {
        List<SoqlToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (this.pos >= this.soql.length()) {
                tokens.add(new SoqlToken(SoqlToken.Kind.EOF, "", null, this.pos + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (this.pos < this.soql.length() && Character.isWhitespace(this.soql.charAt(this.pos))) {
            this.pos++;
        }
    }

    private SoqlToken next() {
        int start = this.pos;
        char c = this.soql.charAt(this.pos);
        if (c == '\'') {
            return string(start);
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && this.pos + 1 < this.soql.length()
                && Character.isDigit(this.soql.charAt(this.pos + 1)))) {
            return numberOrDate(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (this.pos < this.soql.length() && (Character.isLetterOrDigit(this.soql.charAt(this.pos))
                    || this.soql.charAt(this.pos) == '_' || this.soql.charAt(this.pos) == ':')) {
                this.pos++;
            }
            String text = this.soql.substring(start, this.pos);
            return new SoqlToken(SoqlToken.Kind.IDENT, text, text, start + 1);
        }
        for (String symbol : new String[] { "!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ",", "." }) {
            if (this.soql.startsWith(symbol, this.pos)) {
                this.pos += symbol.length();
                return new SoqlToken(SoqlToken.Kind.SYMBOL, symbol, symbol, start + 1);
            }
        }
        throw new SoqlException("MALFORMED_QUERY", start + 1, "unexpected token: '" + c + "'");
    }

    private SoqlToken string(int start) {
        StringBuilder value = new StringBuilder();
        this.pos++;
        while (this.pos < this.soql.length()) {
            char c = this.soql.charAt(this.pos++);
            if (c == '\'') {
                return new SoqlToken(SoqlToken.Kind.STRING, this.soql.substring(start, this.pos), value.toString(),
                        start + 1);
            }
            if (c == '\\') {
                if (this.pos >= this.soql.length()) {
                    break;
                }
                char escaped = this.soql.charAt(this.pos++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '"', '\'', '\\' -> value.append(escaped);
                    // LIKE wildcards stay escaped so the pattern matcher can tell them from wildcards.
                    case '%', '_' -> value.append('\\').append(escaped);
                    default -> throw new SoqlException("MALFORMED_QUERY", this.pos - 1,
                            "Invalid string literal '" + this.soql.substring(start, Math.min(this.soql.length(),
                                    this.pos + 1)) + "'. Illegal character sequence '\\" + escaped
                                    + "' in string literal.");
                }
            }
            else {
                value.append(c);
            }
        }
        throw new SoqlException("MALFORMED_QUERY", start + 1, "line 1:" + start
                + " mismatched character '<EOF>' expecting '''");
    }

    private SoqlToken numberOrDate(int start) {
        this.pos++;
        while (this.pos < this.soql.length()) {
            char c = this.soql.charAt(this.pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '-' || c == '+') {
                this.pos++;
            }
            else {
                break;
            }
        }
        String text = this.soql.substring(start, this.pos);
        if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                if (text.length() == 10) {
                    return new SoqlToken(SoqlToken.Kind.DATE, text, LocalDate.parse(text), start + 1);
                }
                return new SoqlToken(SoqlToken.Kind.DATETIME, text, FieldType.parseDatetime(text), start + 1);
            }
            catch (DateTimeParseException | IllegalArgumentException ex) {
                throw new SoqlException("MALFORMED_QUERY", start + 1, "unexpected token: '" + text + "'");
            }
        }
        try {
            return new SoqlToken(SoqlToken.Kind.NUMBER, text, new BigDecimal(text), start + 1);
        }
        catch (NumberFormatException ex) {
            throw new SoqlException("MALFORMED_QUERY", start + 1, "unexpected token: '" + text + "'");
        }
    }

}
