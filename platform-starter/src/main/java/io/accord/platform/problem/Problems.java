package io.accord.platform.problem;

import io.accord.contracts.CorrelationIds;
import io.accord.contracts.ProblemTypes;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;

/** Builds RFC 9457 problems with Accord's stable {@code type} URIs and the correlation id. */
public final class Problems {

    /** Problem types are {@code https://accord.dev/problems/<slug>}; slugs are stable API. */
    public static final String TYPE_BASE = ProblemTypes.BASE;
    /**
     * Request attribute set on an answer that a retry may well not get (a concurrent update lost the race): an
     * {@code Idempotency-Key} is then freed rather than the answer stored for replay.
     */
    public static final String RETRYABLE = Problems.class.getName() + ".retryable";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, slug);
    }

    /** A 400 {@code validation-error} naming the one field (or header, or parameter) that was wrong. */
    public static ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation-error", message);
        problem.setProperty("violations", List.of(Violations.of(field, message)));
        return problem;
    }

    /**
     * A 503 {@code service-unavailable} the caller may retry after {@code retryAfterSeconds} ({@code Retry-After}),
     * thrown where a request is refused for want of room right now (bodies in memory, uploads on disk).
     */
    public static ErrorResponseException unavailable(String detail, String retryAfterSeconds) {
        ProblemDetail problem = of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", detail);
        problem.setTitle("Service Unavailable");
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return unavailable;
    }

    /** The stable slug of a problem that has nothing more specific to say than its status. */
    public static String slugFor(HttpStatusCode status) {
        return io.accord.contracts.ProblemTypes.slugFor(status.value());
    }

    /** Gives a problem made elsewhere (by Spring) our type URI, unless it has one, and the correlation id. */
    public static ProblemDetail decorate(ProblemDetail problem, String slug) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_BASE + slug));
        }
        problem.setProperty("correlationId", correlationId());
        return problem;
    }

    /** The id web's {@code CorrelationId} keeps in the MDC, read here so problem/ and web/ form no cycle. */
    private static String correlationId() {
        String id = MDC.get(CorrelationIds.LOG_KEY);
        return id != null ? id : CorrelationIds.newId();
    }
}
