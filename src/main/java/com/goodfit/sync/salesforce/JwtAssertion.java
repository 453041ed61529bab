package com.goodfit.sync.salesforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs the RS256 assertion of the JWT bearer grant: {@code iss} = consumer key, {@code sub} = username,
 * {@code aud} = login/test host, {@code exp} a little under 3 minutes ahead.
 */
final class JwtAssertion {

    /** Salesforce rejects assertions whose exp is more than about 3 minutes ahead. */
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private final OAuthGrant.JwtBearer grant;

    private final String audience;

    private final Clock clock;

    private final RSASSASigner signer;

    JwtAssertion(OAuthGrant.JwtBearer grant, String audience, Clock clock) {
        this.grant = grant;
        this.audience = audience;
        this.clock = clock;
        this.signer = new RSASSASigner(readPrivateKey(grant));
    }

    String sign() {
        Instant now = this.clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.grant.clientId())
            .subject(this.grant.username())
            .audience(this.audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(this.signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign the JWT bearer assertion: " + ex.getMessage(), ex);
        }
        return jwt.serialize();
    }

    private static RSAPrivateKey readPrivateKey(OAuthGrant.JwtBearer grant) {
        String pem;
        try {
            pem = Files.readString(grant.privateKeyPem(), StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException(
                    "Cannot read the JWT private key file '%s': %s".formatted(grant.privateKeyPem(), ex.getMessage()),
                    ex);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            // Never echo the file's content: it is a secret.
            throw new IllegalArgumentException(("JWT private key file '%s' must hold a PKCS#8 PEM key "
                    + "(-----BEGIN PRIVATE KEY-----); convert with: openssl pkcs8 -topk8 -nocrypt")
                .formatted(grant.privateKeyPem()));
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        catch (IllegalArgumentException | GeneralSecurityException | ClassCastException ex) {
            throw new IllegalArgumentException(
                    "JWT private key file '%s' does not hold a valid PKCS#8 RSA key".formatted(grant.privateKeyPem()));
        }
    }

}
