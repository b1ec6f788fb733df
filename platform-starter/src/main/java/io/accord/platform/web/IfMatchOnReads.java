package io.accord.platform.web;

import io.accord.platform.problem.PreconditionFailedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Collections;

/**
 * {@code If-Match} on a GET or HEAD of a resource answered with an {@code ETag} ({@link EntityTags#ok}): when it
 * names another version, 412 problem+json ({@code precondition-failed}) with the current {@code ETag}, as RFC 9110
 * (13.2.2) asks for any method and as a write gets it. Spring MVC evaluates {@code If-None-Match} (304 without a
 * body) but skips {@code If-Match} on safe methods, so a stale one used to get the 200 with the newer version.
 * <p>
 * Wraps Spring's handler of {@code ResponseEntity} answers and checks before it, so the precondition is evaluated
 * first (a stale {@code If-Match} with a matching {@code If-None-Match} is a 412, not a 304) and the 412 comes from
 * {@code ProblemExceptionHandler} like every other.
 * <p>
 * {@code If-None-Match: *} is a 304 with the {@code ETag} (RFC 9110 13.1.2: it matches any current
 * representation); Spring MVC evaluates {@code *} only for unsafe methods and answered 200.
 */
final class IfMatchOnReads implements HandlerMethodReturnValueHandler {

    private final HandlerMethodReturnValueHandler entities;

    IfMatchOnReads(HandlerMethodReturnValueHandler entities) {
        this.entities = entities;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return entities.supportsReturnType(returnType);
    }

    @Override
    public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
                                  NativeWebRequest webRequest) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Object answered = returnValue;
        if (returnValue instanceof ResponseEntity<?> answer && answer.getStatusCode().value() == 200
                && answer.getHeaders().getETag() != null && request != null
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            check(request, answer.getHeaders().getETag());
            if (noneMatchesAny(request)) {
                // RFC 9110 13.1.2: "*" is false when any current representation exists, so a GET is 304;
                // Spring MVC ignores "*" on safe methods and answered 200
                answered = ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(answer.getHeaders()).build();
            }
        }
        entities.handleReturnValue(answered, returnType, container, webRequest);
    }

    private static boolean noneMatchesAny(HttpServletRequest request) {
        var headers = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (headers == null) {
            return false;
        }
        for (String line : Collections.list(headers)) {
            for (String member : line.split(",")) {
                if ("*".equals(member.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void check(HttpServletRequest request, String current) {
        var headers = request.getHeaders(HttpHeaders.IF_MATCH);
        if (headers == null || !headers.hasMoreElements()) {
            return;
        }
        IfMatch precondition = IfMatch.of(String.join(", ", Collections.list(headers)));
        if (!precondition.matches(current)) {
            throw new PreconditionFailedException(request.getRequestURI() + " is no longer at the version If-Match"
                    + " names (" + String.join(", ", precondition.tags()) + "); it is now at ETag " + current
                    + ". Read it again without If-Match, or with its current ETag.", current);
        }
    }
}
