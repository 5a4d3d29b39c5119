package io.reemo.console.admin.dashboard;

import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.DriftService;
import io.reemo.console.deploy.InstallParameters;
import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.environment.InvalidEnvironmentException;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.StaleRevisionException;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.Jobs;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's panel of what runs compared with the recorded configuration, and its two ways out: restore the
 * recorded configuration (an install without INIT_DB, as Settings Apply runs it) or accept what runs (a revision).
 * Both are for administrators, refused before anything runs or is saved.
 */
@Controller
class DriftPanelController {

    static final String PANEL = "admin/dashboard-drift :: drift";

    private final DriftReadings readings;
    private final DriftService drift;
    private final JobLauncher launcher;
    private final Jobs jobs;

    DriftPanelController(DriftReadings readings, DriftService drift, JobLauncher launcher, Jobs jobs) {
        this.readings = readings;
        this.drift = drift;
        this.launcher = launcher;
        this.jobs = jobs;
    }

    @GetMapping("/environments/{id}/dashboard/drift")
    String panel(@PathVariable long id, Authentication user, Model model) {
        DriftReadings.Reading reading = readings.current(id);
        model.addAttribute("environmentId", id);
        model.addAttribute("reading", reading);
        model.addAttribute("readAt", When.utc(reading.at()));
        model.addAttribute("readAgo", When.ago(reading.at(), Instant.now()));
        model.addAttribute("mayResolve", DriftService.mayResolve(user));
        model.addAttribute("installed", installed(id));
        return PANEL;
    }

    /** Runs the recorded configuration again: the install job without INIT_DB. */
    @PostMapping("/environments/{id}/drift/restore")
    String restore(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        if (!DriftService.mayResolve(user)) {
            throw new AccessDeniedException("Only administrators may restore the recorded configuration.");
        }
        if (!installed(id)) {
            flash.addFlashAttribute("driftRefusal", "Not started: this environment was never installed; its first install"
                    + " initialises the database (INIT_DB), which a restore never does.");
            return "redirect:/environments/" + id;
        }
        try {
            Job job = launcher.start(id, new InstallParameters(false, false), user);
            return "redirect:/jobs/" + job.id();
        } catch (JobConflictException e) {
            flash.addFlashAttribute("driftRefusal", "Not started: " + e.getMessage());
            return "redirect:/environments/" + id;
        }
    }

    /** Before the first install there is nothing to restore or accept: that install, with INIT_DB, creates it all. */
    private boolean installed(long environmentId) {
        return jobs.hasSucceeded(environmentId, "install");
    }

    @PostMapping("/environments/{id}/drift/accept")
    String accept(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("driftAccepted", drift.accept(id, user));
        } catch (JobConflictException | DeployException | StaleRevisionException e) {
            flash.addFlashAttribute("driftRefusal", "Nothing was recorded: " + e.getMessage());
        } catch (InvalidEnvironmentException e) {
            flash.addFlashAttribute("driftRefusal", "Nothing was recorded: what runs is no valid setting ("
                    + e.problems().stream().filter(Problem::isError).map(Problem::message).collect(Collectors.joining("; ")) + ").");
        }
        return "redirect:/environments/" + id;
    }
}
