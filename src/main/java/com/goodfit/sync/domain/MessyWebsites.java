package com.goodfit.sync.domain;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates website values the way CRM exports hold them (schemes in any case, {@code www.}, ports, paths,
 * e-mail addresses, lists, quotes, IDN, placeholders, IP addresses); the same seed gives the same values.
 * Not thread-safe.
 */
final class MessyWebsites {

    private static final String[] SYLLABLES = { "ac", "me", "go", "od", "fit", "data", "lab", "soft", "tec", "nova",
            "sys", "ware", "cloud", "net", "bright", "blue", "core", "hub", "ly", "zen", "max", "pro", "gen", "flow",
            "mint", "peak", "north", "grid", "loop", "wise" };

    private static final String[] UNICODE_SYLLABLES = { "bü", "mün", "café", "ørn", "straß", "食狮", "çay" };

    // Weighted towards what B2B data holds: mostly .com, then country and private-registry suffixes.
    private static final String[] SUFFIXES = { "com", "com", "com", "com", "com", "co.uk", "co.uk", "de", "io", "net",
            "org", "com.au", "fr", "nl", "co", "ai", "myshopify.com", "github.io", "co.jp", "com.br", "es", "it", "ca",
            "ch", "se", "app", "dev", "tech", "k12.ca.us", "公司.cn" };

    private static final String[] SUBDOMAINS = { "www.", "www.", "www.", "www2.", "", "", "", "", "shop.", "app.",
            "en.", "blog.", "eu.shop." };

    private static final String[] PATHS = { "/", "/about", "/en/contact-us", "/products?id=42", "/#team",
            "/index.html", "/careers/?utm_source=linkedin&utm_medium=social" };

    private static final String[] NO_ROOT_DOMAIN = { "n/a", "N/A", "-", "none", "null", "unknown", "tbd", "", "  ",
            "localhost", "192.168.1.10", "http://10.0.0.1:8080/", "co.uk", "[::1]", "intranet.local", "acme",
            "http://", "not provided" };

    private final SplittableRandom random;

    MessyWebsites(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String[] next(int count) {
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = next();
        }
        return values;
    }

    String next() {
        int form = this.random.nextInt(100);
        if (form < 6) {
            return pick(NO_ROOT_DOMAIN);
        }
        String domain = name() + "." + pick(SUFFIXES);
        String host = pick(SUBDOMAINS) + domain;
        if (form < 30) {
            return "https://" + host + path();
        }
        if (form < 40) {
            return "http://" + host + path();
        }
        if (form < 58) {
            return host;
        }
        if (form < 63) {
            return (this.random.nextBoolean() ? "HTTPS://" : "Http://") + host.toUpperCase(Locale.ROOT);
        }
        if (form < 68) {
            return (this.random.nextBoolean() ? "mailto:" : "") + "info@" + domain;
        }
        if (form < 73) {
            return "https://" + host + ":" + (8000 + this.random.nextInt(1000)) + "/app?x=1#top";
        }
        if (form < 78) {
            return host + pick(new String[] { ", ", "; ", " | ", "\n", " " }) + name() + "." + pick(SUFFIXES);
        }
        if (form < 84) {
            return pick(new String[] { "\"", "'", "<", "  ", "`" }) + "https://" + host
                    + pick(new String[] { "\"", "'", ">", "  ", "`" });
        }
        if (form < 88) {
            return host + ".";
        }
        if (form < 91) {
            return "https://user:secret@" + host + "/";
        }
        if (form < 94) {
            return "//" + host + "/";
        }
        return "www." + domain + path();
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        if (this.random.nextInt(100) < 3) {
            name.append(pick(UNICODE_SYLLABLES));
        }
        int syllables = 1 + this.random.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            name.append(pick(SYLLABLES));
        }
        if (this.random.nextInt(10) == 0) {
            name.append(this.random.nextInt(100));
        }
        if (this.random.nextInt(20) == 0) {
            name.append('-').append(pick(SYLLABLES));
        }
        return name.toString();
    }

    private String path() {
        return (this.random.nextInt(3) == 0) ? pick(PATHS) : "";
    }

    private String pick(String[] choices) {
        return choices[this.random.nextInt(choices.length)];
    }

}
