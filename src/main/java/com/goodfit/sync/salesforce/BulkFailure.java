package com.goodfit.sync.salesforce;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A row of a job's {@code failedResults}. Rows come in no particular order: correlate them by a key column.
 *
 * @param id the record Id where Salesforce knows it ({@code sf__Id}), else {@code null}
 * @param error the parsed {@code sf__Error}
 * @param fields the row's original columns, in file order
 */
public record BulkFailure(@Nullable String id, RecordError error, Map<String, String> fields) {

    private static final Pattern FIELD_LIST = Pattern
        .compile("|[A-Za-z][A-Za-z0-9_.]*(\\s*,\\s*[A-Za-z][A-Za-z0-9_.]*)*");

    public BulkFailure {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Parses {@code STATUS_CODE:message:field[,field] --}, where the message may itself contain colons.
     */
    static RecordError parseError(String sfError) {
        String text = sfError.strip();
        if (text.endsWith("--")) {
            text = text.substring(0, text.length() - 2).strip();
        }
        int first = text.indexOf(':');
        if (first < 0) {
            return new RecordError(text, "", List.of());
        }
        String code = text.substring(0, first);
        String rest = text.substring(first + 1);
        int last = rest.lastIndexOf(':');
        if (last < 0) {
            return new RecordError(code, rest, List.of());
        }
        String fields = rest.substring(last + 1).strip();
        if (!FIELD_LIST.matcher(fields).matches()) {
            // No field part, e.g. "Required fields are missing: [LastName]": the colon belongs to the message.
            return new RecordError(code, rest, List.of());
        }
        List<String> names = fields.isEmpty() ? List.of()
                : Arrays.stream(fields.split(",")).map(String::strip).filter((f) -> !f.isEmpty()).toList();
        return new RecordError(code, rest.substring(0, last), names);
    }

}
