package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Users page as an administrator sees and uses it, and as nobody else may. */
class UsersPageTest extends ConsoleApiTest {

    @Autowired
    private JdbcUserDetailsManager users;
    @Autowired
    private PasswordEncoder encoder;

    /** A form of the page sent as htmx sends it: the answer is the list with its forms. */
    private ResultActions send(RequestPostProcessor caller, String path, String... params) throws Exception {
        var request = post(path).with(caller).with(csrf()).header("HX-Request", "true");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private int stored(String username) {
        return db.sql("SELECT COUNT(*) FROM users WHERE username = ?").param(username).query(Integer.class).single();
    }

    @Test
    void anAdminMakesAUserWhoIsListedAndMustChooseTheirOwnPassword() throws Exception {
        send(admin(), "/users", "username", "pat", "role", "OPERATOR", "password", "handed-over-phrase")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"users-done\"")))
                .andExpect(content().string(containsString("id=\"user-pat\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/users").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"user-name\">pat</td>")))
                .andExpect(content().string(containsString("must change it at next sign-in")));
        mvc.perform(get("/api/v1/environments").with(httpBasic("pat", "handed-over-phrase")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("Change the password the console made up first")));
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'user.create' AND target = 'user pat'")
                .query(String.class).single()).isEqualTo("role OPERATOR, password to change at first sign-in");
    }

    @Test
    void aRefusedUserIsExplainedByTheFormAndNotStored() throws Exception {
        send(admin(), "/users", "username", "quentin", "role", "VIEWER", "password", "short")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-user-refusal\"")))
                .andExpect(content().string(containsString("password: use 12 to 128 characters")))
                .andExpect(content().string(containsString("value=\"quentin\"")));
        assertThat(stored("quentin")).isZero();

        send(admin(), "/users", "username", "viewer", "role", "VIEWER", "password", "another-long-phrase")
                .andExpect(content().string(containsString("username: a user named viewer exists already.")));
    }

    @Test
    void aRoleChangeAndADisableShowInTheListAndTakeEffect() throws Exception {
        users.createUser(User.withUsername("rita").password(encoder.encode("rita-own-phrase")).roles(Roles.VIEWER).build());
        RequestPostProcessor rita = httpBasic("rita", "rita-own-phrase");
        mvc.perform(get("/users").with(rita)).andExpect(status().isForbidden());

        send(admin(), "/users/rita", "role", "ADMIN")
                .andExpect(content().string(containsString("rita is ADMIN now.")))
                .andExpect(content().string(containsString("<td class=\"user-role\">ADMIN</td>")));
        mvc.perform(get("/users").with(rita)).andExpect(status().isOk());

        send(admin(), "/users/rita", "enabled", "false")
                .andExpect(content().string(containsString("<td class=\"user-enabled\">disabled</td>")));
        mvc.perform(get("/users").with(rita)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/environments").with(rita)).andExpect(status().isUnauthorized());

        send(admin(), "/users/rita", "enabled", "true").andExpect(content().string(containsString("rita is enabled.")));
        send(admin(), "/users/rita", "password", "rita").andExpect(content().string(containsString("id=\"refusal-rita\"")))
                .andExpect(content().string(containsString("password: use 12 to 128 characters")));
        mvc.perform(get("/api/v1/environments").with(rita)).andExpect(status().isOk());
        send(admin(), "/users/rita", "password", "reset-by-an-admin")
                .andExpect(content().string(containsString("rita&#39;s password was reset")));
        mvc.perform(get("/api/v1/environments").with(httpBasic("rita", "reset-by-an-admin"))).andExpect(status().isForbidden());
    }

    @Test
    void aDirectoryUserIsListedWithOnlyTheEnableSwitch() throws Exception {
        users.createUser(User.withUsername("dora").password(encoder.encode("unknowable-phrase")).roles(Roles.OPERATOR).build());
        db.sql("UPDATE users SET source = 'directory' WHERE username = 'dora'").update();
        mvc.perform(get("/users").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"directory-link\"")))
                .andExpect(content().string(containsString("the directory&#39;s; role from its groups")));
        String page = mvc.perform(get("/users").with(admin())).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("id=\"user-dora\""), page.indexOf("</tr>", page.indexOf("id=\"user-dora\"")));
        assertThat(row).contains("class=\"toggle-enabled").doesNotContain("class=\"change-role\"").doesNotContain("reset-password");
        send(admin(), "/users/dora", "password", "reset-by-an-admin")
                .andExpect(content().string(containsString("password: dora signs in against the directory")));
    }

    @Test
    void anAdminDoesNotChangeThemselvesHere() throws Exception {
        mvc.perform(get("/users").with(admin()))
                .andExpect(content().string(containsString("You: another administrator changes your role")));
        send(admin(), "/users/admin", "enabled", "false")
                .andExpect(content().string(containsString("id=\"refusal-admin\"")))
                .andExpect(content().string(containsString("you do not change your own role, enabled or password here")));
        assertThat(db.sql("SELECT enabled FROM users WHERE username = 'admin'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void nonAdminsNeitherSeeNorUseThePage() throws Exception {
        for (RequestPostProcessor user : List.of(viewer(), operator())) {
            mvc.perform(get("/users").with(user)).andExpect(status().isForbidden());
            send(user, "/users", "username", "sneaky", "role", "ADMIN", "password", "sneaky-long-phrase")
                    .andExpect(status().isForbidden());
            send(user, "/users/viewer", "role", "ADMIN").andExpect(status().isForbidden());
            mvc.perform(get("/jobs").with(user)).andExpect(content().string(not(containsString("id=\"nav-users\""))));
        }
        assertThat(stored("sneaky")).isZero();
        assertThat(db.sql("SELECT authority FROM authorities WHERE username = 'viewer'").query(String.class).single())
                .isEqualTo("ROLE_VIEWER");
        mvc.perform(get("/jobs").with(admin())).andExpect(content().string(containsString("id=\"nav-users\"")));
    }
}
