package com.goodfit.sync.source;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Hands out an independent random stream per (row, purpose), derived from the seed alone, so any row can be
 * generated on its own, in any order, and comes out the same every time.
 */
record RowRandom(long seed) {

    static final long IDENTITY = 0x1D;

    static final long COMPANY = 0xC0;

    static final long WEBSITE = 0x3E;

    static final long CONTACTS = 0xC7;

    static final long CONTACT_COUNT = 0x5C;

    SplittableRandom of(long key, long purpose) {
        return new SplittableRandom(mix(mix(this.seed ^ (purpose * 0x9E3779B97F4A7C15L)) + key));
    }

    // Stafford's variant 13 of the MurmurHash3 finaliser, as SplittableRandom uses: spreads nearby keys apart.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

}
