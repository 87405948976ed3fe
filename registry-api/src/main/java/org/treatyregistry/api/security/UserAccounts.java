package org.treatyregistry.api.security;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.treatyregistry.core.shared.RegistryException;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The registry's own accounts, with BCrypt password hashes. */
@Repository
public class UserAccounts implements UserDetailsService {

    /** Granted to a user who must change a generated password before anything else. */
    public static final String PASSWORD_EXPIRED = "PASSWORD_EXPIRED";

    public record Account(String username, Set<Role> roles, boolean mustChangePassword, boolean enabled) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.query("SELECT username, password_hash, roles, must_change_password, enabled FROM app_user WHERE username = ?",
                (rs, i) -> {
                    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
                    for (Role role : roles(rs.getString("roles"))) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
                    }
                    if (rs.getBoolean("must_change_password")) {
                        authorities.add(new SimpleGrantedAuthority(PASSWORD_EXPIRED));
                    }
                    return User.withUsername(rs.getString("username")).password(rs.getString("password_hash"))
                            .authorities(authorities).disabled(!rs.getBoolean("enabled")).build();
                }, username).stream().findFirst().orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public boolean isEmpty() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
        return count == null || count == 0;
    }

    public void create(String username, String password, Set<Role> roles, boolean mustChangePassword) {
        validateUsername(username);
        validatePassword(password, "password");
        if (roles.isEmpty()) {
            throw RegistryException.invalid("MISSING_FIELD", "roles", "a user needs at least one role: " + Arrays.toString(Role.values()));
        }
        try {
            jdbc.update("INSERT INTO app_user (username, password_hash, roles, must_change_password, enabled, created_at) VALUES (?, ?, ?, ?, TRUE, ?)",
                    username, passwords.encode(password), text(roles), mustChangePassword, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw RegistryException.conflict("USER_EXISTS", "username", "a user called '" + username + "' exists already");
        }
    }

    public List<Account> list() {
        return jdbc.query("SELECT username, roles, must_change_password, enabled FROM app_user ORDER BY username",
                (rs, i) -> new Account(rs.getString(1), roles(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4)));
    }

    public Optional<Account> find(String username) {
        return list().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    public void changePassword(String username, String current, String replacement) {
        String hash = jdbc.query("SELECT password_hash FROM app_user WHERE username = ?", (rs, i) -> rs.getString(1), username)
                .stream().findFirst().orElseThrow(() -> RegistryException.notFound("USER_NOT_FOUND", "username", "no user " + username));
        if (current == null || !passwords.matches(current, hash)) {
            throw RegistryException.invalid("WRONG_PASSWORD", "currentPassword", "the current password is not right");
        }
        validatePassword(replacement, "newPassword");
        if (passwords.matches(replacement, hash)) {
            throw RegistryException.invalid("PASSWORD_UNCHANGED", "newPassword", "choose a password different from the current one");
        }
        jdbc.update("UPDATE app_user SET password_hash = ?, must_change_password = FALSE WHERE username = ?",
                passwords.encode(replacement), username);
    }

    public void setRoles(String username, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw RegistryException.invalid("MISSING_FIELD", "roles", "a user needs at least one role");
        }
        if (jdbc.update("UPDATE app_user SET roles = ? WHERE username = ?", text(roles), username) == 0) {
            throw RegistryException.notFound("USER_NOT_FOUND", "username", "no user " + username);
        }
    }

    public void setEnabled(String username, boolean enabled) {
        if (jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username) == 0) {
            throw RegistryException.notFound("USER_NOT_FOUND", "username", "no user " + username);
        }
    }

    private static void validateUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw RegistryException.invalid("INVALID_USERNAME", "username", "a username is 2 to 100 letters, digits or . _ @ -");
        }
    }

    static void validatePassword(String password, String field) {
        if (password == null || password.length() < 12 || password.length() > 128) {
            throw RegistryException.invalid("WEAK_PASSWORD", field, "a password is 12 to 128 characters long");
        }
    }

    private static String text(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String text) {
        return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).collect(Collectors.toSet());
    }
}
