package com.goodfit.sync.emulator;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TlsTests {

    @Test
    void servesHttpsWithATrustableCertificate() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorOptions.defaults().withTls())) {
            assertThat(emulator.url().getScheme()).isEqualTo("https");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(emulator.certificatePem())) {
                trust.setCertificateEntry("emulator", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(context).build();
            HttpResponse<String> response = client.send(HttpRequest
                .newBuilder(URI.create(emulator.url() + "/services/data/v60.0/limits"))
                .header("Authorization", "Bearer " + emulator.credentials().accessToken())
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("DailyApiRequests");
        }
    }

}
