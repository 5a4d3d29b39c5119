package io.reemo.console.web;

import io.reemo.console.environment.Environments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String HOME = "home/index";

    private final Environments environments;

    HomeController(Environments environments) {
        this.environments = environments;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("environments", environments.list());
        return HOME;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
