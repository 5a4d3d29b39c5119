package io.reemo.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String HOME = "home/index";

    @GetMapping("/")
    String home() {
        return HOME;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
