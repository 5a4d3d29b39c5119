package io.reemo.console.wizard;

import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.registry.RegistryClient;
import io.reemo.console.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** "Test login" on the Registry page: logs in from the console and lists the tags each image has. */
@Controller
class RegistryCheckController {

    /** Tags shown per image: the newest ones, which are the ones worth choosing. */
    private static final int TAGS_SHOWN = 6;

    private final WizardDrafts drafts;
    private final SettingsForm settings;
    private final VariableCatalogue catalogue;

    RegistryCheckController(WizardDrafts drafts, SettingsForm settings, VariableCatalogue catalogue) {
        this.drafts = drafts;
        this.settings = settings;
        this.catalogue = catalogue;
    }

    /** @param tags the newest tags, or why they could not be read */
    public record ImageTags(String variable, String repository, String selected, List<String> tags, String error) {
    }

    @PostMapping("/wizard/{id}/registry/test")
    String test(@PathVariable long id, @RequestParam Map<String, String> form,
                @RequestParam(required = false) String registryCaCert, Model model) {
        Draft draft = drafts.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no setup " + id + "."));
        Environment environment = drafts.save(draft.with(settings.apply(WizardPage.REGISTRY_PAGE, draft.environment(), form))).environment();
        EffectiveVariables vars = catalogue.effective(environment, environment.clusters().get(0));
        try {
            RegistryClient client = new RegistryClient(vars.text("REGISTRY_URL").orElseThrow(),
                    vars.text("REGISTRY_USERNAME").orElse(null), vars.text("REGISTRY_PASSWORD").orElse(null),
                    registryCaCert == null || registryCaCert.isBlank() ? null : registryCaCert);
            client.checkLogin();
            model.addAttribute("loginOk", "Logged in to " + client.uri() + " as " + vars.text("REGISTRY_USERNAME").orElse("anonymous") + ".");
            model.addAttribute("images", tags(client, vars));
        } catch (RegistryException | IllegalArgumentException e) {
            model.addAttribute("loginError", e.getMessage());
        }
        return "wizard/registry :: result";
    }

    private List<ImageTags> tags(RegistryClient client, EffectiveVariables vars) {
        String prefix = vars.text("REGISTRY_ENV").orElse("");
        List<ImageTags> images = new ArrayList<>();
        for (String component : catalogue.defaultVersions().keySet().stream().sorted().toList()) {
            String variable = VariableCatalogue.versionVariable(component);
            String repository = prefix + component;
            try {
                List<String> all = client.tags(repository);
                images.add(new ImageTags(variable, repository, vars.version(component),
                        all.subList(Math.max(0, all.size() - TAGS_SHOWN), all.size()), null));
            } catch (RegistryException | IllegalArgumentException e) {
                images.add(new ImageTags(variable, repository, vars.version(component), List.of(), e.getMessage()));
            }
        }
        return images;
    }
}
