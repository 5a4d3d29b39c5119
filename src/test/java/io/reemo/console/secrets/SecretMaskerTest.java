package io.reemo.console.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    @Test
    void masksTheBase64UrlJsonAndShellFormsOfASecret() {
        String password = "pa'ss \"wo\\rd/+";
        masker.register(password);

        String base64 = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        assertThat(masker.mask("auth: " + base64)).doesNotContain(base64.replace("=", "")).startsWith("auth: ******");
        assertThat(masker.mask("dsn=mysql://u:" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@db"))
                .isEqualTo("dsn=mysql://u:******@db");
        assertThat(masker.mask("{\"password\":\"pa'ss \\\"wo\\\\rd/+\"}")).isEqualTo("{\"password\":\"******\"}");
        assertThat(masker.mask("echo 'pa'\\''ss \"wo\\rd/+' | chpasswd")).isEqualTo("echo '******' | chpasswd");
    }

    @Test
    void masksABasicHeaderOfARegisteredLogin() {
        masker.register("registry-user:registry-pass");
        String header = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString("registry-user:registry-pass".getBytes(StandardCharsets.UTF_8));
        assertThat(masker.mask(header)).isEqualTo("Authorization: Basic ******");
    }

    @Test
    void overlappingSecretsBecomeOneMaskSoThatNeitherShows() {
        masker.register("abcd1234");
        masker.register("1234longersecret");
        assertThat(masker.mask("x abcd1234longersecret y")).isEqualTo("x ****** y");
        assertThat(masker.mask("abcd1234 and 1234longersecret")).isEqualTo("****** and ******");
    }

    @Test
    void textWithoutASecretIsReturnedAsItIs() {
        masker.register("reemohmac");
        String line = "nothing secret here: reemo";
        assertThat(masker.mask(line)).isSameAs(line);
        assertThat(masker.mask("")).isEmpty();
        assertThat(masker.mask(null)).isNull();
    }
}
