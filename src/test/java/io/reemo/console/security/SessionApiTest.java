package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * A person signed in on the pages uses the API with their session (Swagger UI's "Try it out"): reads as is, changes
 * only with the session's CSRF token, always within their role; scripts' credentials need no token.
 */
class SessionApiTest extends ConsoleApiTest {

    private MockHttpSession signIn(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(user).password(password)).andReturn().getRequest().getSession(false);
    }

    @Test
    void theSessionReadsTheApiWithinItsRole() throws Exception {
        MockHttpSession viewer = signIn("viewer", VIEWER_PASSWORD);
        mvc.perform(get("/api/v1/environments").session(viewer)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").session(viewer)).andExpect(status().isForbidden());
    }

    @Test
    void whatTheSessionChangesNeedsItsCsrfToken() throws Exception {
        MockHttpSession operator = signIn("operator", OPERATOR_PASSWORD);
        var issue = post("/api/v1/tokens").session(operator).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"swagger\"}");
        mvc.perform(issue).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tokens").session(operator).with(csrf().asHeader()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"swagger\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(containsString("rct_")));
    }

    @Test
    void scriptsNeedNoTokenAndNoSessionIsMadeForThem() throws Exception {
        mvc.perform(post("/api/v1/tokens").with(operator()).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"script\"}"))
                .andExpect(status().isCreated())
                .andExpect(result -> assertThat(result.getRequest().getSession(false)).isNull());
        // without credentials nor session, a script hears that it must sign in, not about a token
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"anyone\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void swaggerUiSendsTheTokenThePagesLeaveItOnlyToTheConsole() throws Exception {
        mvc.perform(get("/swagger-ui/swagger-initializer.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("window.localStorage.getItem('reemo-csrf')")))
                .andExpect(content().string(containsString("X-CSRF-TOKEN")))
                .andExpect(content().string(containsString("isSameOrigin")));
        mvc.perform(get("/assets/console.js")).andExpect(content().string(containsString("localStorage.setItem(\"reemo-csrf\"")));
    }
}
