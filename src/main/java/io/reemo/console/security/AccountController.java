package io.reemo.console.security;

import java.security.Principal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own password: changed here, and first of all when the console made it up. */
@Controller
class AccountController {

    static final String PAGE = "account/password";

    private final Passwords passwords;

    AccountController(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/account/password")
    String page(Principal user, Model model) {
        model.addAttribute("required", passwords.changeRequired(user.getName()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return PAGE;
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String repeatPassword, Principal user, Model model, RedirectAttributes flash) {
        Optional<String> refusal = password != null && password.equals(repeatPassword)
                ? passwords.change(user.getName(), currentPassword, password)
                : Optional.of("repeatPassword: type the new password twice, the same both times.");
        if (refusal.isPresent()) {
            model.addAttribute("refusal", refusal.get());
            return page(user, model);
        }
        flash.addFlashAttribute("passwordChanged", true);
        return "redirect:/account/password";
    }
}
