package io.accord.gateway.problem;

import io.accord.contracts.ProblemTypes;

import org.springframework.http.HttpStatus;

import java.net.URI;

/** The errors the gateway itself answers with, each with a stable RFC 9457 {@code type}. */
public enum ProblemType {

    VALIDATION_ERROR("validation-error", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
    BAD_GATEWAY("bad-gateway", HttpStatus.BAD_GATEWAY),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    GATEWAY_TIMEOUT("gateway-timeout", HttpStatus.GATEWAY_TIMEOUT),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR);

    /** The same base the services use; slugs are stable API. */
    static final String BASE = ProblemTypes.BASE;

    private final URI type;
    private final HttpStatus status;

    ProblemType(String slug, HttpStatus status) {
        this.type = URI.create(BASE + slug);
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return status.getReasonPhrase();
    }
}
