package com.goodfit.sync.source;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import com.goodfit.sync.source.DomainIdentities.DomainIdentity;

/**
 * Writes a company's site the many ways CRMs hold websites ({@code www.acme.com}, {@code HTTP://Acme.COM},
 * {@code info@acme.com}, {@code acme.com, acme.io} ...), or as junk with no registrable domain.
 */
final class Websites {

    /** The share of companies whose website has no registrable domain. */
    static final double INVALID_RATE = 0.03;

    // Nulls appear thrice so that missing websites are the most common junk, as in real CRM exports.
    private static final List<String> INVALID = Collections.unmodifiableList(Arrays.asList(null, null, null, "",
            "", "   ", "n/a", "N/A", "-", "none", "null", "localhost", "http://localhost:3000", "192.168.1.1",
            "http://10.0.0.12/", "co.uk", "com", ".com", "www.", "http://", "https://", "asdf", "not a website", "TBD",
            "see LinkedIn", "127.0.0.1:8080", "—"));

    private static final List<String> PATHS = List.of("/about?x=1#top", "/en-us/", "/contact", "/index.html",
            "/?utm_source=linkedin&utm_medium=social", "/products#pricing", "/de/impressum");

    private static final List<String> SUBDOMAINS = List.of("shop", "app", "blog", "en", "investors", "careers", "uk",
            "m", "web");

    private static final List<String> PORTS = List.of(":8080", ":443", ":8443", ":80");

    private static final List<String> MAILBOXES = List.of("info@", "sales@", "contact@", "hello@", "mailto:info@");

    private static final List<String> SEPARATORS = List.of(", ", "; ", " | ", " ", ",", "\n", " / ");

    private Websites() {
    }

    /** Whether a company gets a usable website; decided by the first draw of its website stream alone. */
    static boolean hasValidWebsite(RowRandom random, long companyId) {
        return random.of(companyId, RowRandom.WEBSITE).nextDouble() >= INVALID_RATE;
    }

    /**
     * The raw website of a company. A duplicate always gets a usable form that keeps its root domain, so that
     * the share is visible.
     */
    static Website of(RowRandom rowRandom, long companyId, DomainIdentity identity, boolean duplicate) {
        SplittableRandom random = rowRandom.of(companyId, RowRandom.WEBSITE);
        if (random.nextDouble() < INVALID_RATE && !duplicate) {
            return new Website(RowRandom.pick(random, INVALID), true);
        }
        String host = (identity.idn() && random.nextBoolean()) ? identity.unicodeHost() : identity.asciiHost();
        int form = random.nextInt(1000);
        if (duplicate && form >= 900 && form < 935) {
            // e-mail and several-sites forms would hide or blur the shared root domain
            form = 0;
        }
        return new Website(render(random, form, host, identity), false);
    }

    private static String render(SplittableRandom random, int form, String host, DomainIdentity identity) {
        if (form < 330) {
            return host;
        }
        if (form < 490) {
            return "www." + host;
        }
        if (form < 590) {
            return "https://www." + host;
        }
        if (form < 640) {
            return "http://" + host;
        }
        if (form < 690) {
            return "https://www." + host + RowRandom.pick(random, PATHS);
        }
        if (form < 720) {
            return shouting(random, host);
        }
        if (form < 760) {
            return host + "/";
        }
        if (form < 795) {
            return (random.nextBoolean() ? "" : "https://") + RowRandom.pick(random, SUBDOMAINS) + "." + host;
        }
        if (form < 810) {
            return (random.nextBoolean() ? "" : "http://") + host + RowRandom.pick(random, PORTS)
                    + (random.nextBoolean() ? "" : "/");
        }
        if (form < 820) {
            return (random.nextBoolean() ? "https://admin:secret@" : "http://user@www.") + host + "/login";
        }
        if (form < 845) {
            return RowRandom.pick(random, List.of("  " + host + "  ", "\"" + host + "\"", "'www." + host + "'",
                    "\t" + host, "<https://" + host + ">", " https://www." + host + "/ "));
        }
        if (form < 860) {
            return (random.nextBoolean() ? "" : "www.") + host + ".";
        }
        if (form < 900) {
            return "https://" + host;
        }
        if (form < 920) {
            return RowRandom.pick(random, MAILBOXES) + host;
        }
        if (form < 935) {
            String second = identity.asciiLabel() + ("com".equals(identity.suffix()) ? ".io" : ".com");
            return host + RowRandom.pick(random, SEPARATORS) + (random.nextBoolean() ? "www." : "") + second;
        }
        return "http://www." + host + "/";
    }

    private static String shouting(SplittableRandom random, String host) {
        int dot = host.indexOf('.');
        String label = host.substring(0, dot);
        String capitalised = label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
        return RowRandom.pick(random, List.of("HTTP://" + capitalised + host.substring(dot).toUpperCase(Locale.ROOT),
                "WWW." + host.toUpperCase(Locale.ROOT), "Https://Www." + capitalised + host.substring(dot) + "/"));
    }

    /**
     * A raw website value.
     *
     * @param value the value as stored, possibly null or blank
     * @param invalid whether it deliberately has no registrable domain
     */
    record Website(@Nullable String value, boolean invalid) {
    }

}
