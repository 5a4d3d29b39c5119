package io.reemo.console.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.reemo.console.support.ConsoleApiTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** L3 of the security review: tokens expire, die with their user, follow the user's role, and cannot mint tokens. */
class ApiTokenLifeTest extends ConsoleApiTest {

    @AfterEach
    void usersAsTheyWere() {
        db.sql("UPDATE users SET enabled = TRUE").update();
        db.sql("UPDATE authorities SET authority = 'ROLE_OPERATOR' WHERE username = 'operator'").update();
    }

    private String token(RequestPostProcessor user, String body) throws Exception {
        String answer = mvc.perform(post("/api/v1/tokens").with(user).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.token");
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    @Test
    void aTokenCannotIssueTokens() throws Exception {
        String token = token(admin(), "{\"name\":\"ci\"}");
        mvc.perform(post("/api/v1/tokens").with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"more\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Issue tokens signed in with your password")));
    }

    @Test
    void aTokenExpiresAndSaysWhen() throws Exception {
        String token = token(operator(), "{\"name\":\"short\",\"expiresInDays\":1}");
        mvc.perform(get("/api/v1/tokens").with(bearer(token))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'short')].expiresAt").exists());
        db.sql("UPDATE api_token SET expires_at = ? WHERE name = 'short'").param(OffsetDateTime.now().minusSeconds(1)).update();
        mvc.perform(get("/api/v1/tokens").with(bearer(token))).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/v1/tokens").with(operator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"forever\",\"expiresInDays\":4000}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDisabledUsersTokensAreDead() throws Exception {
        String token = token(operator(), "{\"name\":\"script\"}");
        mvc.perform(get("/api/v1/environments").with(bearer(token))).andExpect(status().isOk());
        db.sql("UPDATE users SET enabled = FALSE WHERE username = 'operator'").update();
        mvc.perform(get("/api/v1/environments").with(bearer(token))).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenHasItsUsersRoleAsItIsNow() throws Exception {
        String token = token(operator(), "{\"name\":\"jobs\"}");
        String job = "{\"type\": \"facts\"}";
        mvc.perform(post("/api/v1/environments/999999/jobs").with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(job))
                .andExpect(status().isNotFound());
        db.sql("UPDATE authorities SET authority = 'ROLE_VIEWER' WHERE username = 'operator'").update();
        mvc.perform(post("/api/v1/environments/999999/jobs").with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(job))
                .andExpect(status().isForbidden());
    }
}
