package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every user's own page: the way to their password, and their API tokens, made, shown once, used and revoked. */
class AccountPageTest extends ConsoleApiTest {

    private static final Pattern SHOWN_TOKEN = Pattern.compile("id=\"new-token\"[^>]*>(rct_[0-9a-f]+)<");

    private ResultActions send(RequestPostProcessor caller, String path, String... params) throws Exception {
        var request = post(path).with(caller).with(csrf()).header("HX-Request", "true");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private long tokenId(String username, String name) {
        return db.sql("SELECT id FROM api_token WHERE username = ? AND name = ?").params(username, name).query(Long.class).single();
    }

    @Test
    void everyRoleHasTheirOwnPage() throws Exception {
        for (RequestPostProcessor user : List.of(viewer(), operator(), admin())) {
            mvc.perform(get("/account").with(user)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("href=\"/account/password\"")))
                    .andExpect(content().string(containsString("id=\"new-token-form\"")));
        }
        mvc.perform(get("/account").with(operator())).andExpect(content().string(containsString("<span id=\"account-role\">OPERATOR</span>")));
    }

    @Test
    void aTokenIsShownOnceWorksAsABearerTokenAndIsRefusedOnceRevoked() throws Exception {
        String answer = send(viewer(), "/account/tokens", "name", "page-made", "days", "30")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("it is shown this once")))
                .andReturn().getResponse().getContentAsString();
        Matcher shown = SHOWN_TOKEN.matcher(answer);
        assertThat(shown.find()).as("the token in the answer").isTrue();
        String token = shown.group(1);

        mvc.perform(get("/api/v1/environments").with(bearer(token))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/environments").with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"token-name\">page-made</td>")))
                .andExpect(content().string(not(containsString(token))));

        send(viewer(), "/account/tokens/" + tokenId("viewer", "page-made") + "/revoke")
                .andExpect(content().string(containsString("is revoked")))
                .andExpect(content().string(not(containsString("page-made"))));
        mvc.perform(get("/api/v1/environments").with(bearer(token))).andExpect(status().isUnauthorized());
    }

    @Test
    void aRefusedTokenIsExplainedInPlaceAndNotMade() throws Exception {
        send(operator(), "/account/tokens", "name", " ", "days", "30")
                .andExpect(content().string(containsString("name: give the token a name of 1 to 100 characters")));
        send(operator(), "/account/tokens", "name", "too-long", "days", "4000")
                .andExpect(content().string(containsString("expiresInDays: a token lives 1 to 366 days")))
                .andExpect(content().string(containsString("value=\"too-long\"")));
        assertThat(db.sql("SELECT COUNT(*) FROM api_token WHERE username = 'operator' AND name IN (' ', 'too-long')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void nobodyRevokesAnotherUsersToken() throws Exception {
        send(admin(), "/account/tokens", "name", "admins-own", "days", "5").andExpect(status().isOk());
        send(viewer(), "/account/tokens/" + tokenId("admin", "admins-own") + "/revoke")
                .andExpect(content().string(containsString("id=\"tokens-refusal\"")));
        assertThat(db.sql("SELECT COUNT(*) FROM api_token WHERE name = 'admins-own'").query(Integer.class).single()).isOne();
    }
}
