package io.accord.gateway.problem;

import io.accord.gateway.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Turns every error that reaches the top of the gateway into problem+json: a bad parameter of the gateway's own
 * endpoints (400), no route (404), backend refused or unreachable (503), backend too slow (504), backend broke the
 * connection (502), a method an own endpoint does not answer (405, with its {@code Allow}). Ordered before Spring
 * Boot's handler (order -1) so no whitelabel or HTML page is ever sent.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses problems;

    ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String target = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        try (var ignored = MDC.putCloseable(CorrelationId.LOG_KEY, CorrelationId.of(exchange))) {
            if (error instanceof InvalidParameterException invalid) {
                return problems.write(exchange, ProblemType.VALIDATION_ERROR, invalid.getMessage(), Map.of("violations",
                        List.of(Map.of("field", invalid.parameter(), "message", invalid.expectation()))));
            }
            if (hasCause(error, AuthenticationServiceException.class)) {
                log.warn("Token could not be checked for {}: {}", target, error.toString());
                return problems.write(exchange, ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                        "The identity provider could not be reached to check the token. Try again shortly.");
            }
            if (hasCause(error, ConnectException.class) || hasCause(error, UnknownHostException.class)) {
                log.warn("Backend unavailable for {}: {}", target, error.getMessage());
                return problems.write(exchange, ProblemType.SERVICE_UNAVAILABLE,
                        "The service behind " + target + " is not available. Try again shortly.");
            }
            if (hasCause(error, TimeoutException.class)
                    || error instanceof ResponseStatusException timeout && timeout.getStatusCode().value() == 504) {
                log.warn("Backend timed out for {}", target);
                return problems.write(exchange, ProblemType.GATEWAY_TIMEOUT,
                        "The service behind " + target + " did not answer in time. The request may still have been "
                                + "carried out: retry it with the same Idempotency-Key (the first answer is replayed), "
                                + "or, if it was sent without one, check the resource before sending it again.");
            }
            if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
                List<String> accepted = unsupported.getSupportedMediaTypes().stream().map(Object::toString)
                        .distinct().toList();
                HttpStatus unsupportedStatus = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                return problems.write(exchange, unsupportedStatus, URI.create(ProblemType.BASE + "unsupported-media-type"),
                        unsupportedStatus.getReasonPhrase(), "Content-Type '" + unsupported.getContentType()
                                + "' is not accepted by " + target + "; send one of: " + String.join(", ", accepted)
                                + ".", Map.of("acceptedContentTypes", accepted));
            }
            if (error instanceof ResponseStatusException status) {
                // e.g. the Allow of a 405 (a method the gateway's own endpoints do not answer), as the services send it
                exchange.getResponse().getHeaders().putAll(status.getHeaders());
                if (status.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                    return problems.write(exchange, ProblemType.NOT_FOUND, "No route for " + target + "; see the"
                            + " API documentation at /swagger-ui.html (each service's document is at"
                            + " /docs/<service>/v3/api-docs).");
                }
                if (status.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                        && status.getReason() != null) {
                    return problems.write(exchange, ProblemType.SERVICE_UNAVAILABLE, status.getReason());
                }
                return problems.write(exchange, status.getStatusCode(),
                        status.getReason() != null ? status.getReason() : status.getStatusCode().toString());
            }
            if (hasCause(error, IOException.class)) {
                log.warn("Backend connection failed for {}: {}", target, error.toString());
                return problems.write(exchange, ProblemType.BAD_GATEWAY,
                        "The service behind " + target + " closed the connection unexpectedly.");
            }
            log.error("Unexpected error for {}", target, error);
            return problems.write(exchange, ProblemType.INTERNAL_ERROR, "The gateway failed to handle the request.");
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
