package org.treatyregistry.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Set;

/**
 * On the first start of an empty registry, creates the administrator. With no configured password, it generates one,
 * prints it once, and requires a change at first use. It runs once every bean is ready and before the web server
 * starts, so that no request (a client that waits for the health endpoint) arrives before the account exists.
 */
@Component
public class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserAccounts accounts;
    private final SecurityProperties properties;

    public AdminBootstrap(UserAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!accounts.isEmpty()) {
            return;
        }
        String configured = properties.initialAdminPassword();
        if (configured != null && !configured.isBlank()) {
            accounts.create("admin", configured, Set.of(Role.ADMIN, Role.DESK, Role.AUDITOR, Role.LIAISON), false);
            LOG.info("created the administrator 'admin' with the configured password");
            return;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        accounts.create("admin", password.toString(), Set.of(Role.ADMIN, Role.DESK, Role.AUDITOR, Role.LIAISON), true);
        // printed once, on the console of the first start: it is not stored anywhere in clear
        System.out.println("""

                ==================================================================
                 Treaty Registry: first start. Administrator account created:
                   user:     admin
                   password: %s
                 Sign in at /login; you will be asked to change this password.
                ==================================================================
                """.formatted(password));
        LOG.warn("created the administrator 'admin' with a generated password (printed on the console); it must be changed at first sign-in");
    }
}
