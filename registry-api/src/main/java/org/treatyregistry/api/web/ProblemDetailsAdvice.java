package org.treatyregistry.api.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
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
public class ProblemDetailsAdvice {

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

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrency(ConcurrencyException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the record was changed by someone else at the same moment; read it again and retry");
        p.setTitle("Concurrent change");
        p.setType(URI.create("urn:treaty-registry:problem:CONCURRENT_CHANGE"));
        p.setProperty("errorCode", "CONCURRENT_CHANGE");
        return p;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException m) {
            return problem(CommandBinder.translate(m));
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return problem(RegistryException.invalid("MALFORMED_JSON", null, "the body is not valid JSON: " + j.getOriginalMessage()));
        }
        return problem(RegistryException.invalid("MALFORMED_JSON", null, "the body is missing or not valid JSON"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(RegistryException.invalid("INVALID_VALUE", e.getName(), "'" + e.getValue() + "' is not a valid " + e.getName()
                + (e.getRequiredType() != null ? " (" + e.getRequiredType().getSimpleName() + ")" : "")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(RegistryException.invalid("MISSING_FIELD", e.getParameterName(), e.getParameterName() + " is required"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "content type " + e.getContentType() + " is not accepted here; send " + e.getSupportedMediaTypes());
        p.setProperty("errorCode", "UNSUPPORTED_MEDIA_TYPE");
        return p;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than allowed");
        p.setProperty("errorCode", "PAYLOAD_TOO_LARGE");
        return p;
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
        p.setProperty("errorCode", "INTERNAL_ERROR");
        return p;
    }

    private static String title(String code) {
        String words = code.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
