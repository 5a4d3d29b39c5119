package io.reemo.console.security.directory;

import io.reemo.console.security.AuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The directory page (admins, by its route rule): where the LDAP / Active Directory sign-in is set, and a trial
 * sign-in that shows what the console finds for a user (entry, groups, role) without signing them in.
 */
@Controller
class DirectoryPageController {

    static final String PAGE = "directory/directory";
    private static final String FORM = PAGE + " :: directory";
    private static final String TRIAL = PAGE + " :: trial";

    private final DirectoryStore store;
    private final Directory directory;
    private final AuditLog audit;

    DirectoryPageController(DirectoryStore store, Directory directory, AuditLog audit) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/directory")
    String page(Model model) {
        DirectorySettings stored = store.load();
        return show(stored, stored, List.of(), null, model);
    }

    /** Each input is named after its setting; an unticked checkbox sends nothing, so {@code enabled} is then false. */
    @PostMapping("/directory")
    String save(@RequestParam Map<String, String> form, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        DirectorySettings asked = new DirectorySettings("true".equals(form.get("enabled")), form.get("url"), form.get("baseDn"),
                form.get("userSearchBase"), form.get("userSearchFilter"), form.get("bindDn"), form.get("bindPassword"),
                form.get("groupSearchBase"), form.get("groupSearchFilter"), form.get("adminGroup"), form.get("operatorGroup"),
                form.get("viewerGroup"));
        DirectoryStore.Result result = store.save(asked);
        if (result.saved().isPresent()) {
            model.addAttribute("done", result.saved().get().enabled()
                    ? "Saved: directory users sign in from now on. Local users still do, always."
                    : "Saved, switched off: only local users sign in.");
        }
        return result.saved().map(saved -> show(saved, saved, List.of(), htmx, model))
                .orElseGet(() -> show(asked, store.load(), result.problems(), htmx, model));
    }

    /**
     * A sign-in against the saved settings, switched on or not, that changes nothing and signs nobody in; audited, as
     * it checks someone's password.
     */
    @PostMapping("/directory/try")
    String trial(@RequestParam(required = false) String username, @RequestParam(required = false) String password, Model model) {
        String name = username == null ? "" : username.strip();
        model.addAttribute("trialUser", name);
        audit.record("directory.try", "user " + name, null);
        try {
            model.addAttribute("found", directory.signIn(store.load(), name, password));
        } catch (AuthenticationException e) {
            model.addAttribute("trialError", e.getMessage());
        }
        return TRIAL;
    }

    /**
     * @param shown  what the form shows: as stored, or as the refused form asked
     * @param stored as stored, for whether a bind password is kept
     */
    private String show(DirectorySettings shown, DirectorySettings stored, List<String> problems, String htmx, Model model) {
        model.addAttribute("settings", shown);
        model.addAttribute("passwordStored", !stored.bindPassword().isEmpty());
        model.addAttribute("problems", problems);
        return htmx != null ? FORM : PAGE;
    }
}
