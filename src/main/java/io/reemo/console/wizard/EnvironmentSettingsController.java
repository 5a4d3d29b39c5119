package io.reemo.console.wizard;

import io.reemo.console.environment.CurrentEnvironment;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentDiffs;
import io.reemo.console.environment.EnvironmentDiffs.Rebase;
import io.reemo.console.environment.Environments;
import io.reemo.console.web.EnvironmentHeaders;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Settings tab of an installed environment: the wizard's pages edit a draft made from the stored environment
 * (secrets kept, never shown) at one revision, whose review shows the plan against the running platform and applies
 * it. Opening the tab changes nothing; the draft is made when the operator starts editing. A draft whose revision is
 * no longer the stored one shows what changed since on both sides, and is carried over before it can be applied.
 */
@Controller
class EnvironmentSettingsController {

    static final String PAGE = "wizard/environment-settings";

    private final EnvironmentHeaders headers;
    private final Environments environments;
    private final EnvironmentDiffs diffs;
    private final WizardDrafts drafts;

    EnvironmentSettingsController(EnvironmentHeaders headers, Environments environments, EnvironmentDiffs diffs,
                                  WizardDrafts drafts) {
        this.headers = headers;
        this.environments = environments;
        this.diffs = diffs;
        this.drafts = drafts;
    }

    @GetMapping("/environments/{id}/settings")
    String page(@PathVariable long id, Model model) {
        headers.open(model, id, "settings");
        CurrentEnvironment installed = environments.current(id);
        model.addAttribute("revision", installed.revision());
        model.addAttribute("pages", Arrays.stream(WizardPage.values()).filter(p -> p != WizardPage.TOPOLOGY).toList());
        Optional<Draft> draft = drafts.editing(id);
        if (draft.isPresent()) {
            Rebase rebase = rebase(draft.get(), installed);
            model.addAttribute("draft", draft.get());
            model.addAttribute("rebase", rebase);
            model.addAttribute("stale", isStale(draft.get(), installed));
        }
        return PAGE;
    }

    /** Starts editing: the draft is made now, from the revision stored now. */
    @PostMapping("/environments/{id}/settings/edit")
    String edit(@PathVariable long id) {
        Draft draft = drafts.editing(id).orElseGet(() -> drafts.edit(environments.current(id)));
        return "redirect:" + draft.path(draft.lastPage());
    }

    /**
     * Carries the draft's changes over the stored revision: a field the operator changed that nobody else changed takes
     * the operator's value; one that both changed keeps the stored value, and the page lists it.
     */
    @PostMapping("/environments/{id}/settings/rebase")
    String rebase(@PathVariable long id, RedirectAttributes flash) {
        CurrentEnvironment installed = environments.current(id);
        drafts.editing(id).filter(d -> isStale(d, installed)).ifPresent(draft -> {
            Rebase rebase = rebase(draft, installed);
            drafts.rebase(draft, rebase.merged(), installed.revision());
            flash.addFlashAttribute("carried", rebase);
        });
        return "redirect:/environments/" + id + "/settings";
    }

    private Rebase rebase(Draft draft, CurrentEnvironment installed) {
        Environment base = draft.baseRevision() == null ? installed.environment()
                : environments.environmentAt(installed.environment().id(), draft.baseRevision());
        return diffs.rebase(base, draft.environment(), installed.environment());
    }

    /** Drafts made before the console kept revisions have none: they count as made from the stored one. */
    static boolean isStale(Draft draft, CurrentEnvironment installed) {
        return draft.baseRevision() != null && draft.baseRevision() != installed.revision();
    }
}
