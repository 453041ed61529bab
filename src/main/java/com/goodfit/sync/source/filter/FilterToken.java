package com.goodfit.sync.source.filter;

/**
 * One token of a filter, with the 1-based column where it starts.
 *
 * @param kind what it is
 * @param text its text: the identifier, the operator, the unquoted string or the number as written
 * @param column where it starts
 */
record FilterToken(Kind kind, String text, int column) {

    enum Kind {

        IDENTIFIER, STRING, NUMBER, OPERATOR, LEFT_PAREN, RIGHT_PAREN, COMMA, END

    }

    boolean isKeyword(String keyword) {
        return this.kind == Kind.IDENTIFIER && this.text.equalsIgnoreCase(keyword);
    }

    boolean is(Kind expected) {
        return this.kind == expected;
    }

    String describe() {
        return (this.kind == Kind.END) ? "the end of the filter" : "'" + this.text + "'";
    }

}
