package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.web.EnvironmentHeaders;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Settings tab of an installed environment: the wizard's pages edit a draft seeded from the stored environment
 * (secrets kept, never shown), whose review shows the plan against the running platform and applies it.
 */
@Controller
class EnvironmentSettingsController {

    static final String PAGE = "wizard/environment-settings";

    private final EnvironmentHeaders headers;
    private final Environments environments;
    private final WizardDrafts drafts;

    EnvironmentSettingsController(EnvironmentHeaders headers, Environments environments, WizardDrafts drafts) {
        this.headers = headers;
        this.environments = environments;
        this.drafts = drafts;
    }

    /** Opens the environment's settings draft, made from the stored environment the first time. */
    @GetMapping("/environments/{id}/settings")
    String page(@PathVariable long id, Model model) {
        headers.open(model, id, "settings");
        Environment installed = environments.get(id);
        Draft draft = drafts.editing(id).orElseGet(() -> drafts.edit(installed));
        model.addAttribute("draft", draft);
        model.addAttribute("changed", !draft.environment().equals(installed));
        model.addAttribute("pages", Arrays.stream(WizardPage.values()).filter(p -> p != WizardPage.TOPOLOGY).toList());
        return PAGE;
    }
}
