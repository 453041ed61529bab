package com.goodfit.sync.source.filter;

/**
 * A filter that cannot be used: a syntax error (with the 1-based column where it went wrong), an unknown field, or a
 * value of the wrong type for its field. The message is meant for the person who typed the filter.
 */
public class FilterException extends RuntimeException {

    private final int column;

    FilterException(int column, String message) {
        super((column > 0) ? "invalid filter at column " + column + ": " + message : "invalid filter: " + message);
        this.column = column;
    }

    /** @return the 1-based column where the filter went wrong, or 0 when the problem is not at one place */
    public int column() {
        return this.column;
    }

}
