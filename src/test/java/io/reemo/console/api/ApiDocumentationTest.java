package io.reemo.console.api;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI description shows the error answers' shape, the job request's fields and how a script signs in. */
class ApiDocumentationTest extends ConsoleApiTest {

    @Test
    void errorsAreProblemDetailsWhoseProblemsNameFieldLineAndColumn() throws Exception {
        mvc.perform(get("/v3/api-docs").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/environments/{environmentId}/jobs'].post.responses['400']"
                        + ".content['application/problem+json'].schema['$ref']").value("#/components/schemas/ApiProblem"))
                .andExpect(jsonPath("$.paths['/api/v1/environments'].post.responses['422']"
                        + ".content['application/problem+json'].schema['$ref']").value("#/components/schemas/ApiProblem"))
                .andExpect(jsonPath("$.components.schemas.ApiProblem.properties.problems.items['$ref']").value("#/components/schemas/ProblemItem"))
                .andExpect(jsonPath("$.components.schemas.ProblemItem.properties.field").exists())
                .andExpect(jsonPath("$.components.schemas.ProblemItem.properties.line").exists())
                .andExpect(jsonPath("$.components.schemas.ProblemItem.properties.column").exists())
                .andExpect(jsonPath("$.components.schemas.ProblemItem.properties.message").exists())
                .andExpect(jsonPath("$.paths['/api/v1/environments/{environmentId}/jobs'].post.requestBody.content['application/json']"
                        + ".examples.*.value.type", hasItems("install", "update", "maintenance", "facts", "command")));
    }

    @Test
    void swaggerUiCanAuthorizeWithAnApiTokenOrAPassword() throws Exception {
        mvc.perform(get("/v3/api-docs").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Reemo Infra Console API"))
                .andExpect(jsonPath("$.components.securitySchemes.apiToken.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.password.scheme").value("basic"))
                .andExpect(jsonPath("$.security[*]", hasSize(2)))
                .andExpect(jsonPath("$.security[0].apiToken").exists());
    }
}
