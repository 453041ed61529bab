package com.goodfit.sync.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway self-signed certificate for 127.0.0.1 and localhost, made with the JDK's {@code keytool}, for
 * clients that insist on HTTPS (simple-salesforce builds {@code https://} URLs). The PEM file lets a client trust
 * it.
 */
final class SelfSignedTls {

    private static final String PASSWORD = "emulator";

    private final SSLContext context;

    private final Path certificatePem;

    private SelfSignedTls(SSLContext context, Path certificatePem) {
        this.context = context;
        this.certificatePem = certificatePem;
    }

    static SelfSignedTls generate() {
        try {
            Path dir = Files.createTempDirectory("sf-emulator-tls");
            Path keystore = dir.resolve("emulator.p12");
            Path pem = dir.resolve("emulator-cert.pem");
            // Kept while the emulator runs (clients trust the certificate file); the folder is registered first, as
            // files registered for deletion go in reverse order.
            for (Path path : List.of(dir, keystore, pem)) {
                path.toFile().deleteOnExit();
            }
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", "emulator", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "365", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass",
                    PASSWORD));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", "emulator", "-keystore", keystore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", pem.toString()));
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new SelfSignedTls(context, pem);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the emulator's TLS certificate", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot load the emulator's TLS certificate", ex);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", ex);
        }
    }

    SSLContext context() {
        return this.context;
    }

    Path certificatePem() {
        return this.certificatePem;
    }

}
