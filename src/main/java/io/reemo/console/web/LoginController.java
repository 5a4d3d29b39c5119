package io.reemo.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the home page "/" is the list of environments (admin.dashboard). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
