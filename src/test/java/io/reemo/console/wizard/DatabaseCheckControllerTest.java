package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;

class DatabaseCheckControllerTest extends ConsoleApiTest {

    private long newSetup(String topology) throws Exception {
        String location = mvc.perform(post("/wizard").with(admin()).with(csrf()).param("name", "db-" + topology).param("topology", topology))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.split("/")[2]);
    }

    private String test(long id, String dbHost) throws Exception {
        return mvc.perform(post("/wizard/" + id + "/database/test").with(admin()).with(csrf()).param("DB_HOST", dbHost))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theDatabasePageOffersTheTestFromTheApiNodes() throws Exception {
        long id = newSetup("SINGLE");
        String page = mvc.perform(get("/wizard/" + id + "/database").with(admin())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"database-test\"").contains("Test from the API nodes").contains("name=\"DB_HOST\"");
    }

    @Test
    void withoutDbHostTheInternalDatabaseIsSaidToNeedNoTest() throws Exception {
        assertThat(test(newSetup("SINGLE"), "")).contains("DB_HOST is empty").contains("reemo_mysql");
    }

    @Test
    void theApiNodesOfADedicatedPlatformAreTheOnesTestedAndAnUnpinnedNodeIsSaidInWords() throws Exception {
        long id = newSetup("DEDICATED");
        assertThat(test(id, "db.example.test:3307")).contains("No API node yet: add the nodes of api_manager first.");

        mvc.perform(post("/wizard/" + id + "/nodes").with(admin()).with(csrf()).param("group", "portaluser_manager").param("name", "user1")
                .param("address", "10.3.0.1").param("authKind", "PASSWORD").param("password", "pw"));
        mvc.perform(post("/wizard/" + id + "/nodes").with(admin()).with(csrf()).param("group", "api_manager").param("name", "api1")
                .param("address", "10.3.1.1").param("authKind", "PASSWORD").param("password", "pw"));

        assertThat(test(id, "db.example.test:3307")).contains("Not every API node reaches db.example.test:3307")
                .contains("api1").contains("its host key is not pinned").doesNotContain("user1");
        assertThat(test(id, "db.example.test; reboot")).contains("DB_HOST: ").contains("is not a host name or address");
    }
}
