package com.goodfit.sync.source.filter;

import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.source.filter.FilterToken.Kind;

/**
 * Splits a filter into tokens: identifiers (fields and keywords), single-quoted strings ({@code ''} is a quote),
 * numbers, the comparison operators, parentheses and commas.
 */
final class FilterLexer {

    private final String text;

    private int position;

    FilterLexer(String text) {
        this.text = text;
    }

    List<FilterToken> tokens() {
        List<FilterToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (this.position >= this.text.length()) {
                tokens.add(new FilterToken(Kind.END, "", this.position + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private FilterToken next() {
        int start = this.position;
        char c = this.text.charAt(start);
        if (Character.isLetter(c) || c == '_') {
            while (this.position < this.text.length() && isIdentifierPart(this.text.charAt(this.position))) {
                this.position++;
            }
            return token(Kind.IDENTIFIER, this.text.substring(start, this.position), start);
        }
        if (Character.isDigit(c) || (c == '-' && start + 1 < this.text.length()
                && Character.isDigit(this.text.charAt(start + 1)))) {
            return number(start);
        }
        if (c == '\'') {
            return string(start);
        }
        this.position++;
        return switch (c) {
            case '(' -> token(Kind.LEFT_PAREN, "(", start);
            case ')' -> token(Kind.RIGHT_PAREN, ")", start);
            case ',' -> token(Kind.COMMA, ",", start);
            case '=' -> token(Kind.OPERATOR, "=", start);
            case '!' -> expect('=', "!=", start);
            case '<' -> lessThan(start);
            case '>' -> greaterThan(start);
            default -> throw new FilterException(start + 1, "unexpected character '" + c + "'"
                    + (c == '"' ? " (strings are in single quotes: 'text')" : ""));
        };
    }

    private FilterToken lessThan(int start) {
        if (peek() == '=') {
            this.position++;
            return token(Kind.OPERATOR, "<=", start);
        }
        if (peek() == '>') {
            this.position++;
            return token(Kind.OPERATOR, "!=", start);
        }
        return token(Kind.OPERATOR, "<", start);
    }

    private FilterToken greaterThan(int start) {
        if (peek() == '=') {
            this.position++;
            return token(Kind.OPERATOR, ">=", start);
        }
        return token(Kind.OPERATOR, ">", start);
    }

    private FilterToken expect(char second, String operator, int start) {
        if (peek() != second) {
            throw new FilterException(start + 1, "expected '" + operator + "'");
        }
        this.position++;
        return token(Kind.OPERATOR, operator, start);
    }

    private FilterToken number(int start) {
        this.position++;
        boolean point = false;
        while (this.position < this.text.length()) {
            char c = this.text.charAt(this.position);
            if (c == '.' && !point) {
                point = true;
            }
            else if (!Character.isDigit(c)) {
                break;
            }
            this.position++;
        }
        if (this.position < this.text.length() && isIdentifierPart(this.text.charAt(this.position))) {
            throw new FilterException(start + 1, "malformed number '"
                    + this.text.substring(start, this.position + 1) + "'");
        }
        return token(Kind.NUMBER, this.text.substring(start, this.position), start);
    }

    private FilterToken string(int start) {
        StringBuilder value = new StringBuilder();
        this.position++;
        while (this.position < this.text.length()) {
            char c = this.text.charAt(this.position++);
            if (c != '\'') {
                value.append(c);
            }
            else if (peek() == '\'') {
                value.append('\'');
                this.position++;
            }
            else {
                return token(Kind.STRING, value.toString(), start);
            }
        }
        throw new FilterException(start + 1, "string is not closed (a quote inside a string is written '')");
    }

    private char peek() {
        return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
    }

    private void skipWhitespace() {
        while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
            this.position++;
        }
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static FilterToken token(Kind kind, String text, int start) {
        return new FilterToken(kind, text, start + 1);
    }

}
