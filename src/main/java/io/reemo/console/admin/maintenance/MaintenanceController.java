package io.reemo.console.admin.maintenance;

import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.MaintenanceParameters;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.JobQuery;
import io.reemo.console.job.Jobs;
import io.reemo.console.web.EnvironmentHeader;
import io.reemo.console.web.EnvironmentHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The maintenance toggle: one confirmed click runs the maintenance job, whose live view follows. */
@Controller
class MaintenanceController {

    static final String PAGE = "admin/maintenance";
    private static final int HISTORY = 10;

    private final EnvironmentHeaders headers;
    private final JobLauncher launcher;
    private final Jobs jobs;

    MaintenanceController(EnvironmentHeaders headers, JobLauncher launcher, Jobs jobs) {
        this.headers = headers;
        this.launcher = launcher;
        this.jobs = jobs;
    }

    @GetMapping("/environments/{id}/maintenance")
    String page(@PathVariable long id, Model model) {
        headers.open(model, id, "maintenance");
        model.addAttribute("history", jobs.history(new JobQuery(id, null, "maintenance", HISTORY)));
        return PAGE;
    }

    /** {@code enable} is what the operator asked for; the confirmation was given in the page's dialog. */
    @PostMapping("/environments/{id}/maintenance")
    String toggle(@PathVariable long id, @RequestParam boolean enable, Authentication user, Model model) {
        try {
            Job job = launcher.start(id, new MaintenanceParameters(enable), user);
            return "redirect:/jobs/" + job.id();
        } catch (JobConflictException e) {
            EnvironmentHeader header = headers.open(model, id, "maintenance");
            model.addAttribute("history", jobs.history(new JobQuery(header.id(), null, "maintenance", HISTORY)));
            model.addAttribute("refusal", e.getMessage());
            model.addAttribute("blockingJobId", e.blockingJobId());
            return PAGE;
        }
    }
}
