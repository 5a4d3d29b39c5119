package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.ResultActions;

/** M3 of the security review: a password the console made up must be changed first; every user changes their own. */
class PasswordChangeTest extends ConsoleApiTest {

    private static final String MADE_UP = "made-up-by-the-console";

    @Autowired
    private JdbcUserDetailsManager users;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private Passwords passwords;

    @Test
    void aMadeUpPasswordLeadsEverywhereToThePasswordPageUntilChanged() throws Exception {
        users.createUser(User.withUsername("fresh").password(encoder.encode(MADE_UP)).roles(Roles.ADMIN).build());
        passwords.requireChange("fresh");

        mvc.perform(get("/").with(httpBasic("fresh", MADE_UP))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/environments").with(httpBasic("fresh", MADE_UP)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("Change the password the console made up first")));
        mvc.perform(get("/account/password").with(httpBasic("fresh", MADE_UP)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"password-change-required\"")));

        change("fresh", MADE_UP, "wrong-current", "a-long-new-passphrase", "a-long-new-passphrase")
                .andExpect(content().string(containsString("currentPassword: this is not your current password.")));
        change("fresh", MADE_UP, MADE_UP, "short", "short")
                .andExpect(content().string(containsString("password: use 12 to 128 characters")));
        change("fresh", MADE_UP, MADE_UP, "fresh-and-long-enough", "fresh-and-long-enough")
                .andExpect(content().string(containsString("password: must not contain the user name.")));
        change("fresh", MADE_UP, MADE_UP, "a-long-new-passphrase", "a-long-other-passphrase")
                .andExpect(content().string(containsString("repeatPassword: type the new password twice")));
        mvc.perform(get("/").with(httpBasic("fresh", MADE_UP))).andExpect(redirectedUrl("/account/password"));

        change("fresh", MADE_UP, MADE_UP, "a-long-new-passphrase", "a-long-new-passphrase")
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/").with(httpBasic("fresh", MADE_UP))).andExpect(status().isUnauthorized());
        mvc.perform(get("/").with(httpBasic("fresh", "a-long-new-passphrase"))).andExpect(status().isOk());
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'password.change' AND username = 'fresh'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aViewerChangesTheirOwnPassword() throws Exception {
        users.createUser(User.withUsername("reader").password(encoder.encode("reader-password-1")).roles(Roles.VIEWER).build());
        mvc.perform(get("/").with(httpBasic("reader", "reader-password-1"))).andExpect(status().isOk());
        change("reader", "reader-password-1", "reader-password-1", "quite-another-secret", "quite-another-secret")
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/").with(httpBasic("reader", "quite-another-secret"))).andExpect(status().isOk());
    }

    private ResultActions change(String user, String signIn, String current, String chosen, String repeated) throws Exception {
        return mvc.perform(post("/account/password").with(httpBasic(user, signIn)).with(csrf())
                .param("currentPassword", current).param("password", chosen).param("repeatPassword", repeated));
    }
}
