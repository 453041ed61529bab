package com.goodfit.sync.domain;

import java.util.Optional;

import com.google.common.net.InternetDomainName;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link RootDomain} of a website value as CRMs really hold it (DESIGN.md §1): a URL with or without
 * scheme, a bare host, an e-mail address, several of those in one value, wrapped in quotes or angle brackets.
 * <p>
 * The first value wins when there are several (separated by whitespace, commas, semicolons or pipes). The root
 * domain is the host's registrable domain under Guava's bundled Public Suffix List, counting its private section
 * as suffixes too, so {@code a.myshopify.com} and {@code b.myshopify.com} stay two companies. A value without one
 * ({@code null}, blank, a placeholder such as {@code n/a}, an IP address, {@code localhost}, a bare suffix such as
 * {@code co.uk}, a TLD the list does not know, junk) gives {@link Optional#empty()}.
 * <p>
 * Stateless and thread-safe; never throws, whatever the string.
 */
public final class WebsiteNormaliser {

    /**
     * How far a value is searched for its first host. A host that does not end within it is junk, and the bound
     * keeps a 100 kB paste as cheap as a short URL.
     */
    static final int MAX_SCANNED_CHARS = 2048;

    private static final int MAX_SCHEME_LENGTH = 32;

    /** ASCII characters that end a value: separators between several values, and wrappers around one. */
    private static final boolean[] DELIMITERS = new boolean[128];

    static {
        for (char c = 0; c <= ' '; c++) {
            DELIMITERS[c] = true;
        }
        DELIMITERS[0x7f] = true;
        for (char c : ",;|'\"`<>".toCharArray()) {
            DELIMITERS[c] = true;
        }
    }

    /**
     * Returns the root domain of a website value.
     * @param raw the value as stored, possibly {@code null}
     * @return the root domain, or empty when the value has none
     */
    public Optional<RootDomain> rootDomainOf(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String host = hostOf(raw);
        if (host == null) {
            return Optional.empty();
        }
        InternetDomainName name = DomainNameParser.parse(host);
        if (name == null || !name.isUnderPublicSuffix()) {
            return Optional.empty();
        }
        // topPrivateDomain counts private PSL entries (myshopify.com, github.io) as suffixes, unlike
        // topDomainUnderRegistrySuffix, which would merge every shop on one platform into one company.
        return Optional.of(new RootDomain(name.topPrivateDomain().toString()));
    }

    /**
     * The host of the first value in {@code raw}, without scheme, userinfo, port, path or trailing dots; the
     * domain of an e-mail address; {@code null} when there is none.
     */
    static @Nullable String hostOf(String raw) {
        int limit = Math.min(raw.length(), MAX_SCANNED_CHARS);
        int start = 0;
        while (start < limit && isDelimiter(raw.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < limit && !isDelimiter(raw.charAt(end))) {
            end++;
        }
        boolean truncated = end == limit && limit < raw.length() && !isDelimiter(raw.charAt(limit));
        int authorityStart = afterScheme(raw, start, end);
        int authorityEnd = authorityStart;
        while (authorityEnd < end && !isAuthorityEnd(raw.charAt(authorityEnd))) {
            authorityEnd++;
        }
        if (truncated && authorityEnd == end) {
            // The host itself runs past the scanned prefix: far too long for a domain name.
            return null;
        }
        int hostStart = authorityStart;
        for (int i = authorityEnd - 1; i >= authorityStart; i--) {
            if (raw.charAt(i) == '@') {
                hostStart = i + 1;
                break;
            }
        }
        if (hostStart < authorityEnd && raw.charAt(hostStart) == '[') {
            // A bracketed IPv6 literal: an address, never a domain.
            return null;
        }
        int hostEnd = hostStart;
        while (hostEnd < authorityEnd && raw.charAt(hostEnd) != ':') {
            hostEnd++;
        }
        while (hostEnd > hostStart && isDot(raw.charAt(hostEnd - 1))) {
            hostEnd--;
        }
        return (hostEnd > hostStart) ? raw.substring(hostStart, hostEnd) : null;
    }

    /**
     * Skips {@code mailto:}, a {@code scheme://} of any case, a scheme-relative {@code //}, and the mistyped
     * {@code http:}/{@code https//}/{@code https:\\} forms people paste into CRMs.
     */
    private static int afterScheme(String raw, int start, int end) {
        int i = start;
        if (raw.regionMatches(true, i, "mailto:", 0, 7)) {
            return i + 7;
        }
        int colon = schemeColon(raw, i, end);
        if (colon >= 0 && colon + 1 < end && isSlash(raw.charAt(colon + 1))) {
            i = colon + 1;
        }
        else if (raw.regionMatches(true, i, "http", 0, 4)) {
            int j = i + 4;
            if (j < end && (raw.charAt(j) == 's' || raw.charAt(j) == 'S')) {
                j++;
            }
            if (j < end && raw.charAt(j) == ':') {
                i = j + 1;
            }
            else if (j < end && isSlash(raw.charAt(j))) {
                i = j;
            }
        }
        while (i < end && isSlash(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the colon ending an RFC 3986 scheme at {@code start}, or -1. */
    private static int schemeColon(String raw, int start, int end) {
        if (start >= end || !isAsciiLetter(raw.charAt(start))) {
            return -1;
        }
        // Registered schemes are short; not scanning a whole host for a colon saves time on every bare domain.
        int limit = Math.min(end, start + MAX_SCHEME_LENGTH + 1);
        for (int i = start + 1; i < limit; i++) {
            char c = raw.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isDelimiter(char c) {
        if (c < 128) {
            return DELIMITERS[c];
        }
        // Unicode spaces (no-break, ideographic, line separators) and the invisible ones spreadsheets leave behind.
        return Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff' || (c >= '\u0080' && c <= '\u009f');
    }

    private static boolean isAuthorityEnd(char c) {
        return c == '/' || c == '\\' || c == '?' || c == '#';
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /** The ASCII dot and the Unicode full stops IDNA also treats as label separators. */
    private static boolean isDot(char c) {
        return c == '.' || c == '\u3002' || c == '\uff0e' || c == '\uff61';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

}
