package com.goodfit.sync.domain;

import java.util.Locale;
import java.util.Optional;

import com.google.common.net.InternetDomainName;
import org.jspecify.annotations.Nullable;

/**
 * Cleans an e-mail address into the form contacts are matched on (DESIGN.md §1): trimmed, without surrounding
 * quotes, angle brackets or {@code mailto:}, lower case. An invalid address gives {@link Optional#empty()}.
 * <p>
 * Valid means: exactly one {@code @}, a non-empty local part without whitespace, a domain that is a valid internet
 * domain name of at least two labels ending in a public suffix, no consecutive dots, at most 254 characters. IDN
 * domains are kept as written (lower-cased), not converted to punycode.
 * <p>
 * Stateless and thread-safe; never throws, whatever the string.
 */
public final class EmailNormaliser {

    /** The longest address SMTP can carry (RFC 5321's 256-octet path minus its angle brackets). */
    static final int MAX_LENGTH = 254;

    /** Longer raw values cannot hold a valid address plus any plausible padding; they are rejected unread. */
    private static final int MAX_RAW_LENGTH = 4096;

    private static final String MAILTO = "mailto:";

    /**
     * Returns the normalised form of an e-mail address.
     * @param raw the value as stored, possibly {@code null}
     * @return the address trimmed and lower-cased, or empty when it is not a valid address
     */
    public Optional<String> normalise(@Nullable String raw) {
        if (raw == null || raw.length() > MAX_RAW_LENGTH) {
            return Optional.empty();
        }
        String address = unwrap(raw).toLowerCase(Locale.ROOT);
        return isValid(address) ? Optional.of(address) : Optional.empty();
    }

    /** Strips whitespace, quotes, angle brackets and {@code mailto:} (with its query) from both ends. */
    private static String unwrap(String raw) {
        int start = 0;
        int end = raw.length();
        boolean changed = true;
        while (changed) {
            changed = false;
            while (start < end && isWrapper(raw.charAt(start))) {
                start++;
                changed = true;
            }
            while (end > start && isWrapper(raw.charAt(end - 1))) {
                end--;
                changed = true;
            }
            if (raw.regionMatches(true, start, MAILTO, 0, MAILTO.length()) && end - start > MAILTO.length()) {
                start += MAILTO.length();
                int query = raw.indexOf('?', start);
                if (query >= 0 && query < end) {
                    end = query;
                }
                changed = true;
            }
        }
        return raw.substring(start, end);
    }

    private static boolean isValid(String address) {
        int length = address.length();
        int at = address.indexOf('@');
        if (length > MAX_LENGTH || at <= 0 || at != address.lastIndexOf('@') || address.contains("..")) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            if (isWhitespace(address.charAt(i))) {
                return false;
            }
        }
        InternetDomainName domain = DomainNameParser.parse(address.substring(at + 1));
        return domain != null && domain.parts().size() >= 2 && domain.hasPublicSuffix();
    }

    private static boolean isWrapper(char c) {
        return isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>';
    }

    private static boolean isWhitespace(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
    }

}
