package org.treatyregistry.api.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Roles of a user who signs in through the ministry's identity provider: those listed in the configured claim
 * (registry.security.oidc-roles-claim), else the configured defaults. Unknown role names are ignored.
 */
@Component
public class OidcRoles implements GrantedAuthoritiesMapper {

    private final SecurityProperties properties;

    public OidcRoles(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>();
        String claim = properties.oidcRolesClaim() == null ? "roles" : properties.oidcRolesClaim();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc && oidc.getIdToken().getClaim(claim) instanceof List<?> names) {
                for (Object name : names) {
                    Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(String.valueOf(name)))
                            .forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
                }
            }
        }
        if (mapped.isEmpty() && properties.oidcDefaultRoles() != null) {
            properties.oidcDefaultRoles().forEach(r -> mapped.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        }
        return mapped;
    }
}
