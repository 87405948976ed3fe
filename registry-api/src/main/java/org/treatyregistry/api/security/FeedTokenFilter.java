package org.treatyregistry.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Authenticates a calendar feed request ({@code GET ... .ics?token=...}) as the token's owner, with the one authority
 * FEED: a token opens calendar feeds and nothing else, and only for this request.
 */
public class FeedTokenFilter extends OncePerRequestFilter {

    public static final String FEED = "FEED";

    private final FeedTokens tokens;

    public FeedTokenFilter(FeedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getParameter("token");
        if (token != null && "GET".equals(request.getMethod()) && request.getRequestURI().endsWith(".ics")
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            tokens.owner(token).ifPresent(owner -> SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(owner, null, List.of(new SimpleGrantedAuthority(FEED)))));
        }
        chain.doFilter(request, response);
    }
}
