package io.reemo.console.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The update plan request is checked before any server is asked (the bed's ITs cover real plans). */
class PlanApiTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;

    @Test
    void anUpdatePlanRequestWithUnknownTagsOrVariablesGetsEveryProblemAt400() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(post("/api/v1/environments/" + id + "/plan").with(operator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tags\": [\"api\", \"nginx\"], \"versions\": {\"DOCKER_VERSION_NGINX\": \"1.0\", \"API\": \"2\"}, \"force\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].message", hasItems(
                        containsString("unknown parameter 'force'"),
                        containsString("'tags': unknown value 'nginx'"),
                        containsString("'versions': 'API' is not a DOCKER_VERSION_* variable"),
                        containsString("versions: DOCKER_VERSION_NGINX is not a known version variable"))))
                .andExpect(jsonPath("$.problems[*].field", hasItems("force", "tags", "versions")));
        mvc.perform(post("/api/v1/environments/" + id + "/plan").with(operator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"versions\": {\"DOCKER_VERSION_API\": \"2.14.0\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message", containsString("'tags' is required")))
                .andExpect(jsonPath("$.problems[0].field").value("tags"));
        mvc.perform(post("/api/v1/environments/999999/plan").with(operator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tags\": [\"api\"]}"))
                .andExpect(status().isNotFound());
    }
}
