package io.reemo.console.security.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Directory", description = "LDAP / Active Directory sign-in and its group → role mapping (admin)")
class DirectoryController {

    private final DirectoryStore store;

    DirectoryController(DirectoryStore store) {
        this.store = store;
    }

    /** The settings as the API shows them: the bind password only said to be set. */
    record DirectoryView(boolean enabled, String url, String baseDn, String userSearchBase, String userSearchFilter, String bindDn,
                         boolean bindPasswordSet, String groupSearchBase, String groupSearchFilter, String adminGroup,
                         String operatorGroup, String viewerGroup) {

        static DirectoryView of(DirectorySettings s) {
            return new DirectoryView(s.enabled(), s.url(), s.baseDn(), s.userSearchBase(), s.userSearchFilter(), s.bindDn(),
                    !s.bindPassword().isEmpty(), s.groupSearchBase(), s.groupSearchFilter(), s.adminGroup(), s.operatorGroup(),
                    s.viewerGroup());
        }
    }

    @GetMapping
    @Operation(summary = "The directory settings (admin); the bind password is never shown, only whether it is set")
    DirectoryView get() {
        return DirectoryView.of(store.load());
    }

    @PutMapping
    @Operation(summary = "Set the directory (admin): {\"enabled\", \"url\": \"ldaps://host:636\", \"baseDn\", \"userSearchBase\","
            + " \"userSearchFilter\": \"(uid={0})\", \"bindDn\", \"bindPassword\", \"groupSearchBase\", \"groupSearchFilter\":"
            + " \"(member={0})\", \"adminGroup\", \"operatorGroup\", \"viewerGroup\"}. An empty bindPassword keeps the stored one"
            + " while url and bindDn stay the same. Group names are compared without case; the first of admin, operator,"
            + " viewer a user is in gives the role. Local users always sign in with their own password. Audited.")
    DirectoryView put(@RequestBody DirectorySettings asked) {
        DirectoryStore.Result result = store.save(asked);
        return result.saved().map(DirectoryView::of).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", result.problems())));
    }
}
