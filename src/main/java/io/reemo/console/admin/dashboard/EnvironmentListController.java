package io.reemo.console.admin.dashboard;

import io.reemo.console.admin.dashboard.DashboardSnapshots.Snapshot;
import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobQuery;
import io.reemo.console.job.Jobs;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The console's home: every environment with its state at a glance. The health cell of each row is a fragment
 * polled from the same shared snapshot as the dashboard.
 */
@Controller
class EnvironmentListController {

    static final String PAGE = "admin/environments";
    static final String GLANCE = "admin/environments :: glance";
    static final String VERSIONS = "admin/environments :: versions";
    /** The components that define a release, shown in the row; the others are in its tooltip. */
    private static final List<String> MAIN = List.of("portal", "api", "db");

    /**
     * @param versions  component → image tag the settings record (what the last install or update put in place)
     * @param installed whether an install job ever succeeded
     * @param lastJob   {@code null} when no job ever ran
     */
    record Row(Environment environment, Map<String, String> versions, boolean installed, boolean maintenance, Job lastJob) {

        /** The three that define a release, for the row; the rest in the tooltip. */
        public String mainVersions() {
            return MAIN.stream().map(c -> c + " " + versions.get(c)).collect(Collectors.joining(" · "));
        }

        public String allVersions() {
            StringBuilder all = new StringBuilder();
            versions.forEach((component, version) -> all.append(all.isEmpty() ? "" : ", ").append(component).append(' ').append(version));
            return all.toString();
        }
    }

    private final Environments environments;
    private final VariableCatalogue variables;
    private final DeploymentRecords records;
    private final Jobs jobs;
    private final DashboardSnapshots snapshots;
    private final DashboardViews views;

    EnvironmentListController(Environments environments, VariableCatalogue variables, DeploymentRecords records, Jobs jobs,
                              DashboardSnapshots snapshots, DashboardViews views) {
        this.environments = environments;
        this.variables = variables;
        this.records = records;
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.views = views;
    }

    @GetMapping("/")
    String list(Model model) {
        model.addAttribute("rows", environments.list().stream().map(this::row).toList());
        return PAGE;
    }

    @GetMapping("/environments/{id}/glance")
    String glance(@PathVariable long id, Model model) {
        Environment environment = environments.get(id);
        Glance glance = views.glance(environment, snapshots.current(id));
        model.addAttribute("glance", glance);
        model.addAttribute("takenAt", When.utc(glance.takenAt()));
        model.addAttribute("readAgo", glance.takenAt() == null ? null : When.ago(glance.takenAt(), Instant.now()));
        return GLANCE;
    }

    /**
     * What the services run, from the same shared snapshot: the release's three components in the row (each with the
     * recorded version when it differs), every component in the tooltip, and how old the reading is. Before the first
     * reading, or when nothing was read, the recorded versions, said to be recorded.
     */
    @GetMapping("/environments/{id}/versions")
    String versions(@PathVariable long id, Model model) {
        Environment environment = environments.get(id);
        Optional<Snapshot> snapshot = snapshots.current(id);
        List<RunningVersion> running = snapshot.map(s -> views.runningVersions(environment, s)).orElse(List.of());
        model.addAttribute("row", row(environment));
        model.addAttribute("running", running.stream().filter(v -> MAIN.contains(v.component()))
                .sorted(Comparator.comparing(v -> MAIN.indexOf(v.component()))).toList());
        model.addAttribute("allRunning", running.stream().map(RunningVersion::toString).collect(Collectors.joining(", ")));
        model.addAttribute("differs", running.stream().anyMatch(RunningVersion::differs));
        model.addAttribute("readAgo", snapshot.map(s -> When.ago(s.takenAt(), Instant.now())).orElse(null));
        return VERSIONS;
    }

    private Row row(Environment environment) {
        long id = environment.id();
        Map<String, String> versions = new TreeMap<>();
        environment.clusters().stream().findFirst().map(cluster -> variables.effective(environment, cluster))
                .ifPresent(vars -> variables.defaultVersions().keySet().forEach(c -> versions.put(c, vars.version(c))));
        boolean installed = jobs.hasSucceeded(id, "install");
        List<Job> last = jobs.history(new JobQuery(id, null, null, 1));
        return new Row(environment, versions, installed, records.maintenance(id), last.isEmpty() ? null : last.get(0));
    }
}
