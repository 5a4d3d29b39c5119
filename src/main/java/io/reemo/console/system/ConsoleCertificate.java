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

/**
 * The certificate the console answers HTTPS with when the operator configures none: made at first start for this
 * machine's names and addresses, kept in {@code <data-dir>/tls/} (the chain in PEM, the key sealed with the master
 * key, so that it is never on disk in clear), and made again once it comes within {@link #RENEW_BEFORE} of its end.
 */
final class ConsoleCertificate {

    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    static final String CHAIN_FILE = "console-chain.pem";
    static final String KEY_FILE = "console-key.sealed";

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final boolean made;

    private ConsoleCertificate(List<X509Certificate> chain, PrivateKey key, boolean made) {
        this.chain = List.copyOf(chain);
        this.key = key;
        this.made = made;
    }

    /** The one kept in {@code directory}, or a new one when there is none or it ends within {@link #RENEW_BEFORE}. */
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
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        return new ConsoleCertificate(List.of(issued.certificate(), issued.issuer()), issued.privateKey(), true);
    }

    /** Whether it was made by this start (rather than kept from an earlier one). */
    boolean made() {
        return made;
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** SHA-256 of the certificate, as browsers show it: upper-case hex pairs joined by colons. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
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
