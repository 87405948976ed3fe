package org.treatyregistry.api.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.treatyregistry.core.shared.RegistryException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** The sign-in page and the page where a user changes a password (required after the generated first one). */
@Controller
public class SignInPages {

    private final UserAccounts accounts;

    public SignInPages(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/account/password")
    public String passwordForm(Principal user, Model model) {
        model.addAttribute("username", user.getName());
        return "account-password";
    }

    @PostMapping("/account/password")
    public String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                                 @RequestParam String confirmPassword, Principal user, Model model,
                                 HttpServletRequest request) throws ServletException {
        model.addAttribute("username", user.getName());
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "The two new passwords are not the same.");
            model.addAttribute("errorField", "confirmPassword");
            return "account-password";
        }
        try {
            accounts.changePassword(user.getName(), currentPassword, newPassword);
        } catch (RegistryException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            return "account-password";
        }
        // the session still holds the old authorities: sign in again with the new password
        request.logout();
        return "redirect:/login?passwordChanged";
    }
}
