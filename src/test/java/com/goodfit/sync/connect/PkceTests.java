package com.goodfit.sync.connect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PkceTests {

    @Test
    void challengeIsS256OfTheVerifierAsInRfc7636() {
        // RFC 7636, appendix B.
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
            .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void eachAttemptHasFreshUnguessableValues() {
        Pkce first = Pkce.create();
        Pkce second = Pkce.create();

        assertThat(first.verifier()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.verifier());
        assertThat(first.state()).isNotEqualTo(second.state());
        assertThat(first.challenge()).isEqualTo(Pkce.challengeOf(first.verifier()));
        assertThat(first.stateMatches(first.state())).isTrue();
        assertThat(first.stateMatches(second.state())).isFalse();
        assertThat(first.toString()).doesNotContain(first.verifier());
    }

}
