package com.goodfit.sync.emulator;

import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;

/**
 * Bulk API 2.0 CSV dialect of a job: column delimiter and line ending, plus CSV writing with Salesforce's
 * quoting (minimal for echoed values, always for the {@code sf__} columns and query results).
 */
record BulkFormat(String columnDelimiter, String lineEnding) {

    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "TAB", '\t', "PIPE", '|',
            "SEMICOLON", ';', "CARET", '^', "BACKQUOTE", '`');

    /** The format for a job request's optional fields; null when a value is not one Salesforce accepts. */
    static BulkFormat of(Object delimiter, Object lineEnding) {
        String d = (delimiter == null) ? "COMMA" : delimiter.toString().toUpperCase(Locale.ROOT);
        String l = (lineEnding == null) ? "LF" : lineEnding.toString().toUpperCase(Locale.ROOT);
        if (!DELIMITERS.containsKey(d) || !(l.equals("LF") || l.equals("CRLF"))) {
            return null;
        }
        return new BulkFormat(d, l);
    }

    char delimiter() {
        return DELIMITERS.get(this.columnDelimiter);
    }

    String newline() {
        return this.lineEnding.equals("CRLF") ? "\r\n" : "\n";
    }

    CSVFormat parser() {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter()).setIgnoreEmptyLines(true).get();
    }

    void appendQuoted(StringBuilder out, String value) {
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    void appendMinimal(StringBuilder out, String value) {
        boolean quote = value.indexOf(delimiter()) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (quote) {
            appendQuoted(out, value);
        }
        else {
            out.append(value);
        }
    }

}
