package org.treatyregistry.api.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.treatyregistry.api.recording.CommandBinder;
import org.treatyregistry.core.shared.RegistryError;
import org.treatyregistry.core.shared.RegistryException;

import java.net.URI;
import java.util.concurrent.CompletionException;

/**
 * Every refusal as RFC 9457 problem details: {@code errorCode} names the rule, {@code field} the field at fault.
 * 400 for invalid input, 404 for something the registry does not hold, 409 for a contradiction with what it holds.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(RegistryException.class)
    public ProblemDetail registry(RegistryException e) {
        return problem(e);
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail commandExecution(CommandExecutionException e) {
        return e.getDetails().filter(RegistryError.class::isInstance).map(RegistryError.class::cast)
                .map(d -> problem(RegistryException.fromDetails(d)))
                .orElseGet(() -> e.getCause() instanceof RegistryException r ? problem(r) : unexpected(e));
    }

    @ExceptionHandler(CompletionException.class)
    public ProblemDetail completion(CompletionException e) {
        if (e.getCause() instanceof RegistryException r) {
            return problem(r);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "nothing is recorded for " + e.getAggregateIdentifier()
                + (String.valueOf(e.getAggregateIdentifier()).startsWith("obligation:") ? ": a reporting obligation opens when the instrument's ratification is recorded with a known entry into force" : ""));
        p.setTitle("Not found");
        p.setType(URI.create("urn:treaty-registry:problem:NOT_FOUND"));
        p.setProperty("errorCode", "NOT_FOUND");
        return p;
    }

    @ExceptionHandler(MultipartException.class)
    public ProblemDetail multipart(MultipartException e) {
        return problem(RegistryException.invalid("MALFORMED_MULTIPART", null,
                "the multipart body cannot be read (no boundary, or cut off): send the file as the part named \"file\""));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(RegistryException.invalid("MISSING_FIELD", e.getRequestPartName(),
                "the upload has no part named \"" + e.getRequestPartName() + "\"")));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ProblemDetail versionConflict(ConflictingAggregateVersionException e) {
        String what = e.getAggregateIdentifier() == null ? "this record does not exist yet; it" : String.valueOf(e.getAggregateIdentifier());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, what + " is at version "
                + e.getActualVersion() + ", not " + e.getExpectedVersion() + ": someone changed it since you read it; read it again");
        p.setTitle("Version conflict");
        p.setType(URI.create("urn:treaty-registry:problem:VERSION_CONFLICT"));
        p.setProperty("errorCode", "VERSION_CONFLICT");
        p.setProperty("field", "If-Match");
        p.setProperty("expectedVersion", e.getExpectedVersion());
        p.setProperty("currentVersion", e.getActualVersion());
        return p;
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrency(ConcurrencyException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the record was changed by someone else at the same moment; read it again and retry");
        p.setTitle("Concurrent change");
        p.setType(URI.create("urn:treaty-registry:problem:CONCURRENT_CHANGE"));
        p.setProperty("errorCode", "CONCURRENT_CHANGE");
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RegistryException error;
        if (e.getCause() instanceof JsonMappingException m && m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Trailing token")) {
            error = RegistryException.invalid("MALFORMED_JSON", null, "the body holds more than one JSON value: " + m.getOriginalMessage());
        } else if (e.getCause() instanceof JsonMappingException m) {
            error = CommandBinder.translate(m);
        } else if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            error = RegistryException.invalid("MALFORMED_JSON", null, "the body is not valid JSON: " + j.getOriginalMessage());
        } else {
            error = RegistryException.invalid("MALFORMED_JSON", null, "the body is missing or not valid JSON");
        }
        return ResponseEntity.badRequest().body(problem(error));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(problem(RegistryException.invalid("INVALID_VALUE", name, "'" + e.getValue()
                + "' is not a valid " + name + (e.getRequiredType() != null ? " (" + e.getRequiredType().getSimpleName() + ")" : ""))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(RegistryException.invalid("MISSING_FIELD", e.getParameterName(),
                e.getParameterName() + " is required")));
    }

    /** Every other MVC refusal (415, 405, 406, 413, 404 of an unknown path) keeps its status and gains an error code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        ProblemDetail p = body instanceof ProblemDetail d ? d : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (p.getProperties() == null || !p.getProperties().containsKey("errorCode")) {
            HttpStatus known = HttpStatus.resolve(status.value());
            p.setProperty("errorCode", known == null ? "HTTP_" + status.value() : known.name());
        }
        return super.handleExceptionInternal(e, p, headers, status, request);
    }

    /** Anything else: the database gone (503, retry) or an unexpected failure (500), still as problem details. */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpectedFailure(Exception e, HttpServletResponse response) throws Exception {
        if (response != null && response.isCommitted()) {
            // a download already under way cannot turn into a problem: rethrown, the failure reaches the container,
            // which drops the connection before the last chunk, so the client sees the answer cut, not complete
            LOG.error("a streamed answer failed after it had started; dropping the connection", e);
            throw e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                LOG.warn("database unavailable: {}", t.toString());
                ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "the registry's database cannot be reached; nothing was recorded; retry shortly");
                p.setType(URI.create("urn:treaty-registry:problem:DATABASE_UNAVAILABLE"));
                p.setProperty("errorCode", "DATABASE_UNAVAILABLE");
                return p;
            }
        }
        return unexpected(e);
    }

    static ProblemDetail problem(RegistryException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle(title(e.errorCode()));
        p.setType(URI.create("urn:treaty-registry:problem:" + e.errorCode()));
        p.setProperty("errorCode", e.errorCode());
        if (e.field() != null) {
            p.setProperty("field", e.field());
        }
        return p;
    }

    private ProblemDetail unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the registry could not complete the request");
        p.setType(URI.create("urn:treaty-registry:problem:INTERNAL_ERROR"));
        p.setProperty("errorCode", "INTERNAL_ERROR");
        return p;
    }

    private static String title(String code) {
        String words = code.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
