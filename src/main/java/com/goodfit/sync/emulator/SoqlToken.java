package com.goodfit.sync.emulator;

/**
 * One lexical token of a SOQL statement with its 1-based column.
 */
record SoqlToken(Kind kind, String text, Object value, int column) {

    enum Kind {

        IDENT, STRING, NUMBER, DATE, DATETIME, SYMBOL, EOF

    }

    boolean is(String keywordOrSymbol) {
        return (this.kind == Kind.IDENT || this.kind == Kind.SYMBOL) && this.text.equalsIgnoreCase(keywordOrSymbol);
    }

    String display() {
        return (this.kind == Kind.EOF) ? "<EOF>" : this.text;
    }

}
