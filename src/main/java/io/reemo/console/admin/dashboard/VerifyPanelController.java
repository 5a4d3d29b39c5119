package io.reemo.console.admin.dashboard;

import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.JobParametersException;
import io.reemo.console.deploy.VerifyParameters;
import io.reemo.console.deploy.VerifyResults;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's "Proof that the platform serves" panel: the last verify (a {@code verify} job or the last step of an
 * install, update or maintenance) with its age and the lines that failed, polled as a fragment of its own; and
 * "Verify now", which starts a {@code verify} job and follows it.
 */
@Controller
class VerifyPanelController {

    static final String PANEL = "admin/verify-panel :: panel";

    private final VerifyResults results;
    private final JobLauncher launcher;

    VerifyPanelController(VerifyResults results, JobLauncher launcher) {
        this.results = results;
        this.launcher = launcher;
    }

    @GetMapping("/environments/{id}/dashboard/verify")
    String panel(@PathVariable long id, Model model) {
        model.addAttribute("environmentId", id);
        results.last(id).ifPresent(result -> {
            model.addAttribute("result", result);
            model.addAttribute("at", When.utc(result.at()));
            model.addAttribute("age", When.ago(result.at(), Instant.now()));
        });
        return PANEL;
    }

    /** A refusal (another job changes the environment, no nodes) comes back to the dashboard, said in the panel. */
    @PostMapping("/environments/{id}/verify")
    String verify(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        try {
            Job job = launcher.start(id, new VerifyParameters(), user);
            return "redirect:/jobs/" + job.id();
        } catch (JobConflictException | JobParametersException e) {
            flash.addFlashAttribute("verifyRefusal", e.getMessage());
            return "redirect:/environments/" + id;
        }
    }
}
