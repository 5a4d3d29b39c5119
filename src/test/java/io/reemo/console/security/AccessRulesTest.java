package io.reemo.console.security;

import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {"CONSOLE_ADMIN_PASSWORD=correct-horse", "console.data-dir=target/test-data/access-rules"})
@AutoConfigureMockMvc
class AccessRulesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesRedirectToLoginWhenSignedOut() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    /** What Spring Security keeps in the session as the place to return to after signing in. */
    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    @Test
    void aPollingFragmentWithoutASessionSendsTheWholeWindowToTheLoginForm() throws Exception {
        // as htmx asks: HX-Request, no Accept header of its own (the browser's */*)
        mvc.perform(get("/environments/1/banner").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"))
                .andExpect(header().doesNotExist("Location"))
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(request().sessionAttributeDoesNotExist(SAVED_REQUEST));
    }

    @Test
    void theSameUrlOpenedAsAPageIsRedirectedToTheLoginFormAndRememberedForAfterwards() throws Exception {
        mvc.perform(get("/environments/1/banner").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"))
                .andExpect(header().doesNotExist("HX-Redirect"))
                .andExpect(request().sessionAttribute(SAVED_REQUEST, notNullValue()));
    }

    @Test
    void loginPageStaticAssetsAndHealthAreOpen() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in")));
        mvc.perform(get("/assets/console.css")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void apiAnswers401WithoutCredentialsAndWithAWrongPassword() throws Exception {
        mvc.perform(get("/api/v1/tokens")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tokens").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer rct_not-a-token")).andExpect(status().isUnauthorized());
    }

    @Test
    void issuedBearerTokenOpensTheApiUntilRevoked() throws Exception {
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic("admin", "correct-horse"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci script\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(body, "$.token");
        Integer id = JsonPath.read(body, "$.id");

        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'ci script')]").exists())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token))));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/tokens/" + id)
                .header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic("admin", "correct-horse")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/tokens']").exists());
    }
}
