package io.reemo.console.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.health.HealthItem;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.health.PortalProbe;
import io.reemo.console.health.PortalProbe.Reply;
import io.reemo.console.job.LogChannel;
import io.reemo.console.job.Step;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The step on one node, with the nodes' answers faked: what it asks, what it logs, and how a failure names the node,
 * the URL and what came back.
 */
class PlatformCheckTest {

    private final VariableCatalogue variables = new VariableCatalogue();
    private final ServiceCatalogue catalogue = new ServiceCatalogue(variables);
    private final JobSessions sessions = mock(JobSessions.class);
    private final DesiredStates desiredStates = mock(DesiredStates.class);
    private final DeploymentRecords records = mock(DeploymentRecords.class);
    private final PortalProbe probe = mock(PortalProbe.class);
    private final PortalHealth health = mock(PortalHealth.class);
    private final PlatformCheck check = new PlatformCheck(sessions, desiredStates, catalogue, variables, records, probe, health);
    private Environment environment = Fixtures.withGroup(Fixtures.cluster(), "infra_manager", "PORTAL_URL", "portal.example.com").withId(7L);

    @BeforeEach
    void nodesAnswer() {
        when(desiredStates.forPlan(any())).thenAnswer(call -> catalogue.desiredState(call.getArgument(0), CatalogueInput.withoutTls()));
        when(probe.url(anyString(), anyInt(), anyString())).thenAnswer(call -> "https://" + call.getArgument(0)
                + (call.<Integer>getArgument(1) == 443 ? "" : ":" + call.getArgument(1)) + call.getArgument(2));
        when(health.through(any(), any(), any())).thenReturn(Optional.empty());
        answer(443, new Reply(200, "text/html", "<html>portal</html>", null));
        answer(8443, new Reply(200, "text/html", "signal 2.5.3", null));
    }

    @Test
    void aNodeThatIsNotTheFirstOfItsClusterChecksTheRoutesThroughItself() throws Exception {
        RecordingRun run = new RecordingRun("infra2");

        assertThat(step().work().run(run)).isZero();

        assertThat(run.on(LogChannel.SYSTEM)).containsExactly(
                "portal https://portal.example.com/ through infra2 (10.0.0.2): HTTP 200 (text/html), the portal's page",
                "signals https://portal.example.com:8443/ through infra2 (10.0.0.2): HTTP 200 (text/html), answered by reemo_signal1, "
                        + "reemo_signal2, reemo_signal3",
                "All 2 checks passed on infra2.");
        // Traefik's self-signed certificate (no TRAEFIK_CERT_MODE) is taken as it is; the signals are asked by the portal's name
        verify(probe).get("10.0.0.2", "portal.example.com", 443, "/", "text/html,*/*", false);
        verify(probe).get("10.0.0.2", "portal.example.com", 8443, "/", "text/html,*/*", false);
    }

    @Test
    void everyFailedCheckIsAnErrorLineAndTheNodeFailsNamingEachUrlAndWhatCameBack() {
        when(sessions.docker(any(), any())).thenThrow(new DeployException("infra1 (10.0.0.1:22): cannot connect: connection refused"));
        answer(443, new Reply(502, "text/plain", "Bad Gateway", null));
        answer(8443, new Reply(0, "", "", "connection refused: nothing listens on that port"));
        RecordingRun run = new RecordingRun("infra1");

        assertThatThrownBy(() -> step().work().run(run)).isInstanceOf(DeployException.class)
                .hasMessageStartingWith("3 of 3 checks failed: infra_manager: the Swarm could not be read through infra1: ")
                .hasMessageContaining("; portal https://portal.example.com/ through infra1 (10.0.0.1): HTTP 502 (text/plain): Bad Gateway; "
                        + "expected the portal's page")
                .hasMessageContaining("; signals https://portal.example.com:8443/ through infra1 (10.0.0.1): no answer: connection refused");
        assertThat(run.on(LogChannel.STDERR)).hasSize(3);
        assertThat(run.on(LogChannel.SYSTEM)).isEmpty();
    }

    @Test
    void anAuthorityVouchedCertificateIsCheckedAndAFailingHealthcheckEntryIsNamed() {
        environment = Fixtures.withAll(environment, "TRAEFIK_CERT_MODE", "on-server");
        HealthItem tree = new HealthItem("portal.example.com", "OK", "2.14.4", "", List.of(
                new HealthItem("api", "OK", "2.15.2", "", List.of(new HealthItem("db", "DOWN", "", "", List.of())))));
        when(health.through(any(), any(), any())).thenReturn(Optional.of(new PortalHealth.Check("infra_manager", "portal.example.com",
                "infra3", tree, null)));
        when(health.url("portal.example.com")).thenReturn("https://portal.example.com/api/healthcheck");
        RecordingRun run = new RecordingRun("infra3");

        assertThatThrownBy(() -> step().work().run(run)).hasMessage("1 of 3 checks failed: healthcheck "
                + "https://portal.example.com/api/healthcheck through infra3 (10.0.0.3): not OK: portal.example.com > api > db: DOWN");
        verify(probe).get(eq("10.0.0.3"), eq("portal.example.com"), eq(443), eq("/"), anyString(), eq(true));
    }

    @Test
    void duringMaintenanceThePortalUrlMustServeTheMaintenancePage() {
        when(records.maintenance(7L)).thenReturn(true);
        RecordingRun run = new RecordingRun("infra2");

        assertThatThrownBy(() -> step().work().run(run)).hasMessageContaining("portal https://portal.example.com/ through infra2 (10.0.0.2): "
                + "HTTP 200 (text/html): <html>portal</html>; expected the maintenance page");
    }

    private Step step() {
        return check.step(() -> environment);
    }

    private void answer(int port, Reply reply) {
        when(probe.get(anyString(), anyString(), eq(port), anyString(), anyString(), anyBoolean())).thenReturn(reply);
    }
}
