package io.reemo.console.system;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Console certificate page (admins, by its route rule): what the console's HTTPS serves, an upload of the
 * administrator's certificate, and the way back to the console's own. Each change answers with a redirect, so that a
 * reload does not send the files again.
 */
@Controller
class ConsoleCertificatePageController {

    private static final String PAGE = "/console-certificate";

    private final ConsoleCertificateSettings settings;

    ConsoleCertificatePageController(ConsoleCertificateSettings settings) {
        this.settings = settings;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("served", settings.current());
        model.addAttribute("maxKiB", CertificateUpload.MAX_BYTES / 1024);
        model.addAttribute("auditAction", ConsoleCertificateSettings.AUDIT_ACTION);
        return "system/console-certificate";
    }

    @PostMapping(PAGE)
    String upload(@RequestParam(name = CertificateUpload.CERTIFICATE, required = false) MultipartFile certificate,
                  @RequestParam(name = CertificateUpload.KEY, required = false) MultipartFile key,
                  @RequestParam(name = CertificateUpload.PKCS12, required = false) MultipartFile pkcs12,
                  @RequestParam(name = CertificateUpload.PASSWORD, required = false) String password, RedirectAttributes flash) {
        try {
            ConsoleCertificateSettings.Uploaded uploaded = settings.upload(certificate, key, pkcs12, password);
            if (uploaded.served().isPresent()) {
                flash.addFlashAttribute("done", "Served from now on, and after a restart: " + uploaded.served().get().subject()
                        + ". Browsers that already trust the console's own certificate warn once about this one, unless a"
                        + " CA they trust issued it.");
                flash.addFlashAttribute("warnings", uploaded.warnings());
            } else {
                flash.addFlashAttribute("problems", uploaded.errors());
            }
        } catch (CertificateFixedException e) {
            flash.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/own")
    String useOwn(RedirectAttributes flash) {
        try {
            settings.useOwn();
            flash.addFlashAttribute("done", "The console's own certificate is served again; the uploaded one is forgotten.");
        } catch (CertificateFixedException e) {
            flash.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        return "redirect:" + PAGE;
    }
}
