package io.reemo.console.deploy;

import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.CurrentEnvironment;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentValidator;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.SourcePositions;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.Jobs;
import io.reemo.console.node.ViewerSessions;
import io.reemo.console.node.ViewerSessions.Served;
import io.reemo.console.security.AuditLog;
import io.reemo.console.security.Roles;
import io.reemo.console.swarm.Difference;
import io.reemo.console.swarm.Drift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What runs, compared with what the console recorded: each cluster's Swarm read through the viewers' shared session
 * of that cluster (the dashboard's), against the desired state the plan uses. Accepting what runs records, as a
 * revision, the values the settings can express.
 */
@Service
public class DriftService {

    /** @param readAt when the last cluster was read */
    public record Report(List<Difference> differences, Instant readAt) {

        public Report {
            differences = List.copyOf(differences);
        }
    }

    /**
     * One variable an acceptance sets.
     *
     * @param scope {@code all} for all.vars, else the cluster (inventory group) whose vars hold it
     */
    public record SettingChange(String scope, String variable, String before, String after) {

        @Override
        public String toString() {
            return variable + (scope.equals(DriftAcceptance.ALL_VARS) ? "" : " (" + scope + ")") + " " + before + " → " + after;
        }
    }

    /**
     * What accepting what runs records, or would record.
     *
     * @param restoredByNextInstall what the settings cannot express: it stays a difference, which the next install undoes
     * @param revision              the revision that recorded it; {@code null} for a preview or when nothing was recorded
     */
    public record Acceptance(List<SettingChange> recorded, List<Difference> restoredByNextInstall, Integer revision) {

        public Acceptance {
            recorded = List.copyOf(recorded);
            restoredByNextInstall = List.copyOf(restoredByNextInstall);
        }
    }

    private final Environments environments;
    private final DesiredStates desiredStates;
    private final ViewerSessions sessions;
    private final VariableCatalogue variables;
    private final EnvironmentValidator validator;
    private final Jobs jobs;
    private final AuditLog audit;

    DriftService(Environments environments, DesiredStates desiredStates, ViewerSessions sessions, VariableCatalogue variables,
                 EnvironmentValidator validator, Jobs jobs, AuditLog audit) {
        this.environments = environments;
        this.desiredStates = desiredStates;
        this.sessions = sessions;
        this.variables = variables;
        this.validator = validator;
        this.jobs = jobs;
        this.audit = audit;
    }

    /**
     * @throws DeployException naming each node of a cluster that none of them answered, and why
     * @throws io.reemo.console.environment.EnvironmentNotFoundException when there is no such environment
     */
    public Report read(long environmentId) {
        Environment environment = environments.get(environmentId);
        return read(environment, desiredStates.forPlan(environment));
    }

    /** What accepting {@code report} would record, nothing saved. */
    public Acceptance preview(long environmentId, Report report) {
        Environment environment = environments.get(environmentId);
        DriftAcceptance.Outcome outcome = DriftAcceptance.of(environment, desiredStates.forPlan(environment), report.differences(), variables);
        return new Acceptance(outcome.recorded(), outcome.restoredByNextInstall(), null);
    }

    /**
     * Reads what runs now and records what the settings can express of it, as a revision caused by
     * {@link RevisionCause#DRIFT_ACCEPTED}. Refused before anything is read or saved for a non-admin and while a job
     * changes the environment.
     *
     * @throws AccessDeniedException for a user who is not an administrator
     * @throws io.reemo.console.job.JobConflictException while a changing job holds the environment
     * @throws io.reemo.console.environment.InvalidEnvironmentException when what runs is no valid setting (e.g. a tag
     *                                                                   the version rules refuse)
     */
    public Acceptance accept(long environmentId, Authentication user) {
        if (!mayResolve(user)) {
            throw new AccessDeniedException("Only administrators may accept what runs as the recorded configuration.");
        }
        jobs.requireIdle(environmentId, "What runs is accepted once it ended");
        CurrentEnvironment current = environments.current(environmentId);
        DesiredState desired = desiredStates.forPlan(current.environment());
        Report report = read(current.environment(), desired);
        DriftAcceptance.Outcome outcome = DriftAcceptance.of(current.environment(), desired, report.differences(), variables);
        if (outcome.recorded().isEmpty()) {
            return new Acceptance(List.of(), outcome.restoredByNextInstall(), null);
        }
        validator.requireValid(outcome.environment(), SourcePositions.NONE);
        environments.save(outcome.environment(), Edit.of(RevisionCause.DRIFT_ACCEPTED, user.getName()).basedOn(current.revision()));
        int revision = environments.current(environmentId).revision();
        audit.record("environment.drift-accepted", current.environment().name(), "revision " + revision + ": "
                + outcome.recorded().stream().map(SettingChange::toString).collect(Collectors.joining("; ")));
        return new Acceptance(outcome.recorded(), outcome.restoredByNextInstall(), revision);
    }

    /** Restoring what was recorded and accepting what runs both change the platform's record: administrators only. */
    public static boolean mayResolve(Authentication user) {
        return Roles.isAdmin(user);
    }

    private Report read(Environment environment, DesiredState desired) {
        List<Difference> differences = new ArrayList<>();
        for (DesiredCluster cluster : desired.clusters()) {
            Cluster model = environment.cluster(cluster.group()).orElseThrow();
            if (model.nodes().isEmpty()) {
                differences.add(Drift.notFormed(cluster.group()));
                continue;
            }
            Served<List<Difference>> served = sessions.read(ViewerSessions.clusterGroup(environment, model), model.nodes(),
                    session -> Drift.read(cluster, session.docker()));
            if (served.node() == null) {
                throw new DeployException("The Swarm of " + cluster.group() + " could not be read: no node answered ("
                        + served.unreachable().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("; ")) + ").");
            }
            differences.addAll(served.answer());
        }
        return new Report(differences, Instant.now());
    }
}
