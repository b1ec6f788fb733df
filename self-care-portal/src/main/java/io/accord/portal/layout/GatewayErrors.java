package io.accord.portal.layout;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import io.accord.portal.gateway.GatewayException;

/**
 * A failed data call becomes an error page that says what happened, by its status, in the user's language
 * (problem+json for a client that prefers JSON): never a 500, never a stack trace. The service's own message goes to
 * staff only ({@link ErrorAnswers}).
 */
@ControllerAdvice
class GatewayErrors {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    private final ErrorAnswers answers;

    GatewayErrors(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ExceptionHandler(GatewayException.class)
    ModelAndView gatewayFailed(GatewayException e, HttpServletRequest request) {
        log.warn("data call failed: {}", e.getMessage());
        return answers.answer(request, e.pageStatus(), switch (e.pageStatus()) {
            case FORBIDDEN -> "error.forbidden";
            case NOT_FOUND -> "error.notFound";
            case CONFLICT -> "error.conflict";
            case BAD_GATEWAY -> "error.unavailable";
            case CONTENT_TOO_LARGE -> "error.serviceTooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "error.unsupportedType";
            default -> "error.rejected";
        }, e.detail());
    }
}
