package io.reemo.console.wizard;

import io.reemo.console.deploy.AdoptParameters;
import io.reemo.console.deploy.InstallParameters;
import io.reemo.console.deploy.JobParameters;
import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.JobParametersException;
import io.reemo.console.deploy.PlanService;
import io.reemo.console.environment.DuplicateEnvironmentNameException;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.StaleRevisionException;
import io.reemo.console.inventory.InventoryExporter;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.Jobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The last page: what is missing or wrong, the inventory and the plan; then Install (a new setup, with INIT_DB once),
 * Adopt (a new setup over a Swarm that already runs Reemo Infra without the console, never INIT_DB) or Apply (Settings
 * of an installed environment, never INIT_DB).
 */
@Controller
class ReviewController {

    static final String PAGE = "wizard/review";
    static final String PLAN = "wizard/review :: plan";

    private final WizardDrafts drafts;
    private final WizardFrame frame;
    private final InventoryExporter exporter;
    private final Environments environments;
    private final PlanService plans;
    private final JobLauncher launcher;
    private final Jobs jobs;
    private final UploadedCertificates uploads;

    ReviewController(WizardDrafts drafts, WizardFrame frame, InventoryExporter exporter, Environments environments,
                     PlanService plans, JobLauncher launcher, Jobs jobs, UploadedCertificates uploads) {
        this.uploads = uploads;
        this.drafts = drafts;
        this.frame = frame;
        this.exporter = exporter;
        this.environments = environments;
        this.plans = plans;
        this.launcher = launcher;
        this.jobs = jobs;
    }

    @GetMapping("/wizard/{id}/review")
    String review(@PathVariable long id, Model model) {
        Draft draft = draft(id);
        List<Problem> problems = frame.problems(draft);
        Map<WizardPage, List<Problem>> byPage = new LinkedHashMap<>();
        for (WizardPage page : WizardPage.values()) {
            List<Problem> mine = frame.of(page, problems);
            if (!mine.isEmpty()) {
                byPage.put(page, mine);
            }
        }
        model.addAttribute("problemsByPage", byPage);
        model.addAttribute("blocked", problems.stream().anyMatch(Problem::isError));
        model.addAttribute("inventory", exporter.export(draft.environment(), false));
        return frame.render(model, draft, WizardPage.REVIEW, problems, PAGE);
    }

    /** The plan, loaded into the review by htmx: it reads each cluster's Swarm over SSH, which takes a moment. */
    @GetMapping("/wizard/{id}/plan")
    String plan(@PathVariable long id, Model model) {
        Draft draft = draft(id);
        model.addAttribute("draft", draft);
        if (frame.problems(draft).stream().anyMatch(Problem::isError)) {
            model.addAttribute("planBlocked", true);
        } else {
            PlanService.Plan plan = plans.plan(draft.environment());
            model.addAttribute("plan", plan);
            if (!draft.editsInstalled()) {
                plan.adoption().ifPresent(adoption -> model.addAttribute("adoption", adoption));
            }
        }
        return PLAN;
    }

    @PostMapping("/wizard/{id}/install")
    String install(@PathVariable long id, @RequestParam(defaultValue = "false") boolean installDocker,
                   Authentication user, Model model) {
        Draft draft = draft(id);
        if (draft.editsInstalled()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "This draft edits an installed environment: it is applied, not installed.");
        }
        draft = drafts.save(draft.withInstallDocker(installDocker));
        return launch(draft, new InstallParameters(true, installDocker), user, model);
    }

    /**
     * A new setup over a Swarm that already runs Reemo Infra: saves the environment and adopts the platform, as it runs
     * or converging to these settings. Never INIT_DB.
     */
    @PostMapping("/wizard/{id}/adopt")
    String adopt(@PathVariable long id, @RequestParam(defaultValue = "false") boolean converge, Authentication user, Model model) {
        Draft draft = draft(id);
        if (draft.editsInstalled()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "This draft edits an installed environment: it is applied, not adopted.");
        }
        return launch(draft, new AdoptParameters(converge, List.of()), user, model);
    }

    /**
     * Saves the edited environment over the installed one and runs the install job without INIT_DB. Refused before
     * saving while another job changes the environment, and when the environment changed since the draft was made
     * (the Settings tab then shows both sides and carries the draft over).
     */
    @PostMapping("/wizard/{id}/apply")
    String apply(@PathVariable long id, Authentication user, Model model) {
        Draft draft = draft(id);
        if (!draft.editsInstalled()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A new setup is installed, not applied.");
        }
        return launch(draft, new InstallParameters(false, false), user, model);
    }

    /** The job's own checks come before the save: a refused install leaves the stored environment as it was. */
    private String launch(Draft draft, JobParameters parameters, Authentication user, Model model) {
        if (frame.problems(draft).stream().anyMatch(Problem::isError)) {
            return review(draft.id(), model);
        }
        try {
            launcher.check(draft.environment(), parameters, user);
        } catch (JobParametersException | AccessDeniedException e) {
            return notStarted(draft, e, model);
        }
        if (parameters instanceof InstallParameters install && install.initDb() && runsAlready(draft)) {
            model.addAttribute("installError", "Not started: this Swarm already runs Reemo Infra installed without the console."
                    + " Adopt it (as it runs, or converging): an install would initialise a database that holds the platform's data.");
            return review(draft.id(), model);
        }
        Environment saved;
        try {
            if (draft.editsInstalled()) {
                jobs.requireIdle(draft.environment().id(), "Settings are applied once it ended");
            }
            saved = environments.save(draft.environment(), edit(draft, user));
        } catch (JobConflictException e) {
            return notStarted(draft, e, model);
        } catch (StaleRevisionException e) {
            return "redirect:/environments/" + draft.environment().id() + "/settings";
        } catch (DuplicateEnvironmentNameException e) {
            model.addAttribute("installError", "An environment named " + draft.environment().name()
                    + " already exists: choose another name on the Topology page.");
            return review(draft.id(), model);
        }
        try {
            Job job = launcher.start(saved.id(), parameters, user);
            drafts.delete(draft.id());
            uploads.removeUnused(); // the files of a certificate this draft replaced
            return "redirect:/jobs/" + job.id();
        } catch (JobConflictException | JobParametersException | AccessDeniedException e) {
            return notStarted(draft, e, model);
        }
    }

    /** Whether the nodes' Swarm runs services of the catalogue without the console: a platform to adopt, not install. */
    private boolean runsAlready(Draft draft) {
        return plans.plan(draft.environment()).adoption().isPresent();
    }

    private static Edit edit(Draft draft, Authentication user) {
        if (!draft.editsInstalled()) {
            return Edit.of(RevisionCause.WIZARD, user.getName());
        }
        Edit settings = Edit.of(RevisionCause.SETTINGS, user.getName());
        return draft.baseRevision() == null ? settings : settings.basedOn(draft.baseRevision());
    }

    private String notStarted(Draft draft, RuntimeException refusal, Model model) {
        model.addAttribute("installError", "Not started: " + refusal.getMessage());
        return review(draft.id(), model);
    }

    private Draft draft(long id) {
        return drafts.require(id);
    }
}
