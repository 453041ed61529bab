package com.goodfit.sync.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyClaimsTests {

    private final KeyClaims claims = new KeyClaims();

    @Test
    void theFirstClaimOwnsAKeyAndLaterClaimsNameTheOwner() {
        assertThat(this.claims.claim("jane@acme.com", 3)).isEmpty();
        assertThat(this.claims.claim("jane@acme.com", 7)).contains(3L);
        assertThat(this.claims.claim("john@acme.com", 7)).isEmpty();
        assertThat(this.claims.size()).isEqualTo(2);
    }

    @Test
    void theOwnerClaimingAgainStillOwnsTheKey() {
        this.claims.claim("acme.com", 3);
        assertThat(this.claims.claim("acme.com", 3)).isEmpty();
        assertThat(this.claims.size()).isEqualTo(1);
    }

    @Test
    void keysThatStartAtTheSameSlotAreKeptApart() {
        // Same low half (same slot), different high half: linear probing must keep both.
        KeyHash first = new KeyHash(1, 42);
        KeyHash second = new KeyHash(2, 42);
        KeyHash third = new KeyHash(3, 42 + 16);
        assertThat(this.claims.claim(first, 1)).isEmpty();
        assertThat(this.claims.claim(second, 2)).isEmpty();
        assertThat(this.claims.claim(third, 3)).isEmpty();
        assertThat(this.claims.claim(first, 9)).contains(1L);
        assertThat(this.claims.claim(second, 9)).contains(2L);
        assertThat(this.claims.claim(third, 9)).contains(3L);
    }

    @Test
    void hashesWithTheSameSlotInDifferentSegmentsAreDifferentKeys() {
        KeyHash inFirst = new KeyHash(1, 42);
        KeyHash inLast = new KeyHash(1 | (63L << 58), 42);
        assertThat(this.claims.claim(inFirst, 1)).isEmpty();
        assertThat(this.claims.claim(inLast, 2)).isEmpty();
        assertThat(this.claims.claim(inLast, 3)).contains(2L);
    }

    @Test
    void aSegmentGrowsOnItsOwn() {
        int before = this.claims.capacity();
        for (int i = 0; i < 13; i++) {
            this.claims.claim(new KeyHash(i, i), i);
        }
        assertThat(this.claims.capacity()).isEqualTo(before + 16);
        for (int i = 0; i < 13; i++) {
            assertThat(this.claims.claim(new KeyHash(i, i), 99)).contains((long) i);
        }
    }

    @Test
    void growsWithoutLosingAClaim() {
        int keys = 100_000;
        for (int i = 0; i < keys; i++) {
            assertThat(this.claims.claim("person" + i + "@company.com", i)).isEmpty();
        }
        assertThat(this.claims.size()).isEqualTo(keys);
        assertThat(this.claims.capacity()).isGreaterThanOrEqualTo((int) (keys / 0.75));
        for (int i = 0; i < keys; i++) {
            assertThat(this.claims.claim("person" + i + "@company.com", keys + i)).contains((long) i);
        }
    }

    @Test
    void clearForgetsEveryClaim() {
        this.claims.claim("acme.com", 3);
        this.claims.clear();
        assertThat(this.claims.size()).isZero();
        assertThat(this.claims.claim("acme.com", 5)).isEmpty();
    }

    @Test
    void keysDifferingInCaseOrUnicodeAreDifferentKeys() {
        this.claims.claim("jane@acme.com", 1);
        assertThat(this.claims.claim("Jane@acme.com", 2)).isEmpty();
        assertThat(this.claims.claim("jané@acme.com", 3)).isEmpty();
        assertThat(this.claims.claim("jané@acme.com", 4)).contains(3L);
    }

    @Test
    void refusesTheIdThatMarksAFreeSlot() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.claims.claim("acme.com", Long.MIN_VALUE));
    }

}
