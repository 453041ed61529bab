package com.goodfit.sync.domain;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Feeds both normalisers strings no CRM should hold (seeded, so a failure reproduces) and checks they never throw.
 */
class NormaliserRobustnessTests {

    private static final long SEED = 20261127L;

    private final WebsiteNormaliser websites = new WebsiteNormaliser();

    private final EmailNormaliser emails = new EmailNormaliser();

    @Test
    void neverThrowsOnRandomBinaryGarbage() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(0, 80)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(0, 0x10000);
            }
            assertNeverThrows(new String(chars));
        }
    }

    @Test
    void neverThrowsOnRandomUnicodeAroundDomainSyntax() {
        SplittableRandom random = new SplittableRandom(SEED);
        String alphabet = "aZ09-_.:/\\@?#[]%!~ \t\n,;|'\"`<>\u0000\u007f\u00a0ü食\u3002\uff0e\ufeff\u200b\ud800\udc00\ufffd";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            if (random.nextBoolean()) {
                value.append(random.nextBoolean() ? "https://" : "mailto:");
            }
            int length = random.nextInt(0, 40);
            for (int j = 0; j < length; j++) {
                value.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            if (random.nextBoolean()) {
                value.append(random.nextBoolean() ? ".com" : ".co.uk");
            }
            assertNeverThrows(value.toString());
        }
    }

    @Test
    void neverThrowsOnRandomCodePointsIncludingSupplementaryOnes() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(0, 30);
            for (int j = 0; j < length; j++) {
                int codePoint = random.nextInt(0, Character.MAX_CODE_POINT + 1);
                if (Character.isValidCodePoint(codePoint)) {
                    value.appendCodePoint(codePoint);
                }
                if (random.nextInt(5) == 0) {
                    value.append('.');
                }
            }
            assertNeverThrows(value.toString());
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void handlesHundredKilobyteValuesQuickly() {
        String[] values = { "x".repeat(100_000), "https://" + "a.".repeat(50_000) + "com", "ü".repeat(100_000),
                "@".repeat(100_000), ".".repeat(100_000), " ".repeat(100_000) + "test.com",
                "https://test.com/" + "p".repeat(100_000), "\ud800".repeat(100_000) };
        for (int i = 0; i < 100; i++) {
            for (String value : values) {
                assertNeverThrows(value);
            }
        }
        assertThat(this.websites.rootDomainOf(values[0])).isEmpty();
        assertThat(this.websites.rootDomainOf(values[6])).map(RootDomain::value).contains("test.com");
    }

    private void assertNeverThrows(String value) {
        assertThatNoException().as(() -> "value " + escaped(value)).isThrownBy(() -> {
            this.websites.rootDomainOf(value);
            this.emails.normalise(value);
        });
    }

    private static String escaped(String value) {
        StringBuilder escaped = new StringBuilder();
        value.chars().limit(200).forEach(c -> escaped.append((c >= 0x20 && c < 0x7f) ? String.valueOf((char) c)
                : "\\u%04x".formatted(c)));
        return escaped.toString();
    }

}
