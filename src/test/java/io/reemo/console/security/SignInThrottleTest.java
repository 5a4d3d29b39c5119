package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * M3 of the security review: 20 wrong passwords in a row lock the user name, many from one address lock the address,
 * on HTTP Basic and on the form alike; the lock is audited and ends by itself (3 s here).
 */
@SpringBootTest(properties = {"CONSOLE_ADMIN_PASSWORD=" + SignInThrottleTest.PASSWORD, "console.data-dir=target/test-data/sign-in-throttle",
        "console.login.lockout=3s", "console.login.address-failures=30"})
@AutoConfigureMockMvc
class SignInThrottleTest {

    static final String PASSWORD = "right-password-1";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient db;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Rows before the test: the data directory outlives a run. */
    private long before;

    @BeforeEach
    void rememberTheAuditSoFar() {
        before = db.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    @Test
    void twentyWrongPasswordsLockTheUserOnBasicAndTheFormUntilTheLockEnds() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/tokens").with(httpBasic("admin", "guess-" + i)).with(from("10.1.1.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/tokens").with(httpBasic("admin", PASSWORD)).with(from("10.1.1.2"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/login").with(csrf()).with(from("10.1.1.3")).param("username", "admin").param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(count("login.failed", "admin")).isGreaterThanOrEqualTo(20);
        assertThat(count("login.locked", "admin")).isEqualTo(1);

        Thread.sleep(3_100);
        mvc.perform(get("/api/v1/tokens").with(httpBasic("admin", PASSWORD)).with(from("10.1.1.2"))).andExpect(status().isOk());
        mvc.perform(post("/login").with(csrf()).with(from("10.1.1.3")).param("username", "admin").param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void manyNamesTriedFromOneAddressLockThatAddressOnly() throws Exception {
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/v1/tokens").with(httpBasic("user" + i, "x")).with(from("10.2.2.2")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/tokens").with(httpBasic("admin", PASSWORD)).with(from("10.2.2.2"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tokens").with(httpBasic("admin", PASSWORD)).with(from("10.2.2.3"))).andExpect(status().isOk());
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'login.locked' AND target = 'address 10.2.2.2'"
                + " AND id > ?").param(before).query(Integer.class).single()).isEqualTo(1);
    }

    private int count(String action, String user) {
        return db.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND username = ? AND id > ?").params(action, user, before)
                .query(Integer.class).single();
    }
}
