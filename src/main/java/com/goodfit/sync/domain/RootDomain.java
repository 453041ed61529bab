package com.goodfit.sync.domain;

import java.util.Objects;

/**
 * The registrable domain of a website under the Public Suffix List (private section included), the key that
 * matches a company to an existing Account: lower case ASCII, IDN labels in punycode, no trailing dot.
 *
 * @param value the normalised domain, for example {@code acme.co.uk} or {@code xn--bcher-kva.de}
 */
public record RootDomain(String value) {

    /** The longest domain name DNS allows (RFC 1035, without the trailing dot). */
    static final int MAX_LENGTH = 253;

    public RootDomain {
        Objects.requireNonNull(value, "value");
        if (!isNormalised(value)) {
            throw new IllegalArgumentException("Not a normalised root domain: '" + value + "'");
        }
    }

    private static boolean isNormalised(String value) {
        int length = value.length();
        if (length < 3 || length > MAX_LENGTH || value.charAt(0) == '.' || value.charAt(length - 1) == '.'
                || value.indexOf('.') < 0 || value.contains("..")) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return this.value;
    }

}
