package io.reemo.console.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The openssl CLI, run in a test's directory, to make fixtures the way operators make them. */
final class OpenSsl {

    private final Path dir;

    OpenSsl(Path dir) {
        this.dir = dir;
    }

    /** A self-signed RSA CA whose key is PKCS#1 ({@code BEGIN RSA PRIVATE KEY}): {@code name.pem}, {@code name.key}. */
    void rsaAuthority(String name, String commonName, int days) {
        run("genrsa", "-traditional", "-out", name + ".key", "2048");
        run("req", "-x509", "-new", "-key", name + ".key", "-sha256", "-days", String.valueOf(days),
                "-subj", "/CN=" + commonName, "-out", name + ".pem");
    }

    /** A self-signed EC certificate without any subjectAltName. */
    void selfSignedWithoutAlternativeNames(String name, String commonName) {
        ecKey(name);
        run("req", "-x509", "-new", "-key", name + ".key", "-days", "90", "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:FALSE", "-out", name + ".pem");
    }

    /** An intermediate CA with an EC SEC1 key, issued by {@code issuer}. */
    void intermediate(String name, String commonName, String issuer) {
        issue(name, commonName, issuer, "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n", 90);
    }

    /** A TLS server certificate with an EC SEC1 key ({@code BEGIN EC PRIVATE KEY}), issued by {@code issuer}. */
    void server(String name, String commonName, String issuer, String subjectAltName) {
        issue(name, commonName, issuer, "basicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\n"
                + "subjectAltName=" + subjectAltName + "\n", 90);
    }

    private void issue(String name, String commonName, String issuer, String extensions, int days) {
        ecKey(name);
        run("req", "-new", "-key", name + ".key", "-subj", "/CN=" + commonName, "-out", name + ".csr");
        write(name + ".ext", extensions);
        run("x509", "-req", "-in", name + ".csr", "-CA", issuer + ".pem", "-CAkey", issuer + ".key",
                "-set_serial", String.valueOf(System.nanoTime()), "-days", String.valueOf(days),
                "-extfile", name + ".ext", "-out", name + ".pem");
    }

    private void ecKey(String name) {
        run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", name + ".key");
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    void write(String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs openssl; fails the test with its output when it exits non-zero. */
    String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
