package com.goodfit.sync.emulator;

/**
 * A SOQL error at a column of the query, rendered the way Salesforce does: the query, a caret line,
 * {@code ERROR at Row:1:Column:N} and the explanation.
 */
final class SoqlException extends RuntimeException {

    private final String errorCode;

    private final int column;

    SoqlException(String errorCode, int column, String message) {
        super(message);
        this.errorCode = errorCode;
        this.column = column;
    }

    ApiException toApiException(String soql) {
        String firstLine = soql.replace('\n', ' ');
        String caret = " ".repeat(Math.max(0, this.column - 1)) + "^";
        String message = firstLine + "\n" + caret + "\nERROR at Row:1:Column:" + this.column + "\n" + getMessage();
        return ApiException.of(400, this.errorCode, message);
    }

}
