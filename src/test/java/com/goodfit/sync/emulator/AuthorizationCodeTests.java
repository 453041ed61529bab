package com.goodfit.sync.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCodeTests extends EmulatorApiTestSupport {

    private static final String REDIRECT = "http://localhost:1717/OauthRedirect";

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void approvesAtOnceAndRedirectsWithCodeAndState() {
        ApiCalls.Response response = authorize("xyz-state", challenge(VERIFIER));

        assertThat(response.status()).isEqualTo(302);
        Map<String, String> params = query(response.header("Location"));
        assertThat(response.header("Location")).startsWith(REDIRECT + "?");
        assertThat(params).containsEntry("state", "xyz-state").containsKey("code");
        assertThat(this.emulator.calls().get("auth")).isEqualTo(1);
    }

    @Test
    void deniesWhenToldWithAccessDeniedAndTheState() {
        this.emulator.control().denyAuthorization(true);

        Map<String, String> params = query(authorize("s1", challenge(VERIFIER)).header("Location"));

        assertThat(params).containsEntry("error", "access_denied")
            .containsEntry("error_description", "end-user denied authorization")
            .containsEntry("state", "s1")
            .doesNotContainKey("code");
    }

    @Test
    void unknownClientIsShownNotRedirected() {
        ApiCalls.Response response = this.api.send("GET", "/services/oauth2/authorize?response_type=code&client_id=nope"
                + "&redirect_uri=" + ApiCalls.q(REDIRECT), null, null, Map.of("Authorization", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.map()).containsEntry("error", "invalid_client_id");
    }

    @Test
    void exchangesTheCodeWithItsVerifierForARefreshTokenThatWorks() {
        String code = query(authorize("s", challenge(VERIFIER)).header("Location")).get("code");

        ApiCalls.Response tokens = exchange(code, VERIFIER);

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.map()).containsKeys("access_token", "refresh_token", "instance_url", "id", "signature",
                "issued_at");
        ApiCalls.Response refreshed = this.api.form("/services/oauth2/token", "grant_type=refresh_token&client_id="
                + ApiCalls.q(this.emulator.credentials().clientId()) + "&refresh_token="
                + ApiCalls.q((String) tokens.map().get("refresh_token")));
        assertThat(refreshed.status()).isEqualTo(200);
    }

    @Test
    void aCodeWorksOnce() {
        String code = query(authorize("s", challenge(VERIFIER)).header("Location")).get("code");
        assertThat(exchange(code, VERIFIER).status()).isEqualTo(200);

        ApiCalls.Response again = exchange(code, VERIFIER);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.map()).containsEntry("error", "invalid_grant");
    }

    @Test
    void checksThePkceVerifier() {
        String code = query(authorize("s", challenge(VERIFIER)).header("Location")).get("code");
        ApiCalls.Response wrong = exchange(code, "another-verifier-another-verifier-another-verif");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.map()).containsEntry("error", "invalid_request");

        String second = query(authorize("s", challenge(VERIFIER)).header("Location")).get("code");
        ApiCalls.Response missing = this.api.form("/services/oauth2/token", "grant_type=authorization_code&code="
                + ApiCalls.q(second) + "&client_id=" + ApiCalls.q(this.emulator.credentials().clientId())
                + "&redirect_uri=" + ApiCalls.q(REDIRECT));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.map()).containsEntry("error", "invalid_grant");
    }

    @Test
    void revokingARefreshTokenEndsItsAccessTokens() {
        String code = query(authorize("s", challenge(VERIFIER)).header("Location")).get("code");
        Map<String, Object> tokens = exchange(code, VERIFIER).map();
        String refreshToken = (String) tokens.get("refresh_token");
        String accessToken = (String) tokens.get("access_token");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + accessToken);
        assertThat(this.api.get(ApiCalls.V + "/limits", bearer).status()).isEqualTo(200);

        assertThat(this.api.form("/services/oauth2/revoke", "token=" + ApiCalls.q(refreshToken)).status())
            .isEqualTo(200);

        assertThat(this.api.get(ApiCalls.V + "/limits", bearer).status()).isEqualTo(401);
        ApiCalls.Response again = this.api.form("/services/oauth2/revoke", "token=" + ApiCalls.q(refreshToken));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.map()).containsEntry("error", "invalid_token");
    }

    private ApiCalls.Response authorize(String state, String challenge) {
        return this.api.send("GET", "/services/oauth2/authorize?response_type=code&client_id="
                + ApiCalls.q(this.emulator.credentials().clientId()) + "&redirect_uri=" + ApiCalls.q(REDIRECT)
                + "&state=" + ApiCalls.q(state) + "&code_challenge=" + challenge + "&code_challenge_method=S256",
                null, null, Map.of("Authorization", ""));
    }

    private ApiCalls.Response exchange(String code, String verifier) {
        return this.api.form("/services/oauth2/token", "grant_type=authorization_code&code=" + ApiCalls.q(code)
                + "&client_id=" + ApiCalls.q(this.emulator.credentials().clientId()) + "&client_secret="
                + ApiCalls.q(this.emulator.credentials().clientSecret()) + "&redirect_uri=" + ApiCalls.q(REDIRECT)
                + "&code_verifier=" + ApiCalls.q(verifier));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> raw = UriComponentsBuilder.fromUri(URI.create(location))
            .build()
            .getQueryParams()
            .toSingleValueMap();
        Map<String, String> decoded = new java.util.LinkedHashMap<>();
        raw.forEach((key, value) -> decoded.put(key, java.net.URLDecoder.decode(value, StandardCharsets.UTF_8)));
        return decoded;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
