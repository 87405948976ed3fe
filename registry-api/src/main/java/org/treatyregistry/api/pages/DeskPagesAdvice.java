package org.treatyregistry.api.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.treatyregistry.core.shared.RegistryException;

import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * For the desk's pages only: the words helper, a strict content security policy (every script and style is served
 * by the registry itself), and errors as a page rather than problem details.
 */
@ControllerAdvice(assignableTypes = DeskPagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DeskPagesAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(DeskPagesAdvice.class);
    private static final Words WORDS = new Words();

    @ModelAttribute
    public void common(Model model, HttpServletResponse response) {
        model.addAttribute("w", WORDS);
        secure(response);
    }

    @ExceptionHandler(RegistryException.class)
    public ModelAndView refused(RegistryException e, HttpServletResponse response) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
        return error(response, status, e.getMessage());
    }

    @ExceptionHandler(CompletionException.class)
    public ModelAndView failed(CompletionException e, HttpServletResponse response) {
        if (e.getCause() instanceof RegistryException r) {
            return refused(r, response);
        }
        LOG.error("a page could not be rendered", e);
        return error(response, 500, "The registry could not read this page's data.");
    }

    private static ModelAndView error(HttpServletResponse response, int status, String message) {
        secure(response);
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error-page", Map.of("w", WORDS, "message", message, "status", status,
                "state", "KAZ", "active", ""));
        view.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        return view;
    }

    private static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
