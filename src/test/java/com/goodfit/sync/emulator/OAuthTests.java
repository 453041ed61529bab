package com.goodfit.sync.emulator;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthTests extends EmulatorApiTestSupport {

    private static final String TOKEN = "/services/oauth2/token";

    private EmulatorCredentials credentials;

    @BeforeEach
    void setUp() {
        this.credentials = this.emulator.credentials();
    }

    private String passwordForm(String password) {
        return "grant_type=password&client_id=" + this.credentials.clientId() + "&client_secret="
                + this.credentials.clientSecret() + "&username=" + ApiCalls.q(this.credentials.username())
                + "&password=" + password;
    }

    @Test
    void passwordGrantIssuesAWorkingToken() {
        ApiCalls.Response response = this.api.form(TOKEN, passwordForm(this.credentials.password()));
        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> body = response.map();
        assertThat(body).containsKeys("access_token", "instance_url", "id", "token_type", "issued_at", "signature",
                "scope");
        assertThat(body).containsEntry("instance_url", this.emulator.url().toString())
            .containsEntry("token_type", "Bearer");
        assertThat((String) body.get("issued_at")).matches("\\d{13}");
        assertThat((String) body.get("id")).isEqualTo(this.emulator.url() + "/id/" + this.emulator.org().orgId() + "/"
                + this.emulator.org().userId());
        ApiCalls.Response data = this.api.send("GET", ApiCalls.V + "/limits", null, null,
                Map.of("Authorization", "Bearer " + body.get("access_token")));
        assertThat(data.status()).isEqualTo(200);
        assertThat(this.emulator.calls().get("auth")).isEqualTo(1);
    }

    @Test
    void wrongPasswordIsAuthenticationFailure() {
        ApiCalls.Response response = this.api.form(TOKEN, passwordForm("nope"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.map()).isEqualTo(Map.of("error", "invalid_grant", "error_description",
                "authentication failure"));
    }

    @Test
    void unknownClientAndBadSecretAreRejected() {
        assertThat(this.api.form(TOKEN, "grant_type=password&client_id=x&client_secret=y&username=u&password=p").map())
            .containsEntry("error", "invalid_client_id")
            .containsEntry("error_description", "client identifier invalid");
        assertThat(this.api.form(TOKEN, "grant_type=client_credentials&client_id=" + this.credentials.clientId()
                + "&client_secret=bad").map()).containsEntry("error", "invalid_client");
    }

    @Test
    void grantTypeMissingOrUnsupported() {
        assertThat(this.api.form(TOKEN, "client_id=x").map()).containsEntry("error", "invalid_request")
            .containsEntry("error_description", "grant type is missing");
        assertThat(this.api.form(TOKEN, "grant_type=magic").map()).containsEntry("error", "unsupported_grant_type")
            .containsEntry("error_description", "grant type not supported");
    }

    @Test
    void refreshTokenGrantWorksUntilRevoked() {
        String form = "grant_type=refresh_token&client_id=" + this.credentials.clientId() + "&client_secret="
                + this.credentials.clientSecret() + "&refresh_token=" + this.credentials.refreshToken();
        ApiCalls.Response ok = this.api.form(TOKEN, form);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.map()).containsKey("access_token").doesNotContainKey("refresh_token");
        assertThat(this.api.form("/services/oauth2/revoke", "token=" + this.credentials.refreshToken()).status())
            .isEqualTo(200);
        ApiCalls.Response revoked = this.api.form(TOKEN, form);
        assertThat(revoked.status()).isEqualTo(400);
        assertThat(revoked.map()).containsEntry("error", "invalid_grant")
            .containsEntry("error_description", "expired access/refresh token");
    }

    @Test
    void clientCredentialsAcceptsBasicAuth() {
        String basic = Base64.getEncoder()
            .encodeToString((this.credentials.clientId() + ":" + this.credentials.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        ApiCalls.Response response = this.api.send("POST", TOKEN, "grant_type=client_credentials",
                "application/x-www-form-urlencoded", Map.of("Authorization", "Basic " + basic));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.map()).containsKey("access_token").doesNotContainKey("refresh_token");
    }

    @Test
    void jwtBearerVerifiesSignatureAndClaims() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair trusted = generator.generateKeyPair();
        KeyPair stranger = generator.generateKeyPair();
        this.emulator.control().trustJwtKey(trusted.getPublic());
        long exp = Instant.now().plusSeconds(120).getEpochSecond();
        String good = jwt(trusted.getPrivate(), this.credentials.clientId(), this.credentials.username(),
                "https://login.salesforce.com", exp);
        ApiCalls.Response ok = this.api.form(TOKEN, "grant_type=" + ApiCalls.q(OAuthEndpoint.JWT_BEARER)
                + "&assertion=" + good);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.map().keySet()).containsExactly("access_token", "scope", "instance_url", "id", "token_type");
        String forged = jwt(stranger.getPrivate(), this.credentials.clientId(), this.credentials.username(),
                "https://login.salesforce.com", exp);
        assertThat(this.api.form(TOKEN, "grant_type=" + ApiCalls.q(OAuthEndpoint.JWT_BEARER) + "&assertion=" + forged)
            .map()).containsEntry("error", "invalid_grant").containsEntry("error_description", "invalid assertion");
        String expired = jwt(trusted.getPrivate(), this.credentials.clientId(), this.credentials.username(),
                "https://login.salesforce.com", Instant.now().minusSeconds(60).getEpochSecond());
        assertThat(this.api.form(TOKEN, "grant_type=" + ApiCalls.q(OAuthEndpoint.JWT_BEARER) + "&assertion=" + expired)
            .map()).containsEntry("error", "invalid_grant");
        String wrongAudience = jwt(trusted.getPrivate(), this.credentials.clientId(), this.credentials.username(),
                "https://evil.example.com", exp);
        assertThat(this.api.form(TOKEN, "grant_type=" + ApiCalls.q(OAuthEndpoint.JWT_BEARER) + "&assertion="
                + wrongAudience).map()).containsEntry("error_description", "audience is invalid");
        String wrongIssuer = jwt(trusted.getPrivate(), "someone-else", this.credentials.username(),
                "https://login.salesforce.com", exp);
        assertThat(this.api.form(TOKEN, "grant_type=" + ApiCalls.q(OAuthEndpoint.JWT_BEARER) + "&assertion="
                + wrongIssuer).map()).containsEntry("error", "invalid_client_id");
    }

    static String jwt(PrivateKey key, String iss, String sub, String aud, long exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(ApiCalls.json(Map.of("iss", iss, "sub", sub, "aud", aud, "exp", exp))
            .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signer.sign());
    }

    @Test
    void soapLoginReturnsASessionUsableOnRest() {
        String envelope = """
                <?xml version="1.0" encoding="utf-8" ?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body>
                <n1:login xmlns:n1="urn:partner.soap.sforce.com"><n1:username>%s</n1:username>
                <n1:password>%s</n1:password></n1:login></env:Body></env:Envelope>""";
        ApiCalls.Response ok = this.api.send("POST", "/services/Soap/u/60.0", envelope.formatted(
                this.credentials.username(), this.credentials.password()), "text/xml", Map.of("Authorization", ""));
        assertThat(ok.status()).isEqualTo(200);
        String session = ok.body().replaceAll("(?s).*<sessionId>(.*?)</sessionId>.*", "$1");
        assertThat(ok.body()).contains("<serverUrl>" + this.emulator.url() + "/services/Soap/u/60.0/")
            .contains("<organizationId>" + this.emulator.org().orgId() + "</organizationId>");
        assertThat(this.api.send("GET", ApiCalls.V + "/limits", null, null, Map.of("Authorization", "Bearer "
                + session))
            .status()).isEqualTo(200);
        ApiCalls.Response bad = this.api.send("POST", "/services/Soap/u/60.0", envelope.formatted(
                this.credentials.username(), "wrong"), "text/xml", Map.of("Authorization", ""));
        assertThat(bad.status()).isEqualTo(500);
        assertThat(bad.body()).contains("<faultcode>sf:INVALID_LOGIN</faultcode>");
    }

    @Test
    void identityUrlDescribesTheUser() {
        Map<String, Object> token = this.api.form(TOKEN, passwordForm(this.credentials.password())).map();
        String id = (String) token.get("id");
        ApiCalls.Response identity = this.api.send("GET", id.substring(this.emulator.url().toString().length()), null,
                null, Map.of("Authorization", "Bearer " + token.get("access_token")));
        assertThat(identity.status()).isEqualTo(200);
        assertThat(identity.map()).containsEntry("user_id", this.emulator.org().userId())
            .containsEntry("organization_id", this.emulator.org().orgId())
            .containsEntry("username", this.credentials.username());
        assertThat(this.api.get("/services/oauth2/userinfo").map()).containsEntry("preferred_username",
                this.credentials.username());
    }

    @Test
    void dataCallsNeedAValidBearerToken() {
        ApiCalls.Response missing = this.api.send("GET", ApiCalls.V + "/limits", null, null, Map.of("Authorization",
                ""));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.list()).containsExactly(Map.of("message", "Session expired or invalid", "errorCode",
                "INVALID_SESSION_ID"));
        ApiCalls.Response bogus = this.api.send("GET", ApiCalls.V + "/limits", null, null,
                Map.of("Authorization", "Bearer 00Dbogus!token"));
        assertThat(bogus.status()).isEqualTo(401);
    }

    @Test
    void expiredAndRevokedTokensAreInvalidSessions() {
        String token = this.credentials.accessToken();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        assertThat(this.api.send("GET", ApiCalls.V + "/limits", null, null, auth).status()).isEqualTo(200);
        this.emulator.control().expireAllTokens();
        ApiCalls.Response expired = this.api.send("GET", ApiCalls.V + "/limits", null, null, auth);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.list().get(0)).containsEntry("errorCode", "INVALID_SESSION_ID");
        String fresh = this.credentials.accessToken();
        assertThat(this.api.send("GET", ApiCalls.V + "/limits", null, null, Map.of("Authorization", "Bearer " + fresh))
            .status()).isEqualTo(200);
        this.api.form("/services/oauth2/revoke", "token=" + ApiCalls.q(fresh));
        assertThat(this.api.send("GET", ApiCalls.V + "/limits", null, null, Map.of("Authorization", "Bearer " + fresh))
            .status()).isEqualTo(401);
    }

    @Test
    void tokensExpireAfterTheirTtl() throws InterruptedException {
        this.emulator.control().tokenTtl(java.time.Duration.ofMillis(100));
        String token = this.credentials.accessToken();
        Thread.sleep(150);
        assertThat(this.api.send("GET", ApiCalls.V + "/limits", null, null, Map.of("Authorization", "Bearer " + token))
            .status()).isEqualTo(401);
    }

}
