package com.goodfit.sync.connect;

import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts stored credentials with authenticated encryption: a compact JWE ({@code dir} + {@code A256GCM},
 * nimbus-jose-jwt) under a 256-bit key read from {@value #KEY_VARIABLE}, with the job's name in the protected header
 * (authenticated with the content), so one job's secrets cannot be swapped into another's row. A missing, malformed
 * or wrong key is a {@link CredentialsException}; nothing is ever read or written in plain text.
 */
@Component
class CredentialCipher {

    /** The environment variable holding the base64 encoding of 32 random bytes. */
    static final String KEY_VARIABLE = "GOODFIT_CREDENTIALS_KEY";

    static final String HOW_TO_GENERATE = "generate one with 'openssl rand -base64 32' and keep it with your other "
            + "secrets";

    private static final String JOB_HEADER = "goodfit-job";

    private final Environment environment;

    CredentialCipher(Environment environment) {
        this.environment = environment;
    }

    String encrypt(String jobName, Map<String, String> secrets) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
            .customParam(JOB_HEADER, jobName)
            .build();
        JWEObject jwe = new JWEObject(header, new Payload(JsonMapper.shared().writeValueAsString(secrets)));
        try {
            jwe.encrypt(new DirectEncrypter(key()));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("AES-256-GCM encryption is unavailable in this JVM: " + ex.getMessage(), ex);
        }
        return jwe.serialize();
    }

    Map<String, String> decrypt(String jobName, String stored) {
        SecretKey key = key();
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(stored);
        }
        catch (ParseException ex) {
            throw new CredentialsException("the stored credentials of job '" + jobName + "' are not an encrypted "
                    + "value (damaged row?): run 'goodfit-sync connect " + jobName + "' again");
        }
        if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())
                || !jobName.equals(jwe.getHeader().getCustomParam(JOB_HEADER))) {
            throw new CredentialsException("the stored credentials of job '" + jobName + "' were not stored for this "
                    + "job: run 'goodfit-sync connect " + jobName + "' again");
        }
        try {
            jwe.decrypt(new DirectDecrypter(key));
        }
        catch (JOSEException ex) {
            throw new CredentialsException("cannot decrypt the stored credentials of job '" + jobName + "': "
                    + KEY_VARIABLE + " is not the key they were stored with (or the row was altered). Set the "
                    + "original key, or run 'goodfit-sync connect " + jobName + "' again with the current one");
        }
        try {
            return new LinkedHashMap<>(JsonMapper.shared().readValue(jwe.getPayload().toString(),
                    new TypeReference<Map<String, String>>() {
                    }));
        }
        catch (JacksonException ex) {
            throw new CredentialsException("the stored credentials of job '" + jobName + "' decrypt to an unexpected "
                    + "shape: run 'goodfit-sync connect " + jobName + "' again");
        }
    }

    /** Fails early, before a browser round trip, when credentials could not be stored afterwards. */
    void requireKey() {
        key();
    }

    private SecretKey key() {
        String encoded = this.environment.getProperty(KEY_VARIABLE);
        if (encoded == null || encoded.isBlank()) {
            throw new CredentialsException(KEY_VARIABLE + " is not set: stored credentials are encrypted with it; "
                    + HOW_TO_GENERATE);
        }
        byte[] key;
        try {
            String trimmed = encoded.trim();
            key = (trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        }
        catch (IllegalArgumentException ex) {
            throw new CredentialsException(KEY_VARIABLE + " is not base64: " + HOW_TO_GENERATE);
        }
        if (key.length != 32) {
            throw new CredentialsException(KEY_VARIABLE + " must encode 32 bytes (AES-256), not " + key.length + ": "
                    + HOW_TO_GENERATE);
        }
        return new SecretKeySpec(key, "AES");
    }

}
