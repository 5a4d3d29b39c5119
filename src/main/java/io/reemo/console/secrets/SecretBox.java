package io.reemo.console.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest for every secret the console stores: AES-256-GCM with a random 96-bit IV.
 * A stored value reads {@code v1:<keyId>:<base64(iv + ciphertext + tag)>}; the key id names the key
 * of the keyring ({@code ${console.data-dir}/master.key}) that encrypted it, so the newest key
 * encrypts and older keys still decrypt after a rotation.
 * Every value this box decrypts is registered with the {@link SecretMasker}.
 */
@Component
public class SecretBox {

    static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Keyring keyring;
    private final SecretMasker masker;
    private final SecureRandom random = new SecureRandom();

    SecretBox(@Value("${console.data-dir}") Path dataDir, SecretMasker masker) {
        this.keyring = Keyring.openOrCreate(dataDir.resolve("master.key"));
        this.masker = masker;
    }

    /** Whether a stored value is a ciphertext of this box (and not a plain value). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String plain) {
        masker.register(plain);
        Keyring.Key key = keyring.newest();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header(key.id()).getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return header(key.id()) + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new SecretUnavailableException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @throws SecretUnavailableException when the value is not a ciphertext of this box, names a key the keyring
     *                                    does not hold, or was tampered with
     */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new SecretUnavailableException("a stored secret is not in the v1:<keyId>:<data> form");
        }
        int idEnd = stored.indexOf(':', PREFIX.length());
        if (idEnd < 0) {
            throw new SecretUnavailableException("a stored secret has no key id");
        }
        String keyId = stored.substring(PREFIX.length(), idEnd);
        Keyring.Key key = keyring.find(keyId).orElseThrow(() -> new SecretUnavailableException(
                "a stored secret was encrypted with key '" + keyId + "', which " + keyring.path()
                        + " does not hold; restore the keyring file that belongs to this database"));
        try {
            byte[] data = Base64.getDecoder().decode(stored.substring(idEnd + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(header(keyId).getBytes(StandardCharsets.US_ASCII));
            String plain = new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
            masker.register(plain);
            return plain;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretUnavailableException("a stored secret encrypted with key '" + keyId
                    + "' cannot be decrypted: it is damaged or was changed outside the console");
        }
    }

    /** Adds a new key to the keyring; new values are encrypted with it, older values keep decrypting. */
    public String rotateKey() {
        return keyring.addKey().id();
    }

    /** The id of the key that encrypts new values. */
    public String currentKeyId() {
        return keyring.newest().id();
    }

    private static String header(String keyId) {
        return PREFIX + keyId;
    }
}
