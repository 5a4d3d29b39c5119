package io.reemo.console.admin.updates;

import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.FailedVersion;
import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.JobParametersException;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.deploy.PlanService;
import io.reemo.console.deploy.UpdateParameters;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.node.NodeException;
import io.reemo.console.web.EnvironmentHeaders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An update of picked versions: the real plan first (what the Swarm would change, in the mandatory order), then,
 * once confirmed, the update job, whose live view follows. A picked version that failed here before is said with
 * why, and runs again only with the confirmation's "try it again" box ticked.
 */
@Controller
class UpdatePlanController {

    static final String PAGE = "admin/update-plan";

    private final EnvironmentHeaders headers;
    private final Environments environments;
    private final VersionRows versionRows;
    private final RegistryTags registry;
    private final PlanService plans;
    private final JobLauncher launcher;
    private final FailedVersions failedVersions;

    UpdatePlanController(EnvironmentHeaders headers, Environments environments, VersionRows versionRows,
                         RegistryTags registry, PlanService plans, JobLauncher launcher, FailedVersions failedVersions) {
        this.headers = headers;
        this.environments = environments;
        this.versionRows = versionRows;
        this.registry = registry;
        this.plans = plans;
        this.launcher = launcher;
        this.failedVersions = failedVersions;
    }

    /** @param version picks {@code <tag>:<version>}, e.g. {@code api:2.14.0} */
    @GetMapping("/environments/{id}/updates/plan")
    String plan(@PathVariable long id, @RequestParam(name = "version", required = false) List<String> version, Model model) {
        return show(id, check(id, version), null, model);
    }

    /**
     * {@code confirmDowntime}: the ticked box of the confirmation, needed when MySQL is updated; {@code retryFailed}:
     * the one needed for a version that failed here before.
     */
    @PostMapping("/environments/{id}/updates")
    String run(@PathVariable long id, @RequestParam(name = "version", required = false) List<String> version,
               @RequestParam(defaultValue = "false") boolean confirmDowntime, @RequestParam(defaultValue = "false") boolean retryFailed,
               Authentication user, Model model) {
        Checked checked = check(id, version);
        UpdateSelection selection = checked.selection();
        if (!checked.problems().isEmpty()) {
            return show(id, checked, null, model);
        }
        if (selection.interruptsService() && !confirmDowntime) {
            return show(id, checked, "Updating MySQL stops the service while MySQL restarts: tick \"I accept the "
                    + "downtime\" in the confirmation to go ahead.", model);
        }
        if (!checked.failures().isEmpty() && !retryFailed) {
            return show(id, checked, String.join(", ", checked.failures().stream().map(f -> f.subject() + " " + f.version()).toList())
                    + " failed here before: tick \"Try it again\" in the confirmation to go ahead.", model);
        }
        try {
            Job job = launcher.start(id, new UpdateParameters(selection.tags(), selection.versions(checked.rows()), confirmDowntime,
                    retryFailed), user);
            return "redirect:/jobs/" + job.id();
        } catch (JobConflictException e) {
            model.addAttribute("blockingJobId", e.blockingJobId());
            return show(id, checked, e.getMessage(), model);
        } catch (JobParametersException e) {
            return show(id, checked, String.join(" ", e.problems().stream().map(ParameterProblem::message).toList()), model);
        }
    }

    /**
     * The picks against the versions table and the registry.
     *
     * @param problems        what makes the picks impossible, each said with what to do
     * @param registryProblem why the versions could not be checked against the registry, or {@code null}
     * @param failures        the picked versions that failed here before
     */
    private record Checked(List<VersionRow> rows, UpdateSelection selection, List<String> problems, String registryProblem,
                           List<FailedVersion> failures) {
    }

    private Checked check(long id, List<String> picks) {
        Environment environment = environments.get(id);
        List<VersionRow> rows = versionRows.of(environment);
        UpdateSelection selection = UpdateSelection.parse(picks, rows);
        if (!selection.problems().isEmpty()) {
            return new Checked(rows, selection, selection.problems(), null, List.of());
        }
        TagLookup lookup = registry.lookup(environment, rows.stream().filter(r -> selection.targets().containsKey(r.tag())).toList());
        List<String> problems = new ArrayList<>();
        selection.targets().forEach((tag, target) -> {
            if (lookup.lacks(tag, target)) {
                problems.add(tag + ": the registry has no version " + target + " of "
                        + VersionRows.find(rows, tag).orElseThrow().repository() + "; pick one from the table.");
            }
        });
        List<FailedVersion> failures = selection.versions(rows).entrySet().stream()
                .flatMap(pick -> failedVersions.find(id, pick.getKey(), pick.getValue()).stream()).toList();
        return new Checked(rows, selection, problems, lookup.registryProblem(), failures);
    }

    /** The plan page; {@code refusal} says why a confirmed update did not start. */
    private String show(long id, Checked checked, String refusal, Model model) {
        headers.open(model, id, "updates");
        model.addAttribute("selection", checked.selection());
        model.addAttribute("problems", checked.problems());
        model.addAttribute("registryProblem", checked.registryProblem());
        model.addAttribute("refusal", refusal);
        model.addAttribute("failures", checked.failures());
        if (checked.problems().isEmpty()) {
            UpdateSelection selection = checked.selection();
            try {
                model.addAttribute("plan", UpdatePlan.of(selection, checked.rows(),
                        plans.updatePlan(id, selection.tags(), selection.versions(checked.rows()))));
            } catch (NodeException | DeployException e) {
                model.addAttribute("planProblem", e.getMessage());
            }
        }
        return PAGE;
    }
}
