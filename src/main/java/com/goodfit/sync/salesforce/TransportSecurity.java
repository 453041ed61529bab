package com.goodfit.sync.salesforce;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses plain {@code http://} except to a loopback address, where the local emulator runs.
 */
final class TransportSecurity {

    private TransportSecurity() {
    }

    static URI requireSecure(URI uri, String what) {
        String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("%s '%s' must be an absolute https:// URL".formatted(what, uri));
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    ("%s '%s' uses plain http://; only https:// is allowed, except to a loopback address "
                            + "(127.0.0.0/8, ::1, localhost)")
                        .formatted(what, uri));
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        // A literal 127.x.y.z only: no DNS lookup, so a name that resolves to loopback is not trusted.
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

}
