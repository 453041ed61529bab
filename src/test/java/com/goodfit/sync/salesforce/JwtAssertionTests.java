package com.goodfit.sync.salesforce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JwtAssertionTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void signsRs256WithSalesforceClaims() throws Exception {
        KeyPair keys = rsaKeyPair();
        OAuthGrant.JwtBearer grant = new OAuthGrant.JwtBearer("consumer-key", "sync@acme.com", pem(keys));
        OrgConnection connection = new OrgConnection(java.net.URI.create("https://acme.my.salesforce.com"), "62.0",
                grant);
        String assertion = new JwtAssertion(grant, connection.jwtAudience(), Clock.fixed(NOW, ZoneOffset.UTC)).sign();

        SignedJWT jwt = SignedJWT.parse(assertion);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("consumer-key");
        assertThat(claims.getSubject()).isEqualTo("sync@acme.com");
        assertThat(claims.getAudience()).containsExactly("https://login.salesforce.com");
        assertThat(Duration.between(NOW, claims.getExpirationTime().toInstant())).isPositive()
            .isLessThanOrEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void refusesNonPkcs8KeyWithoutEchoingIt() throws Exception {
        Path file = this.dir.resolve("rsa.pem");
        Files.writeString(file, "-----BEGIN RSA PRIVATE KEY-----\nMIIsecretsecret\n-----END RSA PRIVATE KEY-----\n");
        OAuthGrant.JwtBearer grant = new OAuthGrant.JwtBearer("consumer-key", "sync@acme.com", file);
        assertThatIllegalArgumentException().isThrownBy(() -> new JwtAssertion(grant, "aud", Clock.systemUTC()))
            .withMessageContaining("PKCS#8")
            .withMessageNotContaining("MIIsecret");
    }

    @Test
    void refusesMissingKeyFile() {
        OAuthGrant.JwtBearer grant = new OAuthGrant.JwtBearer("consumer-key", "sync@acme.com",
                this.dir.resolve("absent.pem"));
        assertThatIllegalArgumentException().isThrownBy(() -> new JwtAssertion(grant, "aud", Clock.systemUTC()))
            .withMessageContaining("absent.pem");
    }

    private Path pem(KeyPair keys) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        Path file = this.dir.resolve("key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

}
