package io.reemo.console.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Creates the first user, {@code admin}, on the very first start. Its password comes from
 * {@code CONSOLE_ADMIN_PASSWORD}, or is generated and printed once (the only secret ever logged,
 * because the operator has no other way to learn it) and must be changed at the first sign-in, so the logged one dies.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;
    private final String configuredPassword;
    private final Passwords passwords;

    AdminBootstrap(JdbcUserDetailsManager users, PasswordEncoder encoder, Passwords passwords,
                   @org.springframework.beans.factory.annotation.Value("${CONSOLE_ADMIN_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.userExists(ADMIN)) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        users.createUser(User.withUsername(ADMIN).password(encoder.encode(password)).roles(Roles.ADMIN).build());
        if (generated) {
            passwords.requireChange(ADMIN);
            log.warn("First start: created user 'admin' with generated password {} (shown once, and to be changed at the first"
                    + " sign-in; set CONSOLE_ADMIN_PASSWORD to choose it)", password);
        } else {
            log.info("First start: created user 'admin' with the password from CONSOLE_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
