package io.reemo.console.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.ConsoleApiTest;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HomeControllerTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;

    @Test
    void theHomePageSaysHowToStartWhenThereIsNoEnvironment() throws Exception {
        mvc.perform(get("/").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No environment yet")));
    }

    @Test
    void theHomePageListsTheEnvironmentsWithTheirTopologyNodesAndInventory() throws Exception {
        long id = environments.save(Fixtures.cluster()).id();
        mvc.perform(get("/").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>cluster</td>")))
                .andExpect(content().string(containsString(">Cluster</span>")))
                .andExpect(content().string(containsString("<td>3</td>")))
                .andExpect(content().string(containsString("href=\"/environments/" + id + "/inventory.yml\"")));
    }
}
