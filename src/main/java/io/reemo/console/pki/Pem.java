package io.reemo.console.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM text in and out. Reads certificates and unencrypted private keys (PKCS#8, PKCS#1 RSA, SEC1 EC); text
 * around the blocks (comments, openssl's "Bag Attributes") is ignored. Writes certificates and PKCS#8 keys.
 */
public final class Pem {

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(?:(?!-----BEGIN ).)*?-----END \\1-----", Pattern.DOTALL);
    /** The private key blocks read, as an error message names them. */
    static final String PLAIN_KEY_FORMATS =
            "'BEGIN PRIVATE KEY' (PKCS#8), 'BEGIN RSA PRIVATE KEY' or 'BEGIN EC PRIVATE KEY'";

    private Pem() {
    }

    public static PemBundle read(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        String pem = text == null ? "" : text;
        Matcher block = BLOCK.matcher(pem);
        int blockNumber = 0;
        int searchFrom = 0;
        Matcher begin = BEGIN.matcher(pem);
        while (begin.find(searchFrom)) {
            blockNumber++;
            String where = "PEM block " + blockNumber + " (" + begin.group(1) + ", line " + lineOf(pem, begin.start()) + ")";
            if (!block.find(begin.start()) || block.start() != begin.start()) {
                problems.add(Finding.error(where + " has no matching '-----END " + begin.group(1)
                        + "-----' line: the file looks cut short; upload it again in full."));
                searchFrom = begin.end();
                continue;
            }
            searchFrom = block.end();
            readBlock(block.group(), begin.group(1), where, certificates, keys, problems);
        }
        if (blockNumber == 0 && !pem.isBlank()) {
            problems.add(Finding.error("No PEM block found: expected text such as '-----BEGIN CERTIFICATE-----'. "
                    + "If the file is binary (DER, .p12/.pfx), convert it to PEM with openssl first."));
        }
        return new PemBundle(certificates, keys, problems);
    }

    private static void readBlock(String blockText, String type, String where, List<X509Certificate> certificates,
                                  List<PrivateKey> keys, List<Finding> problems) {
        if (type.equals("OPENSSH PRIVATE KEY")) {
            problems.add(Finding.error(where + " is an OpenSSH key, which TLS cannot use: upload the key in PEM, "
                    + PLAIN_KEY_FORMATS + "."));
            return;
        }
        try (PEMParser parser = new PEMParser(new StringReader(blockText))) {
            Object object = parser.readObject();
            if (object instanceof X509CertificateHolder holder) {
                certificates.add(certificate(holder));
            } else if (object instanceof X509TrustedCertificateBlock trusted) {
                certificates.add(certificate(trusted.getCertificateHolder()));
            } else if (object instanceof PEMKeyPair pair) {
                keys.add(new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo()));
            } else if (object instanceof PrivateKeyInfo info) {
                keys.add(new JcaPEMKeyConverter().getPrivateKey(info));
            } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                problems.add(Finding.error(where + " is an encrypted private key: upload it without a passphrase "
                        + "(openssl pkey -in key.pem -out plain-key.pem), as " + PLAIN_KEY_FORMATS + "."));
            } else if (!(object instanceof ASN1ObjectIdentifier)) {
                // ASN1ObjectIdentifier is openssl's "EC PARAMETERS" block before a SEC1 key: nothing to keep.
                problems.add(Finding.warning(where + " is neither a certificate nor a private key; it was ignored."));
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            problems.add(Finding.error(where + " could not be read (" + e.getMessage()
                    + "): upload the file as it was issued, without edits inside the block."));
        }
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws CertificateException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public static String encode(X509Certificate certificate) {
        return write(certificate);
    }

    /** A bundle, in the order given (server certificate first, then its issuers). */
    public static String encode(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        certificates.forEach(c -> out.append(write(c)));
        return out.toString();
    }

    /** PKCS#8, unencrypted: {@code -----BEGIN PRIVATE KEY-----}. */
    public static String encode(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
