package io.reemo.console.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private final SecretMasker masker = new SecretMasker();

    @Test
    void masksARegisteredValueWhereverItAppears() {
        masker.register("reemohmac");
        assertThat(masker.mask("HMACSECRET=reemohmac; again reemohmac")).isEqualTo("HMACSECRET=******; again ******");
    }

    @Test
    void masksEachLineOfAMultiLineSecretButNotItsPemBoundaries() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "QyNTUxOQAAACDn3Yx4aW5kZXgtbG9uZy1lbm91Z2gtdG8tYmUtbWFza2VkAAAAAAAAAA==\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";
        masker.register(key);

        String log = "cat id: QyNTUxOQAAACDn3Yx4aW5kZXgtbG9uZy1lbm91Z2gtdG8tYmUtbWFza2VkAAAAAAAAAA==";
        assertThat(masker.mask(log)).isEqualTo("cat id: ******");
        assertThat(masker.mask("-----BEGIN OPENSSH PRIVATE KEY-----")).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void leavesShortValuesAlone() {
        masker.register("abc");
        assertThat(masker.mask("abc def")).isEqualTo("abc def");
    }
}
