package io.accord.portal.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.problem.ProblemAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that answers with an error status itself (a form shown again with its errors, a refused filter) answers a
 * client that prefers JSON with problem+json instead: the page's message as {@code detail} (the service's detail, or
 * the page's own message), each field's error as a {@code violation}. Pages for browsers stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class JsonErrors implements WebMvcConfigurer, HandlerInterceptor {

    /** Model attributes holding a page's message key, the first present is the {@code detail}. */
    private static final List<String> MESSAGE_KEYS = List.of("errorKey", "problemKey", "filterErrorKey",
            "offeringErrorKey", "rangeErrorKey", "fateErrorKey", "messageKey");

    private final MessageSource messages;

    JsonErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        // a template's name only: a redirect stays, and so does a view made already (the error pages' problem+json)
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
                || response.getStatus() < 400 || !ProblemAnswer.prefersJson(request)) {
            return;
        }
        Map<String, Object> model = page.getModel();
        String detail = null;
        List<ProblemAnswer.Violation> violations = new ArrayList<>();
        if (model.get("problem") instanceof GatewayException problem) {
            detail = problem.detail();
            if (problem instanceof GatewayProblem withFields) {
                withFields.violations().forEach(v -> violations.add(new ProblemAnswer.Violation(v.field(),
                        v.message())));
            }
        }
        for (String key : MESSAGE_KEYS) {
            if (detail == null && model.get(key) instanceof String messageKey) {
                // the value the page's message names ({0}), as the templates give it
                Object value = "offeringErrorKey".equals(key) ? model.get("offeringAsked") : model.get("filterValue");
                detail = messages.getMessage(messageKey, value == null ? null : new Object[]{value}, messageKey,
                        LocaleContextHolder.getLocale());
            }
        }
        if (violations.isEmpty() && model.get("errors") instanceof Map<?, ?> errors) {
            // a field's message, or a message key
            errors.forEach((field, message) -> violations.add(new ProblemAnswer.Violation(String.valueOf(field),
                    text(String.valueOf(message)))));
        }
        if (detail == null) {
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            detail = status == null ? null : status.getReasonPhrase();
        }
        page.setView(ProblemAnswer.view(detail, violations));
    }

    private String text(String keyOrText) {
        return messages.getMessage(keyOrText, null, keyOrText, LocaleContextHolder.getLocale());
    }
}
