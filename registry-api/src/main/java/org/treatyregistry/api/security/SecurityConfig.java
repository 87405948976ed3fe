package org.treatyregistry.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;
import java.util.stream.Collectors;


/**
 * Who may do what. Nothing but health, the login page and its assets is open. API clients use HTTP Basic (or a feed
 * token for calendar feeds) and get problem details on refusal; people use the login form (or the identity provider
 * when one is configured), with CSRF protection on everything their browser sends.
 */
@Configuration
public class SecurityConfig {

    private static final String[] EVERYONE = {"DESK", "AUDITOR", "LIAISON", "ADMIN"};

    @Bean
    public PasswordEncoder passwordEncoder() {
        // bcrypt, with the {id} prefix that lets the algorithm be changed later without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Replaces Boot's default provider for the same accounts: see VerifiedPasswords for why. */
    @Bean
    public org.springframework.security.authentication.AuthenticationProvider accountAuthentication(UserAccounts accounts, PasswordEncoder passwords) {
        return new VerifiedPasswords(accounts, passwords);
    }

    @Bean
    public SecurityFilterChain registrySecurity(HttpSecurity http, FeedTokens tokens, ObjectMapper json,
                                                ObjectProvider<ClientRegistrationRepository> oidc,
                                                OidcRoles oidcRoles) throws Exception {
        // machine-readable addresses answer 401 problem details; pages send a person to the sign-in form
        RequestMatcher api = request -> {
            String path = request.getRequestURI();
            return path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator/");
        };
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/api/account/**", "/account/**", "/logout").authenticated()
                        .anyRequest().access(passwordChanged(roleRules())))
                .httpBasic(b -> b.realmName("Treaty Registry").authenticationEntryPoint((request, response, e) -> unauthenticated(json, response, e)))
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((request, response, ex) -> unauthenticated(json, response, ex), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .accessDeniedHandler((request, response, ex) -> {
                            Authentication who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                            if ((who == null || who instanceof AnonymousAuthenticationToken) && api.matches(request)) {
                                response.setHeader("WWW-Authenticate", "Basic realm=\"Treaty Registry\"");
                                ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                        "sign in: HTTP Basic with a registry account, or a feed token for a calendar feed");
                                return;
                            }
                            if (ex instanceof CsrfException) {
                                ProblemResponses.write(json, response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                                        "a write from a signed-in browser must carry the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value");
                                return;
                            }
                            boolean expired = hasAuthority(who, UserAccounts.PASSWORD_EXPIRED);
                            if (expired && !api.matches(request)) {
                                response.sendRedirect("/account/password");
                                return;
                            }
                            ProblemResponses.write(json, response, HttpStatus.FORBIDDEN, expired ? "PASSWORD_CHANGE_REQUIRED" : "FORBIDDEN",
                                    expired ? "change the generated password first: POST /api/account/password"
                                            : "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
                        }))
                // browsers send cookies by themselves: their writes must carry the CSRF token; API clients that send
                // their credentials explicitly (Authorization header) are not exposed to CSRF
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new FeedTokenFilter(tokens), BasicAuthenticationFilter.class)
                // tokens are made lazily; the pages' scripts read the cookie, so make it on every response
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.userAuthoritiesMapper(oidcRoles)));
        }
        return http.build();
    }

    /**
     * 401, unless the credentials could not be checked at all (the accounts' database is unreachable): that is the
     * registry's failure, 503, and the client should retry rather than doubt its password.
     */
    private static void unauthenticated(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
        if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
            ProblemResponses.write(json, response, HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                    "the registry cannot check credentials now (its database cannot be reached); nothing was recorded; retry shortly");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Treaty Registry\"");
        ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "sign in: HTTP Basic with a registry account, or a feed token for a calendar feed");
    }

    /** An address the firewall refuses (encoded dots or slashes, ..) is answered as problem details too. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> ProblemResponses.write(json, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "the address is not allowed (" + e.getMessage() + ")");
    }

    /** The role each part of the registry needs. */
    private static AuthorizationManager<RequestAuthorizationContext> roleRules() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String method = request.getMethod();
            Set<String> roles = roles(authentication.get());
            boolean read = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
            boolean allowed;
            if (path.endsWith(".ics") && read && roles.contains(FeedTokenFilter.FEED)) {
                allowed = true;
            } else if (path.startsWith("/api/admin/")) {
                allowed = roles.contains("ADMIN");
            } else if (path.startsWith("/api/audit/") || path.endsWith("/audit-pack")) {
                allowed = read && (roles.contains("AUDITOR") || roles.contains("ADMIN"));
            } else if (path.startsWith("/api/reminders/")) {
                allowed = roles.contains("DESK") || roles.contains("ADMIN");
            } else if (!read) {
                allowed = roles.contains("DESK") || roles.contains("ADMIN");
            } else if (liaisonMayRead(path)) {
                allowed = anyOf(roles, EVERYONE);
            } else {
                allowed = roles.contains("DESK") || roles.contains("AUDITOR") || roles.contains("ADMIN");
            }
            return new AuthorizationDecision(allowed);
        };
    }

    /** Calendars and exports, and the pages that show them. */
    private static boolean liaisonMayRead(String path) {
        return path.matches("/api(/states/[^/]+)?/calendar(\\.(ics|csv|json))?") || path.matches("/api(/states/[^/]+)?/(ratifications|history)\\.(csv|json)")
                || path.equals("/api/catalogue") || path.equals("/") || path.matches("/states/[^/]+/calendar")
                || path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs");
    }

    /** A user holding a generated password may do nothing else until it is changed. */
    private static AuthorizationManager<RequestAuthorizationContext> passwordChanged(AuthorizationManager<RequestAuthorizationContext> then) {
        return (authentication, context) -> {
            Authentication a = authentication.get();
            if (a == null || !a.isAuthenticated() || "anonymousUser".equals(a.getPrincipal())) {
                return new AuthorizationDecision(false);
            }
            if (hasAuthority(a, UserAccounts.PASSWORD_EXPIRED)) {
                return new AuthorizationDecision(false);
            }
            return then.check(authentication, context);
        };
    }

    private static Set<String> roles(Authentication authentication) {
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }

    private static boolean anyOf(Set<String> roles, String... wanted) {
        for (String w : wanted) {
            if (roles.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasAuthority(Authentication a, String authority) {
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals(authority));
    }
}
