package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.security.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The image archive of image mode offline, uploaded on the Registry page (of the wizard, and of an installed
 * environment's Settings): the file is the request's body, streamed to {@link ImageArchives} as it arrives, and
 * becomes the draft's REGISTRY_IMAGE_ARCHIVE. A PUT of the bare file rather than a multipart form: nothing reads the
 * body before the route's role check and this method (a multipart body is parsed, and its file written to a temporary
 * folder, as soon as anything asks for a form parameter), the file is written once, where it stays, with its SHA-256
 * computed on the way, and the size limit is this upload's own rather than every form's. The answer is the page's
 * REGISTRY_IMAGE_ARCHIVE field, with what was kept or why nothing was.
 */
@Controller
class ImageArchiveUploadController {

    /** The file's name on the sender's machine, URI-encoded: only shown and audited, never a path. */
    static final String NAME_HEADER = "X-Archive-Name";

    private final WizardDrafts drafts;
    private final ImageArchives archives;
    private final SettingsForm settings;
    private final WizardFrame frame;
    private final AuditLog audit;

    ImageArchiveUploadController(WizardDrafts drafts, ImageArchives archives, SettingsForm settings, WizardFrame frame, AuditLog audit) {
        this.drafts = drafts;
        this.archives = archives;
        this.settings = settings;
        this.frame = frame;
        this.audit = audit;
    }

    @PutMapping("/wizard/{id}/registry/archive")
    String upload(@PathVariable long id, @RequestHeader(name = NAME_HEADER, required = false) String encodedName,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Draft draft = drafts.require(id);
        String name = shownName(encodedName);
        try {
            archives.receive(request.getInputStream(), request.getContentLengthLong(), kept -> {
                audit.record("wizard.image-archive-upload", draft.auditTarget(), "setup draft " + id + ": " + name + ", "
                        + kept.size() + " bytes, SHA-256 " + kept.sha256() + ", kept as " + kept.path());
                drafts.save(draft.with(Site.ALL.set(draft.environment(), ImageArchives.VARIABLE, kept.path().toString())));
            });
            model.addAttribute("archiveName", name);
        } catch (ImageArchives.Refused refused) {
            response.setStatus(refused.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("archiveError", refused.getMessage());
        } catch (IOException e) {
            response.setStatus(HttpStatus.INSUFFICIENT_STORAGE.value());
            model.addAttribute("archiveError", "The archive could not be kept (" + e.getMessage() + "): nothing was changed;"
                    + " check the free space of the console's data folder and upload it again.");
        }
        return field(drafts.require(id), model);
    }

    /** The page's REGISTRY_IMAGE_ARCHIVE field as it is now, for htmx to put in place of the one that sent the file. */
    private String field(Draft draft, Model model) {
        WizardField field = settings.fields(WizardPage.REGISTRY_PAGE, draft.environment(), frame.problems(draft)).stream()
                .filter(f -> f.variable().name().equals(ImageArchives.VARIABLE)).findFirst().orElseThrow();
        model.addAttribute("draft", draft);
        model.addAttribute("page", WizardPage.REGISTRY_PAGE);
        model.addAttribute("field", field);
        describe(model, archives, draft.environment());
        return "wizard/settings :: field";
    }

    /** What the REGISTRY_IMAGE_ARCHIVE field shows besides its path: the archive uploaded there, the size limit. */
    static void describe(Model model, ImageArchives archives, Environment environment) {
        Object path = Site.ALL.get(environment, ImageArchives.VARIABLE);
        model.addAttribute("imageArchive", archives.describe(path == null ? null : path.toString()).orElse(null));
        model.addAttribute("maxArchiveBytes", archives.maxBytes());
        model.addAttribute("maxArchiveSize", archives.maxSizeText());
    }

    /** At most 200 printable characters; "the uploaded file" when the sender gave none. */
    private static String shownName(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return "the uploaded file";
        }
        String name;
        try {
            name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            name = encoded;
        }
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > 200 ? name.substring(0, 200) + "…" : name;
    }
}
