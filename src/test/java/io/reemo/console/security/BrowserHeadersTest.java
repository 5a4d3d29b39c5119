package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/** M4 of the security review: what the console tells the browser, on pages, API answers and the login form alike. */
class BrowserHeadersTest extends ConsoleApiTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Autowired
    private Environment environment;

    private static ResultMatcher browserHeaders() {
        return result -> {
            header().string("Content-Security-Policy", POLICY).match(result);
            header().string("Referrer-Policy", "same-origin").match(result);
            header().string("X-Content-Type-Options", "nosniff").match(result);
            header().string("X-Frame-Options", "DENY").match(result);
        };
    }

    @Test
    void aPageHasThemAndRunsHtmxWithoutEval() throws Exception {
        mvc.perform(get("/").with(admin()))
                .andExpect(status().isOk())
                .andExpect(browserHeaders())
                .andExpect(content().string(containsString(
                        "<meta name=\"htmx-config\" content='{\"allowEval\":false,\"includeIndicatorStyles\":false}'>")));
    }

    @Test
    void anApiAnswerHasThem() throws Exception {
        mvc.perform(get("/api/v1/environments").with(admin())).andExpect(status().isOk()).andExpect(browserHeaders());
    }

    @Test
    void hstsOnlyOnSecureRequests() throws Exception {
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/login").secure(true)).andExpect(header().exists("Strict-Transport-Security"));
    }

    @Test
    void theLoginFormHasThemAndStillSignsIn() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(browserHeaders());

        ResultActions signIn = mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(browserHeaders());
        MockHttpSession session = (MockHttpSession) signIn.andReturn().getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(status().isOk()).andExpect(content().string(containsString("Sign out")));

        // MockMvc has no Tomcat to write the cookie: this checks the setting Tomcat is given
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("strict");
        assertThat(environment.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
    }

    /** Swagger UI is served under the same policy: its page loads every script from a file. */
    @Test
    void swaggerUiRunsNoInlineScript() throws Exception {
        mvc.perform(get("/swagger-ui.html").with(viewer())).andExpect(redirectedUrl("/swagger-ui/index.html"));
        mvc.perform(get("/swagger-ui/index.html").with(viewer()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(browserHeaders())
                .andExpect(content().string(containsString("<script src=\"./swagger-initializer.js\"")))
                .andExpect(content().string(not(matchesPattern("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"))));
        mvc.perform(get("/swagger-ui/swagger-initializer.js").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/v3/api-docs/swagger-config")));
    }
}
