package com.goodfit.sync.emulator;

import java.util.Optional;

/**
 * Real-looking Salesforce record Ids: a 3-character key prefix, a 12-character body and the 3-character
 * case-safety suffix that turns the 15-character form into the 18-character one.
 */
final class SalesforceId {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceId() {
    }

    /** The 18-character Id for a key prefix, a pod marker and a sequence number. */
    static String of(String keyPrefix, long sequence) {
        StringBuilder body = new StringBuilder(15).append(keyPrefix).append("8d");
        char[] digits = new char[10];
        long n = sequence;
        for (int i = 9; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        body.append(digits);
        return body.append(suffix(body)).toString();
    }

    /** The 18-character form of a 15- or 18-character Id, or empty when it is not a well-formed Id. */
    static Optional<String> normalise(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return Optional.empty();
            }
        }
        String base = id.substring(0, 15);
        String full = base + suffix(base);
        if (id.length() == 18 && !id.substring(15).equalsIgnoreCase(full.substring(15))) {
            return Optional.empty();
        }
        return Optional.of(full);
    }

    private static String suffix(CharSequence base) {
        char[] suffix = new char[3];
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = base.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix[chunk] = SUFFIX_CHARS.charAt(bits);
        }
        return new String(suffix);
    }

}
