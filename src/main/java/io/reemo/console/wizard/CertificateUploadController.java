package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.pki.CertificateCheck;
import io.reemo.console.pki.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Traefik certificate upload of the Certificates page: checked at once (key matches, chain, expiry, names cover
 * PORTAL_URL); when usable, kept by {@link UploadedCertificates} (the key sealed) and set as the cluster's TRAEFIK_SSL_CERTS.
 */
@Controller
class CertificateUploadController {

    private final WizardDrafts drafts;
    private final VariableCatalogue catalogue;
    private final UploadedCertificates uploads;

    CertificateUploadController(WizardDrafts drafts, VariableCatalogue catalogue, UploadedCertificates uploads) {
        this.drafts = drafts;
        this.catalogue = catalogue;
        this.uploads = uploads;
    }

    @PostMapping("/wizard/{id}/certificates/upload")
    String upload(@PathVariable long id, @RequestParam String group, @RequestParam(required = false) MultipartFile certificate,
                  @RequestParam(required = false) MultipartFile key, RedirectAttributes flash) throws IOException {
        Draft draft = drafts.require(id);
        Environment environment = draft.environment();
        var cluster = environment.cluster(group).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "The setup has no cluster " + group + "."));
        String certificatePem = text(certificate);
        String keyPem = text(key);
        List<String> names = catalogue.effective(environment, cluster).text("PORTAL_URL").map(List::of).orElse(List.of());
        List<Finding> findings = new CertificateCheck().checkCertificate(certificatePem, keyPem, null, names);
        flash.addFlashAttribute("certificateFindings", findings);
        if (!Finding.hasErrors(findings)) {
            Map<String, Object> pair = uploads.store(id, group, certificatePem, keyPem);
            Site site = new Site(group);
            Environment changed = site.set(site.set(environment, "TRAEFIK_SSL_CERTS", List.of(pair)), "TRAEFIK_CERT_MODE", "uploaded");
            drafts.save(draft.with(changed));
        }
        return "redirect:/wizard/" + id + "/certificates";
    }

    private static String text(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
    }

}
