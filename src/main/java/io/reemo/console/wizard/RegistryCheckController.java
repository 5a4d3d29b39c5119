package io.reemo.console.wizard;

import io.reemo.console.environment.EffectiveVariables.RegistryLogin;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.node.NodeChecks;
import io.reemo.console.registry.RegistryClient;
import io.reemo.console.registry.RegistryClients;
import io.reemo.console.registry.RegistryException;
import io.reemo.console.registry.RepositoryTags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Registry page's checks: "Test login" logs in from the console and from every node, and lists the tags each
 * image has; the versions inputs offer those tags (loaded with the page, refreshed by the test).
 */
@Controller
class RegistryCheckController {

    /** Tags shown per image in the table: the newest ones, which are the ones worth choosing. */
    private static final int TAGS_SHOWN = 6;

    private final WizardDrafts drafts;
    private final SettingsForm settings;
    private final VariableCatalogue catalogue;
    private final NodeChecks nodeChecks;
    private final RegistryClients clients;
    private final Environments environments;

    RegistryCheckController(WizardDrafts drafts, SettingsForm settings, VariableCatalogue catalogue, NodeChecks nodeChecks,
                            RegistryClients clients, Environments environments) {
        this.environments = environments;
        this.drafts = drafts;
        this.settings = settings;
        this.catalogue = catalogue;
        this.nodeChecks = nodeChecks;
        this.clients = clients;
    }

    /** @param tags every tag, oldest first, or none with why they could not be read */
    public record ImageTags(String variable, String repository, String selected, List<String> tags, String error) {

        public List<String> newest() {
            return tags.subList(Math.max(0, tags.size() - TAGS_SHOWN), tags.size());
        }

        /** Newest first, as the versions inputs offer them. */
        public List<String> offered() {
            List<String> newestFirst = new ArrayList<>(tags);
            Collections.reverse(newestFirst);
            return newestFirst;
        }
    }

    @PostMapping("/wizard/{id}/registry/test")
    String test(@PathVariable long id, @RequestParam Map<String, String> form,
                @RequestParam(required = false) String registryCaCert, Model model) {
        Draft draft = draft(id);
        Environment edited = settings.apply(WizardPage.REGISTRY_PAGE, draft.environment(), form);
        Optional<String> refusal = storedPasswordElsewhere(draft, edited, registryCaCert);
        if (refusal.isPresent()) {
            model.addAttribute("loginError", refusal.get());
            model.addAttribute("nodeLogins", List.of());
            return "wizard/registry :: result";
        }
        Environment environment = drafts.save(draft.with(edited)).environment();
        EffectiveVariables vars = vars(environment);
        try {
            RegistryClient client = client(vars, registryCaCert);
            client.checkLogin();
            model.addAttribute("loginOk", "Logged in to " + client.uri() + " as " + vars.text("REGISTRY_USERNAME").orElse("anonymous") + ".");
            model.addAttribute("images", tags(client, vars));
        } catch (RegistryException | IllegalArgumentException e) {
            model.addAttribute("loginError", e.getMessage());
        }
        model.addAttribute("nodeLogins", nodeChecks.registryLogin(environment.nodes(), vars));
        return "wizard/registry :: result";
    }

    /** The tags the versions inputs offer, read with the saved registry settings when the page opens. */
    @GetMapping("/wizard/{id}/registry/tags")
    String offeredTags(@PathVariable long id, Model model) {
        Draft draft = draft(id);
        Optional<String> refusal = storedPasswordElsewhere(draft, draft.environment(), null);
        if (refusal.isPresent()) {
            model.addAttribute("tagsError", refusal.get());
            return "wizard/registry :: tags";
        }
        EffectiveVariables vars = vars(draft.environment());
        try {
            RegistryClient client = client(vars, null);
            client.checkLogin();
            model.addAttribute("images", tags(client, vars));
        } catch (RegistryException | IllegalArgumentException e) {
            model.addAttribute("tagsError", e.getMessage());
        }
        return "wizard/registry :: tags";
    }

    /**
     * Why a test would send a stored registry password where it was not stored for, if it would: the password
     * typed with a registry goes to that registry and, with a CA the caller pastes, only when typed again. A
     * Settings draft's password is the installed environment's; a new setup's is the one saved in the draft.
     */
    private Optional<String> storedPasswordElsewhere(Draft draft, Environment edited, String caCertificate) {
        RegistryLogin wanted = vars(edited).registryLogin();
        RegistryLogin stored = vars(draft.editsInstalled() ? environments.get(draft.environment().id()) : draft.environment())
                .registryLogin();
        if (stored.password() == null || !stored.password().equals(wanted.password())) {
            return Optional.empty();
        }
        if (!stored.registry().equals(wanted.registry())) {
            return Optional.of("REGISTRY_PASSWORD: type the password again to log in to " + wanted.registry()
                    + "; the stored one is only sent to " + stored.registry() + ", the registry it was saved for.");
        }
        if (caCertificate != null && !caCertificate.isBlank() && draft.editsInstalled()) {
            return Optional.of("REGISTRY_PASSWORD: type the password again to test with a CA certificate pasted here;"
                    + " the stored one is only sent to a registry the console trusts without it.");
        }
        return Optional.empty();
    }

    private RegistryClient client(EffectiveVariables vars, String caCertificate) {
        RegistryLogin login = vars.registryLogin();
        return clients.open(login.registry(), login.username(), login.password(), caCertificate);
    }

    private EffectiveVariables vars(Environment environment) {
        return catalogue.effective(environment, environment.clusters().get(0));
    }

    private List<ImageTags> tags(RegistryClient client, EffectiveVariables vars) {
        String prefix = vars.text("REGISTRY_ENV").orElse("");
        List<String> components = catalogue.defaultVersions().keySet().stream().sorted().toList();
        RepositoryTags read = client.tagsOf(components.stream().map(component -> prefix + component).toList());
        return components.stream().map(component -> new ImageTags(VariableCatalogue.versionVariable(component),
                prefix + component, vars.version(component), read.of(prefix + component), read.problem(prefix + component))).toList();
    }

    private Draft draft(long id) {
        return drafts.require(id);
    }
}
