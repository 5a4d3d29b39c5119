package io.reemo.console.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole console on a fresh data directory (real H2, Flyway, encryption), driven through MockMvc as user
 * {@code admin}, {@code operator} or {@code viewer}. Subclasses share one application context.
 */
@SpringBootTest(properties = "CONSOLE_ADMIN_PASSWORD=" + ConsoleApiTest.ADMIN_PASSWORD)
@AutoConfigureMockMvc
public abstract class ConsoleApiTest {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String VIEWER_PASSWORD = "viewer-test-password";
    public static final String OPERATOR_PASSWORD = "operator-test-password";
    private static final Path DATA_DIR = temporaryDirectory();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient db;
    @Autowired
    private JdbcUserDetailsManager users;
    @Autowired
    private PasswordEncoder encoder;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("console.data-dir", DATA_DIR::toString);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("reemo-console-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    @BeforeEach
    void viewerAndOperatorExist() {
        if (!users.userExists("viewer")) {
            users.createUser(User.withUsername("viewer").password(encoder.encode(VIEWER_PASSWORD)).roles("VIEWER").build());
        }
        if (!users.userExists("operator")) {
            users.createUser(User.withUsername("operator").password(encoder.encode(OPERATOR_PASSWORD)).roles("OPERATOR").build());
        }
    }

    /** Every test starts with no environment: servers and crons are unique across environments. */
    @AfterEach
    void forgetEnvironments() {
        db.sql("DELETE FROM environment").update();
    }

    protected static RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }

    protected static RequestPostProcessor operator() {
        return httpBasic("operator", OPERATOR_PASSWORD);
    }

    protected static RequestPostProcessor viewer() {
        return httpBasic("viewer", VIEWER_PASSWORD);
    }
}
