package io.accord.portal.layout;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error the servlet container dispatches to {@code /error} (Spring Boot's {@code BasicErrorController} steps
 * back): a page refused by security (403, a form without its CSRF token too), a page that does not exist (404), a
 * malformed path or parameter (400), a form too large to read ({@link UnreadableForms}, 413), anything unexpected
 * (500). A browser gets the portal's error page with the layout, a client that prefers JSON problem+json, never
 * Spring Boot's {@code {"timestamp","status","error","path"}}.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ErrorAnswers answers;

    ErrorPages(ErrorAnswers answers) {
        this.answers = answers;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // /error asked for itself: there is no such page
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value && value >= 400 ? value : 404);
        return answers.answer(request, status, messageKey(status,
                request.getAttribute(WebAttributes.ACCESS_DENIED_403)), null);
    }

    private static String messageKey(HttpStatusCode status, Object denied) {
        if (denied instanceof CsrfException) {
            return "error.csrf";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is4xxClientError() ? "error.rejected" : "error.generic";
        }
        return switch (known) {
            case UNAUTHORIZED, FORBIDDEN -> "error.forbidden";
            case NOT_FOUND -> "error.notFound";
            case CONFLICT -> "error.conflict";
            case CONTENT_TOO_LARGE -> "error.tooLarge";
            case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT -> "error.unavailable";
            default -> status.is4xxClientError() ? "error.rejected" : "error.generic";
        };
    }
}
