package com.goodfit.sync.domain;

import java.net.IDN;
import java.util.Locale;

import com.google.common.net.InternetDomainName;
import org.jspecify.annotations.Nullable;

/**
 * Parses a bare host name (no scheme, port or path) into a lower-case, punycode {@link InternetDomainName} whose
 * public suffix Guava's bundled Public Suffix List knows; {@code null} when the host is not a valid domain name.
 */
final class DomainNameParser {

    /**
     * Longer hosts cannot become a 253-character domain name; bounding them keeps IDN conversion cheap on junk.
     */
    private static final int MAX_HOST_CHARS = 1024;

    private static final int MAX_LABEL_LENGTH = 63;

    private DomainNameParser() {
    }

    static @Nullable InternetDomainName parse(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_CHARS) {
            return null;
        }
        String ascii = toLowerCaseAscii(host);
        if (ascii == null || !isWellFormed(ascii)) {
            return null;
        }
        // isWellFormed applies Guava's own rules first, so rejected junk costs no exception; Guava stays the
        // final word, and a name it rejects is junk, which by contract (DESIGN.md §1) has no domain.
        try {
            return InternetDomainName.from(ascii);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static @Nullable String toLowerCaseAscii(String host) {
        boolean upperCase = false;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 0x80) {
                return toPunycode(host);
            }
            upperCase |= (c >= 'A' && c <= 'Z');
        }
        return upperCase ? host.toLowerCase(Locale.ROOT) : host;
    }

    private static @Nullable String toPunycode(String host) {
        // java.net.IDN implements IDNA 2003: it maps full-width and ideographic dots and letters, and rejects
        // unpaired surrogates and prohibited code points with IllegalArgumentException, which here means junk.
        try {
            return IDN.toASCII(host).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /**
     * The checks {@link InternetDomainName#from} makes, on an already lower-case ASCII name.
     */
    private static boolean isWellFormed(String name) {
        int length = name.length();
        if (length > RootDomain.MAX_LENGTH) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || name.charAt(i) == '.') {
                if (!isWellFormedLabel(name, labelStart, i, i == length)) {
                    return false;
                }
                labelStart = i + 1;
            }
            else if (!isLabelChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWellFormedLabel(String name, int start, int end, boolean last) {
        int length = end - start;
        if (length == 0 || length > MAX_LABEL_LENGTH || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
            return false;
        }
        // A final label starting with a digit is how Guava (and we) tell an IPv4 address from a domain name.
        char first = name.charAt(start);
        return !(last && first >= '0' && first <= '9');
    }

    private static boolean isLabelChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

}
