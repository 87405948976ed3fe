package org.treatyregistry.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.treatyregistry.core.shared.RegistryException;

import java.security.Principal;
import java.util.List;
import java.util.Set;

/** The signed-in user's own account: who am I, change my password, my calendar feed tokens. */
@RestController
@Tag(name = "Account")
public class AccountController {

    public record Me(String username, Set<Role> roles, boolean mustChangePassword) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record TokenRequest(String label) {
    }

    private final UserAccounts accounts;
    private final FeedTokens tokens;

    public AccountController(UserAccounts accounts, FeedTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/api/account")
    @Operation(summary = "Who is signed in, with which roles")
    public Me me(Principal user) {
        UserAccounts.Account account = accounts.find(user.getName()).orElseThrow(() -> RegistryException.notFound("USER_NOT_FOUND", null,
                "the account " + user.getName() + " is not a registry account (signed in through the identity provider)"));
        return new Me(account.username(), account.roles(), account.mustChangePassword());
    }

    @PostMapping("/api/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my password (required after the generated first password)")
    public void changePassword(@RequestBody PasswordChange change, Principal user) {
        accounts.changePassword(user.getName(), change.currentPassword(), change.newPassword());
    }

    @PostMapping("/api/account/feed-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a token for calendar subscriptions: add ?token=... to a .ics URL; shown only this once")
    public FeedTokens.Issued issue(@RequestBody(required = false) TokenRequest request, Principal user) {
        return tokens.issue(user.getName(), request == null ? null : request.label());
    }

    @GetMapping("/api/account/feed-tokens")
    @Operation(summary = "My feed tokens (without the secrets)")
    public List<FeedTokens.Listed> tokens(Principal user) {
        return tokens.list(user.getName());
    }

    @DeleteMapping("/api/account/feed-tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a feed token: subscriptions using it stop at once")
    public void revoke(@PathVariable String id, Principal user) {
        tokens.revoke(user.getName(), id);
    }
}
