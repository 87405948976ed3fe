package org.treatyregistry.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** User management, for administrators. */
@RestController
@Tag(name = "Administration")
public class UserAdminController {

    /** @param mustChangePassword the user must choose a new password at first sign-in (default true) */
    public record NewUser(String username, String password, Set<Role> roles, Boolean mustChangePassword) {
    }

    public record Roles(Set<Role> roles) {
    }

    private final UserAccounts accounts;

    public UserAdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/admin/users")
    @Operation(summary = "Every account, with its roles")
    public List<UserAccounts.Account> users() {
        return accounts.list();
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account with roles DESK, AUDITOR, LIAISON and/or ADMIN")
    public UserAccounts.Account create(@RequestBody NewUser user) {
        accounts.create(user.username(), user.password(), user.roles() == null ? Set.of() : user.roles(),
                user.mustChangePassword() == null || user.mustChangePassword());
        return accounts.find(user.username()).orElseThrow();
    }

    @PutMapping("/api/admin/users/{username}/roles")
    @Operation(summary = "Replace an account's roles")
    public UserAccounts.Account roles(@PathVariable String username, @RequestBody Roles roles) {
        accounts.setRoles(username, roles.roles() == null ? Set.of() : roles.roles());
        return accounts.find(username).orElseThrow();
    }

    @PostMapping("/api/admin/users/{username}/disable")
    @Operation(summary = "Disable an account (it can no longer sign in; its history stays)")
    public UserAccounts.Account disable(@PathVariable String username) {
        accounts.setEnabled(username, false);
        return accounts.find(username).orElseThrow();
    }
}
