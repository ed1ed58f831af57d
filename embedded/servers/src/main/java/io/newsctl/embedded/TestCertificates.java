package io.newsctl.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away TLS material for the embedded servers, made at test time with the running JDK's
 * {@code keytool} (nothing is checked in): a self-signed server certificate for 127.0.0.1/localhost
 * that doubles as the CA clients trust, and a client certificate for mutual TLS that the server
 * trusts. All stores are PKCS12 with one random password; the CA is also written as PEM.
 *
 * @param dir              where the files are
 * @param password         password of every store and key
 * @param serverKeystore   the server's key and certificate
 * @param serverTruststore what the server trusts: the client certificate and its own
 * @param caPem            the server certificate in PEM: the CA file clients are given
 * @param clientTruststore the server certificate as a PKCS12 truststore
 * @param clientKeystore   the client's key and certificate (mutual TLS)
 */
public record TestCertificates(Path dir, String password, Path serverKeystore, Path serverTruststore, Path caPem,
                               Path clientTruststore, Path clientKeystore) {

    /** Creates the files in {@code dir} (about a second: four keytool runs). */
    public static TestCertificates create(Path dir) {
        String password = java.util.UUID.randomUUID().toString().replace("-", "");
        TestCertificates c = new TestCertificates(dir.toAbsolutePath(), password, dir.resolve("server.p12"),
                dir.resolve("server-truststore.p12"), dir.resolve("ca.pem"), dir.resolve("truststore.p12"),
                dir.resolve("client.p12"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        c.keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost, O=newsctl test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-ext", "BC:c=ca:true", "-validity", "30",
                "-keystore", c.serverKeystore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        c.keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", c.serverKeystore.toString(),
                "-storepass", password, "-file", c.caPem.toString());
        c.keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=newsctl-client, O=newsctl test", "-validity", "30",
                "-keystore", c.clientKeystore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        c.writeTruststores();
        return c;
    }

    /** SHA-256 fingerprint of the CA certificate, hex, as Elasticsearch's ca_fingerprint expects. */
    public String caFingerprint() {
        try (var in = Files.newInputStream(caPem)) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Truststores written with the JDK's KeyStore API (keytool -importcert would ask to confirm). */
    private void writeTruststores() {
        try {
            Certificate server = load(serverKeystore).getCertificate("server");
            Certificate client = load(clientKeystore).getCertificate("client");
            store(clientTruststore, List.of(server));
            store(serverTruststore, List.of(server, client));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private void store(Path file, List<Certificate> certificates) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + i++, certificate);
        }
        try (var out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-noprompt");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output.replace(password, "***"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool from " + System.getProperty("java.home"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
