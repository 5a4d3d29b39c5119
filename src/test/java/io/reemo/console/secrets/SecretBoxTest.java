package io.reemo.console.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path dataDir;
    private final SecretMasker masker = new SecretMasker();

    private SecretBox box() {
        return new SecretBox(dataDir, masker);
    }

    @Test
    void encryptsToVersionKeyIdAndDataAndDecryptsBack() {
        SecretBox box = box();
        String stored = box.encrypt("registry-password");
        assertThat(stored).startsWith("v1:" + box.currentKeyId() + ":").doesNotContain("registry-password");
        assertThat(SecretBox.isEncrypted(stored)).isTrue();
        assertThat(box.decrypt(stored)).isEqualTo("registry-password");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        SecretBox box = box();
        assertThat(box.encrypt("same")).isNotEqualTo(box.encrypt("same"));
    }

    @Test
    void theMasterKeyFileIsCreatedOnFirstStartReadableByItsOwnerOnly() throws Exception {
        box();
        Path key = dataDir.resolve("master.key");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void aRestartReadsTheSameKey() {
        String stored = box().encrypt("hmac secret");
        assertThat(box().decrypt(stored)).isEqualTo("hmac secret");
    }

    @Test
    void afterARotationNewValuesUseTheNewKeyAndOldValuesStillDecrypt() {
        SecretBox box = box();
        String old = box.encrypt("before rotation");
        String oldKey = box.currentKeyId();
        String newKey = box.rotateKey();
        String fresh = box.encrypt("after rotation");

        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(fresh).startsWith("v1:" + newKey + ":");
        SecretBox restarted = box();
        assertThat(restarted.decrypt(old)).isEqualTo("before rotation");
        assertThat(restarted.decrypt(fresh)).isEqualTo("after rotation");
        assertThat(restarted.currentKeyId()).isEqualTo(newKey);
    }

    @Test
    void aChangedCiphertextIsRefused() {
        SecretBox box = box();
        String stored = box.encrypt("do not touch");
        int dataStart = stored.lastIndexOf(':') + 1;
        byte[] data = Base64.getDecoder().decode(stored.substring(dataStart));
        data[data.length - 1] ^= 1;
        String tampered = stored.substring(0, dataStart) + Base64.getEncoder().encodeToString(data);

        assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("damaged or was changed");
    }

    @Test
    void aValueOfAnotherKeyringNamesTheMissingKey() {
        String stored = box().encrypt("elsewhere");
        SecretBox other = new SecretBox(dataDir.resolve("other"), masker);

        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining(stored.split(":")[1]).hasMessageContaining("master.key");
    }

    @Test
    void everyDecryptedValueIsMasked() {
        SecretBox writer = box();
        String stored = writer.encrypt("smtp-password-42");
        SecretMasker freshMasker = new SecretMasker();
        new SecretBox(dataDir, freshMasker).decrypt(stored);

        assertThat(freshMasker.mask("login with smtp-password-42 failed")).isEqualTo("login with ****** failed");
    }

    @Test
    void aKeyFileOthersCanReadIsNarrowedToItsOwner() throws Exception {
        box();
        Path key = dataDir.resolve("master.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        box();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileStopsTheStartWithTheLine() throws Exception {
        box();
        Files.writeString(dataDir.resolve("master.key"), "# comment\nk1 not-base64!\n");

        assertThatThrownBy(this::box).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
    }
}
