package com.goodfit.sync.source;

/**
 * The kinds of deliberately messy values the sample data holds, so the connector's skip reasons and Salesforce
 * errors can be exercised; the summary of {@code generate} counts rows by kind.
 */
public enum MessKind {

    /** A website with no registrable domain: blank, null, {@code n/a}, an IP address, a bare suffix, junk. */
    INVALID_WEBSITE("invalid websites"),

    /** A company whose website has the root domain of an earlier company, written in another form. */
    SHARED_ROOT_DOMAIN("companies sharing a root domain"),

    /** An email that is malformed ({@code jo@@acme}), blank or null. */
    INVALID_EMAIL("invalid or missing emails"),

    /** An email another contact also has, possibly in other letter case. */
    DUPLICATE_EMAIL("duplicate emails"),

    /** A contact without a last name (null or blank), which Salesforce requires. */
    MISSING_LAST_NAME("missing last names"),

    /** A value longer than its field definition allows (a 300-character title, say). */
    OVERLONG_STRING("over-long strings"),

    /** A picklist value that is not among the field definition's picklist values. */
    UNKNOWN_PICKLIST_VALUE("values outside their picklist"),

    /** {@code data_points} null, empty, partial or holding JSON nulls. */
    INCOMPLETE_DATA_POINTS("incomplete data points");

    private final String label;

    MessKind(String label) {
        this.label = label;
    }

    /** How the summary names this kind. */
    public String label() {
        return this.label;
    }

}
