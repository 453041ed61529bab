package com.goodfit.sync.connect;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CredentialCipherTests {

    private static final Map<String, String> SECRETS = Map.of("client_secret", "s3cret-value", "refresh_token",
            "5Aep861-refresh-value");

    @Test
    void roundTripsWithoutPlainTextInTheStoredValue() {
        CredentialCipher cipher = cipherWith(newKey());

        String stored = cipher.encrypt("acme", SECRETS);

        assertThat(stored.split("\\.")).hasSize(5);
        assertThat(stored).doesNotContain("s3cret-value").doesNotContain("5Aep861");
        assertThat(cipher.decrypt("acme", stored)).isEqualTo(SECRETS);
        assertThat(cipher.encrypt("acme", SECRETS)).as("a fresh IV each time").isNotEqualTo(stored);
    }

    @Test
    void wrongKeyIsAClearErrorNamingTheVariable() {
        String stored = cipherWith(newKey()).encrypt("acme", SECRETS);

        assertThatExceptionOfType(CredentialsException.class)
            .isThrownBy(() -> cipherWith(newKey()).decrypt("acme", stored))
            .withMessageContaining("GOODFIT_CREDENTIALS_KEY is not the key they were stored with")
            .withMessageNotContaining("s3cret");
    }

    @Test
    void missingOrMalformedKeyIsAClearError() {
        assertThatExceptionOfType(CredentialsException.class)
            .isThrownBy(() -> new CredentialCipher(new MockEnvironment()).encrypt("acme", SECRETS))
            .withMessageContaining("GOODFIT_CREDENTIALS_KEY is not set")
            .withMessageContaining("openssl rand -base64 32");
        assertThatExceptionOfType(CredentialsException.class)
            .isThrownBy(() -> cipherWith(Base64.getEncoder().encodeToString(new byte[16])).requireKey())
            .withMessageContaining("must encode 32 bytes (AES-256), not 16");
        assertThatExceptionOfType(CredentialsException.class).isThrownBy(() -> cipherWith("not base64!").requireKey())
            .withMessageContaining("is not base64");
    }

    @Test
    void secretsOfOneJobCannotBeMovedToAnother() {
        CredentialCipher cipher = cipherWith(newKey());
        String stored = cipher.encrypt("acme", SECRETS);

        assertThatExceptionOfType(CredentialsException.class).isThrownBy(() -> cipher.decrypt("globex", stored))
            .withMessageContaining("were not stored for this job");
    }

    @Test
    void alteredCiphertextIsRejected() {
        CredentialCipher cipher = cipherWith(newKey());
        String[] parts = cipher.encrypt("acme", SECRETS).split("\\.");
        byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);

        assertThatExceptionOfType(CredentialsException.class)
            .isThrownBy(() -> cipher.decrypt("acme", String.join(".", parts)))
            .withMessageContaining("or the row was altered");
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static CredentialCipher cipherWith(String key) {
        return new CredentialCipher(new MockEnvironment().withProperty(CredentialCipher.KEY_VARIABLE, key));
    }

}
