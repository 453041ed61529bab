package com.goodfit.sync.matching;

import java.nio.charset.StandardCharsets;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * A match key reduced to its 128-bit murmur3 hash, so that millions of keys can be held as two longs each instead
 * of a String each. Two different keys share a hash with a probability of about n²/2¹²⁹ (below 10⁻²⁵ for ten
 * million keys), which is far below any other source of error, so equal hashes are taken as equal keys.
 *
 * @param high the hash's first eight bytes
 * @param low its last eight bytes
 */
record KeyHash(long high, long low) {

    private static final HashFunction MURMUR = Hashing.murmur3_128();

    static KeyHash of(String key) {
        HashCode hash = MURMUR.hashString(key, StandardCharsets.UTF_8);
        byte[] bytes = hash.asBytes();
        return new KeyHash(longAt(bytes, 0), longAt(bytes, 8));
    }

    /** @return a slot start for open addressing: murmur3's bits are already well mixed */
    int spread() {
        return (int) (this.low ^ (this.low >>> 32));
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

}
