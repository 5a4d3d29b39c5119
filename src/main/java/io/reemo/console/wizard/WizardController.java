package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.LicenseSummary;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.Topology;
import io.reemo.console.inventory.InventoryImporter;
import io.reemo.console.job.JobQuery;
import io.reemo.console.job.Jobs;
import io.reemo.console.security.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The setup wizard: topology or import, the settings pages, review and install. */
@Controller
class WizardController {

    private final WizardDrafts drafts;
    private final SettingsForm settings;
    private final WizardFrame frame;
    private final InventoryImporter importer;
    private final Environments environments;
    private final Jobs jobs;
    private final JsonMapper json;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final UploadedCertificates uploads;
    private final ImageArchives archives;

    WizardController(WizardDrafts drafts, SettingsForm settings, WizardFrame frame, InventoryImporter importer,
                     Environments environments, Jobs jobs, JsonMapper json, AuditLog audit, TransactionTemplate tx,
                     UploadedCertificates uploads, ImageArchives archives) {
        this.uploads = uploads;
        this.archives = archives;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
        this.drafts = drafts;
        this.settings = settings;
        this.frame = frame;
        this.importer = importer;
        this.environments = environments;
        this.json = json;
    }

    @GetMapping("/wizard")
    String start(Model model) {
        model.addAttribute("drafts", drafts.list());
        model.addAttribute("pages", WizardPage.values());
        model.addAttribute("page", WizardPage.TOPOLOGY);
        return "wizard/start";
    }

    /** The home page's list of setups in progress, loaded into it by htmx. */
    @GetMapping("/wizard/drafts")
    String draftList(Model model) {
        model.addAttribute("drafts", drafts.list());
        return "wizard/drafts :: list";
    }

    @PostMapping("/wizard")
    String create(@RequestParam String name, @RequestParam Topology topology) {
        Draft draft = drafts.create(DraftShapes.empty(name.strip(), topology), List.of());
        return "redirect:/wizard/" + draft.id() + "/nodes";
    }

    @PostMapping("/wizard/import")
    String importInventory(@RequestParam String name, @RequestParam(required = false) String inventory,
                           @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        String yaml = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : inventory;
        if (yaml == null || yaml.isBlank()) {
            return startWithImportError(model, List.of("Paste an inventory.yml or choose its file."));
        }
        InventoryImporter.Result result = importer.read(yaml, name.strip());
        if (result.environment() == null) {
            return startWithImportError(model, result.problems().stream().map(p -> lineOf(p) + p.message()).toList());
        }
        Draft draft = drafts.create(result.environment(), result.problems());
        return "redirect:/wizard/" + draft.id() + "/nodes";
    }

    private String startWithImportError(Model model, List<String> errors) {
        model.addAttribute("importErrors", errors);
        return start(model);
    }

    private static String lineOf(Problem problem) {
        return problem.line() == null ? "" : "line " + problem.line() + ": ";
    }

    @GetMapping("/wizard/{id}/{slug:license|registry|database|portals|certificates|options}")
    String settingsPage(@PathVariable long id, @PathVariable String slug, Model model) {
        Draft draft = draft(id);
        WizardPage page = WizardPage.of(slug).orElseThrow();
        List<Problem> problems = frame.problems(draft);
        List<WizardField> fields = settings.fields(page, draft.environment(), problems);
        model.addAttribute("sections", fields.stream().collect(Collectors.groupingBy(
                WizardField::block, LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("pageProblems", frame.of(page, problems).stream()
                .filter(p -> fields.stream().noneMatch(f -> f.problems().contains(p))).toList());
        if (page == WizardPage.LICENSE_PAGE) {
            model.addAttribute("licenseKeys", licenseKeys(draft));
        }
        if (page == WizardPage.REGISTRY_PAGE) {
            ImageArchiveUploadController.describe(model, archives, draft.environment());
        }
        return frame.render(model, draft, page, problems, "wizard/settings");
    }

    /** The license's field names when it reads well; the validator says beside the field what is wrong otherwise. */
    private List<String> licenseKeys(Draft draft) {
        Object license = draft.environment().vars().get("API_LICENSE");
        if (license == null) {
            return null;
        }
        try {
            return LicenseSummary.read(String.valueOf(license), json).keys();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    @PostMapping("/wizard/{id}/{slug:license|registry|database|portals|certificates|options}")
    String saveSettings(@PathVariable long id, @PathVariable String slug, @RequestParam Map<String, String> form,
                        @RequestParam(defaultValue = "next") String go) {
        Draft draft = draft(id);
        WizardPage page = WizardPage.of(slug).orElseThrow();
        drafts.save(draft.with(settings.apply(page, draft.environment(), form)));
        return move(id, page, go);
    }

    /** Checks one input as it is left: saves the page and answers with that input's findings. */
    @PostMapping("/wizard/{id}/{slug}/check/{input}")
    String checkField(@PathVariable long id, @PathVariable String slug, @PathVariable String input,
                      @RequestParam Map<String, String> form, Model model) {
        Draft draft = draft(id);
        WizardPage page = WizardPage.of(slug).filter(WizardPage::settings).orElseThrow(() -> notFound("page " + slug));
        Draft saved = drafts.save(draft.with(settings.apply(page, draft.environment(), form)));
        WizardField field = settings.fields(page, saved.environment(), frame.problems(saved)).stream()
                .filter(f -> f.inputName().equals(input)).findFirst().orElseThrow(() -> notFound("input " + input));
        model.addAttribute("field", field);
        return "wizard/settings :: findings";
    }

    @PostMapping("/wizard/{id}/topology")
    String rename(@PathVariable long id, @RequestParam String name, @RequestParam(defaultValue = "next") String go) {
        Draft draft = draft(id);
        Environment e = draft.environment();
        drafts.save(draft.with(new Environment(e.id(), name.strip(), e.topology(), e.vars(), e.clusters())));
        return move(id, WizardPage.TOPOLOGY, go);
    }

    @GetMapping("/wizard/{id}/topology")
    String topology(@PathVariable long id, Model model) {
        Draft draft = draft(id);
        List<Problem> problems = frame.problems(draft);
        model.addAttribute("pageProblems", frame.of(WizardPage.TOPOLOGY, problems));
        return frame.render(model, draft, WizardPage.TOPOLOGY, problems, "wizard/topology");
    }

    /**
     * Forgets the setup, and the environment its connection tests stored (nothing was installed from it). Settings
     * changes of an installed environment are forgotten; the environment stays as it is.
     */
    /**
     * Discards a draft. A new setup's draft is stored as an environment from its first facts test on; that environment
     * goes with it, unless an install was ever started on it (through the API, say) or a job still runs: then it holds
     * servers and its internal CA, and only the draft goes.
     */
    @PostMapping("/wizard/{id}/delete")
    String discard(@PathVariable long id, RedirectAttributes flash) {
        Draft draft = draft(id);
        Long environmentId = draft.environment().id();
        boolean environmentGoes = !draft.editsInstalled() && environmentId != null
                && jobs.history(new JobQuery(environmentId, null, "install", 1)).isEmpty() && !jobs.anyUnfinished(environmentId);
        // The record goes first and in the deletions' transaction: nothing is deleted unaudited.
        tx.executeWithoutResult(status -> {
            audit.record("wizard.draft-discard", draft.auditTarget(),
                    "setup draft " + id + (environmentGoes ? "; its environment deleted with it" : ""));
            drafts.delete(id);
            if (environmentGoes) {
                environments.delete(environmentId);
            }
        });
        uploads.removeUnused();
        if (draft.editsInstalled()) {
            return "redirect:/environments/" + environmentId + "/settings";
        }
        if (environmentId != null && !environmentGoes) {
            flash.addFlashAttribute("draftDiscarded", "The setup draft was discarded. Environment "
                    + draft.environment().name() + " stays: an install ran on it or a job still does.");
        }
        return "redirect:/";
    }

    private Draft draft(long id) {
        return drafts.require(id);
    }

    /** Where a page's buttons lead; that page becomes the one "Resume" returns to. */
    private String move(long id, WizardPage page, String go) {
        WizardPage target = switch (go) {
            case "back" -> page.previous().orElse(page);
            case "stay" -> page;
            default -> page.next().orElse(page);
        };
        drafts.visited(id, target);
        return "redirect:/wizard/" + id + "/" + target.slug();
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no " + what + " in the wizard.");
    }
}
