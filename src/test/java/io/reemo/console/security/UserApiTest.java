package io.reemo.console.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code /api/v1/users}: admins make users, change their role, enabled and password; everyone changes their own password. */
class UserApiTest extends ConsoleApiTest {

    private ResultActions create(RequestPostProcessor caller, String json) throws Exception {
        return mvc.perform(post("/api/v1/users").with(caller).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions change(RequestPostProcessor caller, String user, String json) throws Exception {
        return mvc.perform(patch("/api/v1/users/" + user).with(caller).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void anAdminMakesAUserAndChangesTheirRoleAndEnabled() throws Exception {
        create(admin(), "{\"username\":\"ann\",\"password\":\"first-secret-phrase\",\"role\":\"OPERATOR\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("ann")).andExpect(jsonPath("$.role").value("OPERATOR"))
                .andExpect(jsonPath("$.enabled").value(true)).andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(get("/api/v1/users").with(admin())).andExpect(status().isOk()).andExpect(jsonPath("$[*].username", hasItem("ann")));
        RequestPostProcessor ann = httpBasic("ann", "first-secret-phrase");
        mvc.perform(get("/api/v1/environments").with(ann)).andExpect(status().isOk());

        change(admin(), "ann", "{\"role\":\"VIEWER\"}").andExpect(jsonPath("$.role").value("VIEWER"));
        mvc.perform(post("/api/v1/environments/999999/jobs").with(ann).contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"facts\"}"))
                .andExpect(status().isForbidden());
        change(admin(), "ann", "{\"enabled\":false}").andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/environments").with(ann)).andExpect(status().isUnauthorized());
        change(admin(), "ann", "{\"enabled\":true}").andExpect(status().isOk());

        change(admin(), "ann", "{\"password\":\"reset-by-the-admin\"}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/environments").with(httpBasic("ann", "reset-by-the-admin")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("Change the password the console made up first")));
    }

    @Test
    void badUsersAreRefusedNamingTheField() throws Exception {
        create(admin(), "{\"username\":\"bob\",\"password\":\"bob-long-password\",\"role\":\"ROOT\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("role: use ADMIN, OPERATOR or VIEWER."));
        create(admin(), "{\"username\":\"bob\",\"password\":\"short\",\"role\":\"VIEWER\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("password: use 12 to 128")));
        create(admin(), "{\"username\":\"bob smith\",\"password\":\"bob-long-password\",\"role\":\"VIEWER\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("username: use 1 to 64")));
        create(admin(), "{\"username\":\"viewer\",\"password\":\"another-long-password\",\"role\":\"VIEWER\"}")
                .andExpect(status().isConflict());
        change(admin(), "nobody-at-all", "{\"enabled\":false}").andExpect(status().isNotFound());
    }

    @Test
    void onlyAdminsManageUsersAndEveryoneChangesTheirOwnPassword() throws Exception {
        mvc.perform(get("/api/v1/users").with(operator())).andExpect(status().isForbidden());
        create(viewer(), "{\"username\":\"eve\",\"password\":\"eve-long-password\",\"role\":\"ADMIN\"}").andExpect(status().isForbidden());
        change(operator(), "viewer", "{\"password\":\"taken-over-password\"}").andExpect(status().isForbidden());
        change(operator(), "operator", "{\"role\":\"ADMIN\"}").andExpect(status().isForbidden());
        change(admin(), "admin", "{\"enabled\":false}").andExpect(status().isForbidden());

        create(admin(), "{\"username\":\"carl\",\"password\":\"opening-phrase-1\",\"role\":\"VIEWER\"}").andExpect(status().isCreated());
        RequestPostProcessor carl = httpBasic("carl", "opening-phrase-1");
        change(carl, "carl", "{\"password\":\"following-phrase-2\",\"currentPassword\":\"wrong\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("currentPassword")));
        change(carl, "carl", "{\"password\":\"following-phrase-2\",\"currentPassword\":\"opening-phrase-1\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/environments").with(httpBasic("carl", "following-phrase-2"))).andExpect(status().isOk());
    }
}
