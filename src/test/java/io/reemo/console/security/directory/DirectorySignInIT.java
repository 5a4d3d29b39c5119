package io.reemo.console.security.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import io.reemo.console.support.TestBed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in against the bed's real OpenLDAP (docker/testbed/README.md): ada is in console-admins, otto in
 * console-operators, vera in console-viewers, nora in no console group, and dave is locked by the directory's password
 * policy. Each signs in over HTTP Basic or the form, as a script or a person would.
 */
class DirectorySignInIT extends ConsoleApiTest {

    private static final String PEOPLE_ROUTE = "/api/v1/users";
    /** An operator's route: for an environment that does not exist, an operator hears 404 and a viewer 403. */
    private static final String OPERATORS_ROUTE = "/api/v1/environments/999/plan";

    private final TestBed.LdapDirectory bed = TestBed.get().directory();
    private final JsonMapper json = JsonMapper.builder().build();

    private Map<String, Object> settings(String url) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", true);
        settings.put("url", url);
        settings.put("baseDn", bed.baseDn());
        settings.put("userSearchBase", "ou=people");
        settings.put("userSearchFilter", "(uid={0})");
        settings.put("bindDn", bed.bindDn());
        settings.put("bindPassword", bed.bindPassword());
        settings.put("groupSearchBase", "ou=groups");
        settings.put("groupSearchFilter", "(member={0})");
        settings.put("adminGroup", "console-admins");
        settings.put("operatorGroup", "Console-Operators");
        settings.put("viewerGroup", "console-viewers");
        return settings;
    }

    private ResultActions putSettings(Map<String, Object> settings) throws Exception {
        return mvc.perform(put("/api/v1/directory").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(settings)));
    }

    @BeforeEach
    void directoryOn() throws Exception {
        putSettings(settings(bed.url())).andExpect(status().isOk());
    }

    @AfterEach
    void directoryOff() throws Exception {
        Map<String, Object> off = settings(bed.url());
        off.put("enabled", false);
        putSettings(off).andExpect(status().isOk());
    }

    private String lastFailure(String username) {
        return db.sql("SELECT detail FROM audit_event WHERE action = 'login.failed' AND username = ? ORDER BY id DESC LIMIT 1")
                .param(username).query(String.class).optional().orElse("no failed sign-in recorded");
    }

    @Test
    void eachDirectoryUserSignsInWithTheRoleOfTheirGroups() throws Exception {
        mvc.perform(get(PEOPLE_ROUTE).with(httpBasic("ada", "ada-directory-1"))).andExpect(status().isOk());
        mvc.perform(get(PEOPLE_ROUTE).with(httpBasic("otto", "otto-directory-1"))).andExpect(status().isForbidden());
        mvc.perform(get(OPERATORS_ROUTE).with(httpBasic("otto", "otto-directory-1"))).andExpect(status().isNotFound());
        mvc.perform(get(OPERATORS_ROUTE).with(httpBasic("vera", "vera-directory-1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/environments").with(httpBasic("vera", "vera-directory-1"))).andExpect(status().isOk());
        // the directory compares names without case, and so does the console: one user, however it is typed
        mvc.perform(get(OPERATORS_ROUTE).with(httpBasic("OTTO", "otto-directory-1"))).andExpect(status().isNotFound());

        JsonNode people = json.readTree(mvc.perform(get(PEOPLE_ROUTE).with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Map<String, String> listed = new TreeMap<>();
        people.forEach(user -> listed.put(user.get("username").asString(), user.get("role").asString() + " " + user.get("source").asString()));
        assertThat(listed).containsEntry("ada", "ADMIN directory").containsEntry("otto", "OPERATOR directory")
                .containsEntry("vera", "VIEWER directory").containsEntry("admin", "ADMIN local")
                .doesNotContainKeys("OTTO", "nora", "dave");
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'user.create' AND target = 'user otto'")
                .query(String.class).single()).isEqualTo("from the directory, role OPERATOR by its groups");
    }

    @Test
    void aWrongPasswordALockedAccountAndAUserWithoutAConsoleGroupAreRefusedAndAudited() throws Exception {
        mvc.perform(get("/api/v1/environments").with(httpBasic("ada", "not-ada's-password"))).andExpect(status().isUnauthorized());
        // dave's password is right, but the directory's password policy locks his account
        mvc.perform(get("/api/v1/environments").with(httpBasic("dave", "dave-directory-1"))).andExpect(status().isUnauthorized());
        assertThat(db.sql("SELECT COUNT(*) FROM users WHERE username = 'dave'").query(Integer.class).single()).isZero();
        mvc.perform(get("/api/v1/environments").with(httpBasic("nora", "nora-directory-1"))).andExpect(status().isUnauthorized());
        assertThat(lastFailure("nora")).isEqualTo("nora is in none of the directory groups the console gives a role to (staff).");
        mvc.perform(get("/api/v1/environments").with(httpBasic("nobody", "nobody-directory-1"))).andExpect(status().isUnauthorized());

        // on the form, a user without a role is told why; a locked one reads as a wrong password
        mvc.perform(formLogin().user("nora").password("nora-directory-1")).andExpect(redirectedUrl("/login?norole"));
        mvc.perform(formLogin().user("dave").password("dave-directory-1")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("vera").password("vera-directory-1")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/login").param("norole", "")).andExpect(content().string(containsString("none of your directory groups")));
    }

    @Test
    void aDirectoryUsersTokenHoldsTheRoleTheirGroupsGiveNowAndNoneOnceTheyGiveNone() throws Exception {
        String token = json.readTree(mvc.perform(post("/api/v1/tokens").with(httpBasic("otto", "otto-directory-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"ci\", \"expiresInDays\": 1}"))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString()).get("token").asString();
        mvc.perform(get(OPERATORS_ROUTE).header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());

        // otto's group makes viewers now: his token is a viewer's at once, though he has not signed in since
        Map<String, Object> changed = settings(bed.url());
        changed.put("operatorGroup", "nobody-is-in-this-group");
        changed.put("viewerGroup", "Console-Operators");
        putSettings(changed).andExpect(status().isOk());
        mvc.perform(get(OPERATORS_ROUTE).header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/environments").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // and no console role at all: the token no longer signs anyone in
        changed.put("viewerGroup", "console-viewers");
        putSettings(changed).andExpect(status().isOk());
        mvc.perform(get("/api/v1/environments").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorDisablesADirectoryUserHereButNeitherSetsTheirRoleNorTheirPassword() throws Exception {
        mvc.perform(get(OPERATORS_ROUTE).with(httpBasic("otto", "otto-directory-1"))).andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/users/otto").with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"ADMIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("their role follows their directory groups")));
        mvc.perform(patch("/api/v1/users/otto").with(httpBasic("otto", "otto-directory-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"a-new-console-password\", \"currentPassword\": \"otto-directory-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("your password is the directory's")));

        mvc.perform(patch("/api/v1/users/otto").with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/environments").with(httpBasic("otto", "otto-directory-1"))).andExpect(status().isUnauthorized());
        mvc.perform(patch("/api/v1/users/otto").with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": true}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/environments").with(httpBasic("otto", "otto-directory-1"))).andExpect(status().isOk());
    }

    @Test
    void localUsersSignInWhenTheDirectoryDoesNotAnswerAndDirectoryUsersAreToldWhy() throws Exception {
        Map<String, Object> dead = settings("ldap://" + TestBed.DEAD_ADDRESS + ":389");
        putSettings(dead).andExpect(status().isOk());
        mvc.perform(get("/api/v1/environments").with(operator())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/environments").with(httpBasic("ada", "ada-directory-1"))).andExpect(status().isUnauthorized());
        assertThat(lastFailure("ada")).startsWith("The directory at ldap://" + TestBed.DEAD_ADDRESS + ":389 did not answer");
        mvc.perform(formLogin().user("ada").password("ada-directory-1")).andExpect(redirectedUrl("/login?unanswered"));
    }

    @Test
    void theBindPasswordIsSealedNeverShownAndOnlySentWhereItWasTypedFor() throws Exception {
        mvc.perform(get("/api/v1/directory").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.bindPasswordSet").value(true))
                .andExpect(content().string(not(containsString(bed.bindPassword()))));
        assertThat(db.sql("SELECT bind_password FROM directory_settings").query(String.class).single())
                .startsWith("v1:").doesNotContain(bed.bindPassword());
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'directory.change' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).contains("bind " + bed.bindDn() + " (password set)").doesNotContain(bed.bindPassword());

        Map<String, Object> kept = settings(bed.url());
        kept.put("bindPassword", "");
        putSettings(kept).andExpect(status().isOk());
        mvc.perform(get(OPERATORS_ROUTE).with(httpBasic("otto", "otto-directory-1"))).andExpect(status().isNotFound());

        Map<String, Object> elsewhere = settings("ldap://ldap.elsewhere.test:389");
        elsewhere.put("bindPassword", "");
        putSettings(elsewhere).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("bindPassword: type the bind password again")));
        mvc.perform(get("/api/v1/directory").with(admin())).andExpect(jsonPath("$.url").value(bed.url()));

        mvc.perform(put("/api/v1/directory").with(operator()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(settings("ldap://ldap.elsewhere.test:389")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/directory").with(admin())).andExpect(jsonPath("$.url").value(bed.url()));
    }

    @Test
    void theDirectoryPageSavesWithItsFormAndTriesASignInWithoutSigningAnyoneIn() throws Exception {
        int otto = db.sql("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'login%' AND username = 'otto'").query(Integer.class).single();
        mvc.perform(get("/directory").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("stored: leave empty to keep it")))
                .andExpect(content().string(not(containsString(bed.bindPassword()))));
        mvc.perform(post("/directory/try").with(admin()).with(csrf()).header("HX-Request", "true")
                        .param("username", "otto").param("password", "otto-directory-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("otto is uid=otto,ou=people," + bed.baseDn())))
                .andExpect(content().string(containsString("Groups: console-operators, staff")))
                .andExpect(content().string(containsString("Role here: OPERATOR")));
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'login%' AND username = 'otto'").query(Integer.class).single())
                .as("a trial is no sign-in").isEqualTo(otto);
        mvc.perform(post("/directory/try").with(admin()).with(csrf()).header("HX-Request", "true")
                        .param("username", "dave").param("password", "dave-directory-1"))
                .andExpect(content().string(containsString("id=\"trial-error\"")));

        mvc.perform(post("/directory").with(admin()).with(csrf()).header("HX-Request", "true")
                        .param("url", "ldaps://").param("baseDn", bed.baseDn()).param("userSearchFilter", "(uid=x)"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was saved")))
                .andExpect(content().string(containsString("url: give ldap://host:port")))
                .andExpect(content().string(containsString("userSearchFilter: the filter must contain {0}")));
        mvc.perform(get("/api/v1/directory").with(admin())).andExpect(jsonPath("$.enabled").value(true));

        // the form's unticked box switches the directory off: directory users are refused, local ones are not
        var form = post("/directory").with(admin()).with(csrf()).header("HX-Request", "true");
        settings(bed.url()).forEach((name, value) -> {
            if (!name.equals("enabled") && !name.equals("bindPassword")) {
                form.param(name, String.valueOf(value));
            }
        });
        mvc.perform(form).andExpect(content().string(containsString("Saved, switched off")));
        mvc.perform(get("/api/v1/environments").with(httpBasic("vera", "vera-directory-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/environments").with(viewer())).andExpect(status().isOk());
    }
}
