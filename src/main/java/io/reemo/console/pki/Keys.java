package io.reemo.console.pki;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECKey;

/**
 * Key families and their signature algorithms. Names vary with the provider: once sshj has registered
 * BouncyCastle, EC keys read from PEM call themselves "ECDSA" instead of "EC", and Ed25519 keys are "EdDSA"
 * in the JDK but "Ed25519" in BouncyCastle.
 */
final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** "RSA", "EC", "EdDSA", or the key's own algorithm name when it is none of those. */
    static String family(Key key) {
        String algorithm = key.getAlgorithm();
        return switch (algorithm) {
            case "EC", "ECDSA" -> "EC";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> algorithm;
        };
    }

    static boolean supported(Key key) {
        return switch (family(key)) {
            case "RSA", "EC", "EdDSA" -> true;
            default -> false;
        };
    }

    static String signatureAlgorithm(Key key) {
        return switch (family(key)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> key instanceof EdECKey edwards ? edwards.getParams().getName() : key.getAlgorithm();
            default -> throw new IllegalArgumentException(
                    "Keys of type " + key.getAlgorithm() + " are not supported: use an RSA, EC or Ed25519 key.");
        };
    }

    /** Whether the private key is the one of this public key: a signature over random bytes must verify. */
    static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
        if (!family(privateKey).equals(family(publicKey))) {
            return false;
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            String algorithm = signatureAlgorithm(privateKey);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
