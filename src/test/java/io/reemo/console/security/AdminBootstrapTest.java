package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.util.FileSystemUtils;
import io.reemo.console.ConsoleApplication;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private static final String DATA = "target/test-data/admin-bootstrap";

    @Test
    void generatesAnAdminPasswordOnceAndItWorks(CapturedOutput output) {
        FileSystemUtils.deleteRecursively(new java.io.File(DATA));
        String password;
        try (ConfigurableApplicationContext ctx = start()) {
            Matcher m = Pattern.compile("generated password (\\S+)").matcher(output.getOut());
            assertThat(m.find()).as("the generated password is printed").isTrue();
            password = m.group(1);
            assertThat(canLogin(ctx, password)).isTrue();
            assertThat(canLogin(ctx, "guess")).isFalse();
            assertThat(ctx.getBean(Passwords.class).changeRequired("admin")).as("the logged password must be changed first").isTrue();
        }
        int printedBefore = count(output.getOut(), "generated password");
        try (ConfigurableApplicationContext ctx = start()) {
            assertThat(count(output.getOut(), "generated password")).as("printed on the first start only").isEqualTo(printedBefore);
            assertThat(canLogin(ctx, password)).isTrue();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .run("--console.data-dir=" + DATA, "--server.port=0", "--CONSOLE_ADMIN_PASSWORD=");
    }

    private static boolean canLogin(ConfigurableApplicationContext ctx, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(ctx.getBean(JdbcUserDetailsManager.class));
        provider.setPasswordEncoder(ctx.getBean(PasswordEncoder.class));
        try {
            return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", password)).isAuthenticated();
        } catch (org.springframework.security.core.AuthenticationException e) {
            return false;
        }
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
