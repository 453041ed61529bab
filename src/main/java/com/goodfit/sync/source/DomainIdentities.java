package com.goodfit.sync.source;

import java.math.BigInteger;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Gives every company the site it lives on: a label (unique per company, so root domains only collide where
 * meant to) under a public suffix. A few percent of companies duplicate an earlier company and share its site.
 */
final class DomainIdentities {

    /** The share of companies that duplicate an earlier company's site (rendered in another form). */
    static final double DUPLICATE_RATE = 0.03;

    /**
     * Words appended without a hyphen ({@code hartmannlabs}). None is a suffix of another, so {@code brand + word}
     * never spells the same label twice.
     */
    static final List<String> BUSINESS_WORDS = List.of("labs", "group", "systems", "tech", "logistics", "partners",
            "capital", "health", "foods", "digital", "media", "studio", "works", "analytics", "robotics", "energy",
            "solutions", "consulting", "ventures", "holdings", "industries", "network", "cloud", "software", "data",
            "pharma", "motors", "finance", "security", "retail", "design", "hq", "global", "direct", "apps", "hub");

    // Public suffixes with rough weights (per mille); the last ones are private PSL entries, under which every
    // customer site is its own registrable domain.
    private static final String[] SUFFIXES = { "com", "io", "co", "net", "org", "co.uk", "de", "fr", "com.au", "nl",
            "ai", "app", "ca", "es", "ch", "myshopify.com", "github.io", "herokuapp.com", "netlify.app",
            "blogspot.com" };

    private static final int[] SUFFIX_WEIGHTS = { 460, 80, 40, 50, 40, 70, 70, 30, 30, 20, 20, 10, 20, 10, 10, 15, 8,
            6, 4, 3 };

    private static final double IDN_RATE = 0.012;

    private final RowRandom rowRandom;

    private final List<String> brands;

    private final List<String> nouns;

    private final long labelsPerGeneration;

    private final long multiplier;

    private final long offset;

    DomainIdentities(RowRandom random, SampleVocabulary vocabulary) {
        this.rowRandom = random;
        this.brands = vocabulary.brandWords();
        this.nouns = vocabulary.nounWords();
        this.labelsPerGeneration = (long) this.brands.size() * (BUSINESS_WORDS.size() + this.nouns.size());
        // An affine map with a multiplier coprime to the range is a bijection: distinct ids, distinct labels.
        SplittableRandom permutation = random.of(0, RowRandom.IDENTITY);
        long candidate = 1 + permutation.nextLong(this.labelsPerGeneration - 1);
        while (BigInteger.valueOf(candidate).gcd(BigInteger.valueOf(this.labelsPerGeneration)).longValue() != 1) {
            candidate = candidate % (this.labelsPerGeneration - 1) + 1;
        }
        this.multiplier = candidate;
        this.offset = permutation.nextLong(this.labelsPerGeneration);
    }

    /** The identity of a company: its own, or that of the earlier company it duplicates. */
    DomainIdentity of(long companyId) {
        long duplicateOf = duplicateOf(companyId);
        return (duplicateOf != 0) ? of(duplicateOf) : ownIdentity(companyId);
    }

    /** The id of the earlier company this one duplicates, or 0. */
    long duplicateOf(long companyId) {
        SplittableRandom random = this.rowRandom.of(companyId, RowRandom.IDENTITY);
        if (companyId < 2 || !RowRandom.chance(random, DUPLICATE_RATE)) {
            return 0;
        }
        long target = 1 + random.nextLong(companyId - 1);
        // Sharing a site with a company whose website is junk would share nothing visible.
        return Websites.hasValidWebsite(this.rowRandom, target) ? target : 0;
    }

    private DomainIdentity ownIdentity(long companyId) {
        // Both factors stay below labelsPerGeneration (a few million), so the product fits in a long.
        long index = Math.floorMod((companyId - 1) % this.labelsPerGeneration * this.multiplier + this.offset,
                this.labelsPerGeneration);
        int generation = (int) ((companyId - 1) / this.labelsPerGeneration);
        String brand = this.brands.get((int) (index % this.brands.size()));
        int second = (int) (index / this.brands.size());
        boolean hyphenated = second >= BUSINESS_WORDS.size();
        String word = hyphenated ? this.nouns.get(second - BUSINESS_WORDS.size()) : BUSINESS_WORDS.get(second);
        SplittableRandom random = this.rowRandom.of(companyId, RowRandom.IDENTITY + 1);
        String suffix = SUFFIXES[weighted(random)];
        boolean idn = RowRandom.chance(random, IDN_RATE) && DomainIdentity.firstOf(brand, "aou") >= 0;
        return new DomainIdentity(brand, word, hyphenated, generation, suffix, idn);
    }

    private static int weighted(SplittableRandom random) {
        int roll = random.nextInt(1000);
        for (int i = 0; i < SUFFIX_WEIGHTS.length; i++) {
            roll -= SUFFIX_WEIGHTS[i];
            if (roll < 0) {
                return i;
            }
        }
        return 0;
    }

    /**
     * A company's site: {@code brand + word} or {@code brand-word}, a generation number once the labels run
     * out, under a public suffix; an IDN site carries an umlaut in its Unicode form.
     */
    record DomainIdentity(String brand, String word, boolean hyphenated, int generation, String suffix, boolean idn) {

        /** The label as people type it: Unicode for an IDN ({@code härtmannlabs}). */
        String unicodeLabel() {
            String label = this.brand + (this.hyphenated ? "-" : "") + this.word
                    + ((this.generation > 0) ? Integer.toString(this.generation + 1) : "");
            return this.idn ? umlaut(label) : label;
        }

        /** The host in Unicode, e.g. {@code bücher.de}. */
        String unicodeHost() {
            return unicodeLabel() + "." + this.suffix;
        }

        /** The label in ASCII, punycode for an IDN. */
        String asciiLabel() {
            return this.idn ? IDN.toASCII(unicodeLabel()) : unicodeLabel();
        }

        /** The host in ASCII, punycode for an IDN, e.g. {@code xn--bcher-kva.de}. */
        String asciiHost() {
            return asciiLabel() + "." + this.suffix;
        }

        /** The trading name the site suggests, e.g. {@code Härtmann Labs}. */
        String tradingName() {
            String brand = this.idn ? umlaut(this.brand) : this.brand;
            return capitalise(brand) + " " + capitalise(this.word);
        }

        private static String umlaut(String label) {
            int at = firstOf(label, "aou");
            if (at < 0) {
                throw new IllegalStateException("no umlaut candidate in " + label);
            }
            return label.substring(0, at) + "äöü".charAt("aou".indexOf(label.charAt(at))) + label.substring(at + 1);
        }

        static int firstOf(String text, String letters) {
            for (int i = 0; i < text.length(); i++) {
                if (letters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private static String capitalise(String word) {
            return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        }

    }

}
