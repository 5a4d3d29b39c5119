package io.reemo.console.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.deploy.FailedVersion;
import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.deploy.TaskFailure;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Job requests the console refuses before any server is asked (the bed's JobApiIT runs real ones). */
class JobApiTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private FailedVersions failedVersions;
    @Autowired
    private DeploymentRecords records;
    private long id;

    @BeforeEach
    void environment() {
        id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
    }

    private ResultActions start(String body) throws Exception {
        return mvc.perform(post("/api/v1/environments/" + id + "/jobs").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void fieldsOfTheWrongJsonTypeAndValuesTheJobRefusesAreNamedTogether() throws Exception {
        start("{\"type\": \"command\", \"command\": 5, \"timeoutSeconds\": 1.5, \"nodes\": \"infra1\", \"node\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail", containsString("The job request cannot be run: unknown parameter 'node'")))
                .andExpect(jsonPath("$.problems[*].field", hasItems("node", "command", "timeoutSeconds", "nodes")))
                .andExpect(jsonPath("$.problems[?(@.field == 'node')].message").value(
                        "unknown parameter 'node' for a 'command' job (it takes [command, nodes, timeoutSeconds])"))
                .andExpect(jsonPath("$.problems[?(@.field == 'command')].message").value("'command' must be a string"))
                .andExpect(jsonPath("$.problems[?(@.field == 'timeoutSeconds')].message").value(
                        "'timeoutSeconds' must be a whole number of seconds from 1 to 86400"))
                .andExpect(jsonPath("$.problems[?(@.field == 'nodes')].message", hasItems(containsString(
                        "'nodes' must be a non-empty list of node names, e.g. [\""))));
        start("{\"type\": \"command\", \"command\": \" \", \"timeoutSeconds\": 86401, \"nodes\": [\"node7\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].message", hasItems(
                        equalTo("'command' is required: the shell command to run, e.g. \"uptime\""),
                        equalTo("'timeoutSeconds' must be a whole number of seconds from 1 to 86400"),
                        containsString("'nodes': environment 'cluster' has no node 'node7'"))));
    }

    @Test
    void anAdoptionRemovesOnlyWhatIsNamedAsThePlanListsItAndAnAdoptedDatabaseIsNeverInitialised() throws Exception {
        start("{\"type\": \"adopt\", \"converge\": \"yes\", \"remove\": [\"secret reemo_old\", \"rm -rf /opt/reemo\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].message", hasItems(equalTo("'converge' must be true or false"),
                        equalTo("remove[1]: 'rm -rf /opt/reemo' is not an entry of what the plan leaves alone; send it as the plan"
                                + " lists it, e.g. \"secret reemo_mysql_root_password\""))));
        records.markDatabaseAdopted(id, 7);
        start("{\"type\": \"install\", \"initDb\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("initDb"))
                .andExpect(jsonPath("$.problems[0].message", containsString("ran with the platform the console adopted: it holds"
                        + " the platform's data, and INIT_DB would erase it")));
    }

    @Test
    void eachJobTypesFieldsAreCheckedByType() throws Exception {
        start("{\"type\": \"maintenance\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("enable"))
                .andExpect(jsonPath("$.problems[0].message").value(
                        "'enable' is required: true to show the maintenance page, false to restore the portal"));
        start("{\"type\": \"install\", \"initDb\": \"yes\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("initDb"))
                .andExpect(jsonPath("$.problems[0].message").value("'initDb' must be true or false"));
        start("{\"type\": \"update\", \"tags\": [\"mysql\", 3], \"versions\": {\"DOCKER_VERSION_API\": 2}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].message", hasItems(
                        containsString("'tags' must be a list of strings, from [db, api,"),
                        equalTo("'versions': DOCKER_VERSION_API must be a non-empty string"))));
        start("{\"type\": \"update\", \"tags\": [\"api\"], \"versions\": {\"DOCKER_VERSION_API\": \"2.14.0 --privileged\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("versions"))
                .andExpect(jsonPath("$.problems[0].message").value("'versions': DOCKER_VERSION_API must be an image tag (letters, "
                        + "digits, _ . -, at most 128, not starting with . or -), not \"2.14.0 --privileged\""));
        start("{\"type\": \"verify\", \"nodes\": [\"infra1\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("nodes"))
                .andExpect(jsonPath("$.problems[0].message").value("unknown parameter 'nodes' for a 'verify' job (it takes none)"));
        start("{\"type\": \"update\", \"tags\": [\"mysql\"], \"versions\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].message", hasItems(
                        equalTo("'versions' must be an object, e.g. {\"DOCKER_VERSION_API\": \"2.14.0\"}"),
                        containsString("send \"confirmDowntime\": true to go ahead"))))
                .andExpect(jsonPath("$.problems[*].field", hasItems("versions", "confirmDowntime")));
    }

    @Test
    void anUpdateToAVersionThatFailedHereIsRefusedWithWhyUnlessTheRequestRetriesIt() throws Exception {
        failedVersions.record(id, new FailedVersion("DOCKER_VERSION_API", "2.14.1-broken", "api", 6,
                OffsetDateTime.parse("2026-12-07T02:10:00Z"), true, "2.14.0",
                List.of(new TaskFailure("reemo_api", "node2", 1, "task: non-zero exit (1)", List.of("broken on purpose"), null))));

        start("{\"type\": \"update\", \"tags\": [\"api\"], \"versions\": {\"DOCKER_VERSION_API\": \"2.14.1-broken\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("retryFailed"))
                .andExpect(jsonPath("$.problems[0].message").value("versions: DOCKER_VERSION_API 2.14.1-broken failed on this environment"
                        + " in job 6 (2026-12-07 02:10 UTC): api 2.14.1-broken failed (task exited 1 on node2: broken on purpose) and"
                        + " was rolled back to 2.14.0. Send \"retryFailed\": true to try it again anyway, or pick another version."));
        // asked for, the retry passes this check (the unknown tag keeps the job from starting here)
        start("{\"type\": \"update\", \"tags\": [\"api\", \"nginx\"], \"versions\": {\"DOCKER_VERSION_API\": \"2.14.1-broken\"},"
                + " \"retryFailed\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].field", hasItems("tags")))
                .andExpect(jsonPath("$.problems[?(@.field == 'retryFailed')]").isEmpty());
        start("{\"type\": \"update\", \"tags\": [\"api\", \"nginx\"], \"versions\": {\"DOCKER_VERSION_API\": \"2.14.0\"}}")
                .andExpect(jsonPath("$.problems[?(@.field == 'retryFailed')]").isEmpty());
    }

    @Test
    void aRequestWithoutAKnownTypeIsRefusedBeforeAnythingElse() throws Exception {
        start("{\"nodes\": [\"infra1\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("type"))
                .andExpect(jsonPath("$.problems[0].message", containsString("'type' is required: one of [adopt, command, facts, install")));
        start("{\"type\": \"reboot-everything\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("unknown job type 'reboot-everything': use one of")));
        start("[\"facts\"]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("the body must be a JSON object such as {\"type\": \"facts\"}")));
        start("{\"type\": \"facts\",\n \"nodes\": [infra1]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("(line 2, column")))
                .andExpect(jsonPath("$.problems[0].line").value(2));
    }

    @Test
    void aViewerStartsNoJobAnOperatorNoInstallAndAnUnknownEnvironmentIs404() throws Exception {
        mvc.perform(post("/api/v1/environments/" + id + "/jobs").with(viewer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"facts\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Not allowed: POST /api/v1/environments/" + id + "/jobs is for operators"
                        + " and administrators; ask an administrator for that role."));
        mvc.perform(post("/api/v1/environments/" + id + "/jobs").with(operator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"install\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Only administrators may start 'install' jobs."));
        mvc.perform(post("/api/v1/environments/" + id + "/jobs").with(operator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"command\", \"command\": \"id\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Only administrators may start 'command' jobs."));
        mvc.perform(post("/api/v1/environments/999999/jobs").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"facts\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no environment with id 999999."));
    }
}
