package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentValidator;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.Jobs;
import io.reemo.console.node.ViewerSessions;
import io.reemo.console.node.ViewerSessions.Served;
import io.reemo.console.security.AuditLog;
import io.reemo.console.swarm.Difference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Reading each cluster through the viewers' sessions, and accepting what runs only for an admin, before any save. */
class DriftServiceTest {

    private static final Authentication ADMIN = user("admin", "ROLE_ADMIN");
    private static final Authentication VIEWER = user("viewer", "ROLE_VIEWER");
    private static final Difference PORTAL = new Difference(Cluster.INFRA, "reemo_portal", "image", "2.12.6", "2.13.11");

    private final VariableCatalogue variables = new VariableCatalogue();
    private final InMemoryEnvironments environments = new InMemoryEnvironments();
    private final DesiredStates desiredStates = mock(DesiredStates.class);
    private final ViewerSessions sessions = mock(ViewerSessions.class);
    private final Jobs jobs = mock(Jobs.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final DriftService drift = new DriftService(environments, desiredStates, sessions, variables,
            mock(EnvironmentValidator.class), jobs, audit);
    private long id;

    @BeforeEach
    void anInstalledCluster() {
        Environment environment = environments.save(Fixtures.cluster(), Fixtures.BY_TEST);
        id = environment.id();
        when(desiredStates.forPlan(any())).thenAnswer(call -> new ServiceCatalogue(variables)
                .desiredState(call.getArgument(0), CatalogueInput.withoutTls()));
    }

    @Test
    void eachClusterIsReadThroughItsSharedViewerSession() {
        answers(new Served<>(Fixtures.node("infra1", "10.0.0.1"), List.of(PORTAL), Map.of()));

        DriftService.Report report = drift.read(id);

        assertThat(report.differences()).containsExactly(PORTAL);
        assertThat(report.readAt()).isNotNull();
        verify(sessions).read(eq(id + "/" + Cluster.INFRA), eq(environments.get(id).clusters().get(0).nodes()), any());
    }

    @Test
    void aClusterNoNodeOfWhichAnswersIsAnErrorNamingEachNode() {
        answers(new Served<>(null, null, Map.of("infra1", "infra1 (10.0.0.1:22): connection refused", "infra2", "no route")));

        assertThatThrownBy(() -> drift.read(id)).isInstanceOf(DeployException.class)
                .hasMessageContaining("The Swarm of infra_manager could not be read")
                .hasMessageContaining("infra1: infra1 (10.0.0.1:22): connection refused").hasMessageContaining("infra2: no route");
    }

    @Test
    void acceptingRecordsTheRunningVersionAsARevisionCausedByTheDrift() {
        answers(new Served<>(Fixtures.node("infra1", "10.0.0.1"), List.of(PORTAL), Map.of()));

        DriftService.Acceptance acceptance = drift.accept(id, ADMIN);

        assertThat(acceptance.revision()).isEqualTo(2);
        assertThat(environments.get(id).vars()).containsEntry("DOCKER_VERSION_PORTAL", "2.13.11");
        assertThat(environments.revisions(id).get(0)).satisfies(r -> {
            assertThat(r.cause()).isEqualTo(RevisionCause.DRIFT_ACCEPTED);
            assertThat(r.user()).isEqualTo("admin");
        });
        verify(audit).record(eq("environment.drift-accepted"), eq("cluster"), anyString());
    }

    @Test
    void aViewerIsRefusedBeforeAnythingIsReadOrSaved() {
        assertThatThrownBy(() -> drift.accept(id, VIEWER)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Only administrators");

        verifyNoInteractions(sessions, jobs);
        assertThat(environments.revisions(id)).hasSize(1);
    }

    @Test
    void aJobThatChangesTheEnvironmentRefusesTheAcceptanceBeforeAnyRead() {
        doThrow(new JobConflictException("Environment busy: job 4 (update) is running.", 4L)).when(jobs).requireIdle(eq(id), anyString());

        assertThatThrownBy(() -> drift.accept(id, ADMIN)).isInstanceOf(JobConflictException.class);

        verifyNoInteractions(sessions);
        assertThat(environments.revisions(id)).hasSize(1);
    }

    @Test
    void whatTheSettingsCannotExpressIsNotSavedButSaid() {
        Difference env = new Difference(Cluster.INFRA, "reemo_api", "env", "LOG_LEVEL=info", "LOG_LEVEL=debug");
        answers(new Served<>(Fixtures.node("infra1", "10.0.0.1"), List.of(env), Map.of()));

        DriftService.Acceptance acceptance = drift.accept(id, ADMIN);

        assertThat(acceptance.revision()).isNull();
        assertThat(acceptance.restoredByNextInstall()).containsExactly(env);
        assertThat(environments.revisions(id)).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private void answers(Served<List<Difference>> served) {
        when(sessions.read(anyString(), anyList(), any())).thenReturn((Served) served);
    }

    private static Authentication user(String name, String role) {
        return new UsernamePasswordAuthenticationToken(name, "", AuthorityUtils.createAuthorityList(role));
    }
}
