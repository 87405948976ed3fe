package org.treatyregistry.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param initialAdminPassword the first administrator's password; when empty, one is generated, printed once at the
 *                             first start, and must be changed at first use
 * @param oidcDefaultRoles     roles of a user who signs in through the identity provider and has none in the claim
 * @param oidcRolesClaim       the claim that lists a user's registry roles (DESK, AUDITOR, LIAISON, ADMIN)
 */
@ConfigurationProperties("registry.security")
public record SecurityProperties(String initialAdminPassword, List<Role> oidcDefaultRoles, String oidcRolesClaim) {
}
