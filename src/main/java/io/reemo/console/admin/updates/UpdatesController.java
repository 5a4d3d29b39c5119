package io.reemo.console.admin.updates;

import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.web.EnvironmentHeaders;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Updates tab: the versions table (with the versions that failed here, and why) and the history of updates. The
 * registry can be slow or down, so the page comes at once and the newer tags follow as a fragment.
 */
@Controller
class UpdatesController {

    static final String PAGE = "admin/updates";
    static final String VERSIONS = PAGE + " :: versions";

    private final EnvironmentHeaders headers;
    private final Environments environments;
    private final VersionRows versionRows;
    private final RegistryTags registry;
    private final UpdateHistory history;
    private final FailedVersions failedVersions;

    UpdatesController(EnvironmentHeaders headers, Environments environments, VersionRows versionRows,
                      RegistryTags registry, UpdateHistory history, FailedVersions failedVersions) {
        this.headers = headers;
        this.environments = environments;
        this.versionRows = versionRows;
        this.registry = registry;
        this.history = history;
        this.failedVersions = failedVersions;
    }

    @GetMapping("/environments/{id}/updates")
    String page(@PathVariable long id, Model model) {
        headers.open(model, id, "updates");
        List<VersionRow> rows = versionRows.of(environments.get(id));
        model.addAttribute("rows", rows);
        model.addAttribute("failed", new FailedVersionMarks(failedVersions.of(id)));
        model.addAttribute("history", history.of(id, rows));
        return PAGE;
    }

    /** The table again, with what the registry holds: asked for by the page once it is shown. */
    @GetMapping("/environments/{id}/updates/versions")
    String versions(@PathVariable long id, Model model) {
        model.addAttribute("header", headers.of(id));
        Environment environment = environments.get(id);
        List<VersionRow> rows = versionRows.of(environment);
        model.addAttribute("rows", rows);
        model.addAttribute("failed", new FailedVersionMarks(failedVersions.of(id)));
        model.addAttribute("lookup", registry.lookup(environment, rows));
        return VERSIONS;
    }
}
