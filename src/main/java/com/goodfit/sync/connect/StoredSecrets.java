package com.goodfit.sync.connect;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The secret part of a stored connection, only ever held in memory decrypted; {@code toString()} masks it.
 *
 * @param clientSecret the consumer secret (web-server flow)
 * @param refreshToken the refresh token (web-server flow)
 * @param privateKeyPem the JWT private key, only when stored with {@code --store-key}
 */
record StoredSecrets(@Nullable String clientSecret, @Nullable String refreshToken, @Nullable String privateKeyPem) {

    Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "client_secret", this.clientSecret);
        put(map, "refresh_token", this.refreshToken);
        put(map, "private_key", this.privateKeyPem);
        return map;
    }

    static StoredSecrets of(Map<String, String> map) {
        return new StoredSecrets(map.get("client_secret"), map.get("refresh_token"), map.get("private_key"));
    }

    private static void put(Map<String, String> map, String key, @Nullable String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "StoredSecrets[****]";
    }

}
