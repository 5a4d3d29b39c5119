package io.reemo.console.system;

import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import io.reemo.console.pki.Pem;
import io.reemo.console.pki.PemBundle;
import io.reemo.console.secrets.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A certificate chain and its key that the console answers HTTPS with, kept in {@code <data-dir>/tls/} with the key
 * sealed with the master key, so that it is never on disk in clear. Either the console's own, made at first start for
 * this machine's names and addresses and made again once it comes within {@link #RENEW_BEFORE} of its end; or the one an
 * administrator uploaded ({@link #storeAsUploaded}), which is served instead while it is there.
 */
final class ConsoleCertificate {

    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    static final String CHAIN_FILE = "console-chain.pem";
    static final String KEY_FILE = "console-key.sealed";
    /** Chain and key in one sealed file, so that a new upload replaces both at once. */
    static final String UPLOADED_FILE = "uploaded.sealed";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final boolean made;

    private ConsoleCertificate(List<X509Certificate> chain, PrivateKey key, boolean made) {
        this.chain = List.copyOf(chain);
        this.key = key;
        this.made = made;
    }

    /** An uploaded chain (the certificate first) and its key, checked by {@link CertificateUpload}. */
    static ConsoleCertificate of(List<X509Certificate> chain, PrivateKey key) {
        return new ConsoleCertificate(chain, key, false);
    }

    /** The console's own one kept in {@code directory}, or a new one when there is none or it ends within {@link #RENEW_BEFORE}. */
    static ConsoleCertificate loadOrMake(Path directory, SecretBox box, Clock clock) {
        Path chainFile = directory.resolve(CHAIN_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        try {
            if (Files.isRegularFile(chainFile) && Files.isRegularFile(keyFile)) {
                List<X509Certificate> chain = Pem.read(Files.readString(chainFile)).certificates();
                if (!chain.isEmpty() && chain.get(0).getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE))) {
                    PemBundle key = Pem.read(box.decrypt(Files.readString(keyFile)));
                    return new ConsoleCertificate(chain, key.privateKeys().get(0), false);
                }
            }
            return make(directory, box);
        } catch (IOException e) {
            throw new UncheckedIOException("The console's HTTPS certificate in " + directory + " could not be read or written: "
                    + "make the data directory writable, or set console.http.plain=true to serve plain HTTP", e);
        }
    }

    private static ConsoleCertificate make(Path directory, SecretBox box) throws IOException {
        String host = hostName();
        // The CA signs this one certificate and is forgotten: its key is never stored.
        CertificateAuthority authority = CertificateAuthority.generate("Reemo Infra Console on " + host);
        List<String> dnsNames = host.equals("localhost") ? List.of("localhost") : List.of("localhost", host);
        IssuedCertificate issued = authority.issue(host, dnsNames, addresses());
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(CHAIN_FILE), issued.chainPem());
        Path keyFile = directory.resolve(KEY_FILE);
        Files.writeString(keyFile, box.encrypt(issued.privateKeyPem()));
        Files.setPosixFilePermissions(keyFile, OWNER_ONLY);
        return new ConsoleCertificate(List.of(issued.certificate(), issued.issuer()), issued.privateKey(), true);
    }

    /** The uploaded one kept in {@code directory}, if there is one. */
    static Optional<ConsoleCertificate> loadUploaded(Path directory, SecretBox box) throws IOException {
        Path file = directory.resolve(UPLOADED_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        PemBundle pem = Pem.read(box.decrypt(Files.readString(file)));
        if (pem.certificates().isEmpty() || pem.privateKeys().size() != 1) {
            throw new IOException(file + " holds no certificate with its key");
        }
        return Optional.of(new ConsoleCertificate(pem.certificates(), pem.privateKeys().get(0), false));
    }

    /** Keeps this one as the uploaded certificate of {@code directory}, replacing any earlier upload in one move. */
    void storeAsUploaded(Path directory, SecretBox box) throws IOException {
        Files.createDirectories(directory);
        Path next = Files.createTempFile(directory, "uploaded", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(next, box.encrypt(Pem.encode(chain) + Pem.encode(key)));
            Files.move(next, directory.resolve(UPLOADED_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(next);
        }
    }

    static void forgetUploaded(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(UPLOADED_FILE));
    }

    /** Whether it was made by this start (rather than kept from an earlier one). */
    boolean made() {
        return made;
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    List<X509Certificate> chain() {
        return chain;
    }

    String fingerprint() {
        return fingerprint(certificate());
    }

    /** SHA-256 of a certificate, as browsers show it: upper-case hex pairs joined by colons. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An in-memory PKCS#12 store holding the key and its chain under {@code alias}. */
    KeyStore keyStore(String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The console's certificate could not be put in a key store", e);
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            return name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*") ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Loopback and every address of this machine's interfaces that are up, so that any of them can be typed. */
    private static List<String> addresses() {
        List<String> addresses = new ArrayList<>(List.of("127.0.0.1", "::1"));
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                nic.inetAddresses().filter(a -> !(a instanceof Inet6Address six && six.isLinkLocalAddress()))
                        .map(InetAddress::getHostAddress).map(a -> a.replaceFirst("%.*$", ""))
                        .filter(a -> !addresses.contains(a)).forEach(addresses::add);
            }
        } catch (SocketException e) {
            // loopback only: the certificate still serves https://localhost
        }
        return addresses;
    }
}
