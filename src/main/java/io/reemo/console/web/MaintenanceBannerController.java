package io.reemo.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The maintenance banner as a fragment: the frame polls it so that a toggle made elsewhere shows on every open
 * page, and pages outside the frame (a job's view, the settings) load it by environment id.
 */
@Controller
class MaintenanceBannerController {

    private final EnvironmentHeaders headers;

    MaintenanceBannerController(EnvironmentHeaders headers) {
        this.headers = headers;
    }

    @GetMapping("/environments/{id}/banner")
    String banner(@PathVariable long id, Model model) {
        model.addAttribute("header", headers.of(id));
        return "fragments/environment-frame :: banner";
    }
}
