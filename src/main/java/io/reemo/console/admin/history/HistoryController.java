package io.reemo.console.admin.history;

import io.reemo.console.environment.Environments;
import io.reemo.console.web.EnvironmentHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The History tab: every revision of the environment, newest first, with who, when, why and what changed. */
@Controller
class HistoryController {

    private final EnvironmentHeaders headers;
    private final Environments environments;

    HistoryController(EnvironmentHeaders headers, Environments environments) {
        this.headers = headers;
        this.environments = environments;
    }

    @GetMapping("/environments/{id}/history")
    String history(@PathVariable long id, Model model) {
        headers.open(model, id, "history");
        model.addAttribute("revisions", environments.revisions(id));
        return "admin/history";
    }
}
