package io.accord.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An operation's {@code @PreAuthorize} rule checked before its arguments are read: a caller whose role may not call
 * it gets 403 whatever it sent, never the validation errors of its body or parameters, which tell it what a valid
 * request looks like. Method security alone runs after the arguments are bound and validated: an auditor posting a
 * dispute proposal with a wrong direction was told "must match CREDIT_PARTNER|DEBIT_PARTNER" (found on 2026-12-06),
 * and services listed such operations one by one as {@link RequestAuthorization} rules, with gaps.
 * <p>
 * Only rules that do not name the method's arguments ({@code #id}) are checked here; method security still checks
 * every rule when the method runs. A rule that cannot be evaluated here is left to method security. A multipart
 * body is parsed before any handler is chosen, so uploads keep their {@link RequestAuthorization} rules.
 */
final class EarlyAuthorization implements HandlerInterceptor {

    private final MethodSecurityExpressionHandler expressions;
    private final Map<Method, Optional<Expression>> rules = new ConcurrentHashMap<>();

    EarlyAuthorization(MethodSecurityExpressionHandler expressions) {
        this.expressions = expressions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<Expression> rule = rules.computeIfAbsent(method.getMethod(), m -> rule(method));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (rule.isEmpty() || caller == null) {
            return true;
        }
        boolean allowed;
        try {
            EvaluationContext context = expressions.createEvaluationContext(() -> caller,
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            allowed = ExpressionUtils.evaluateAsBoolean(rule.get(), context);
        } catch (RuntimeException notHere) {
            return true;
        }
        if (!allowed) {
            throw new AccessDeniedException("Your role does not allow this operation.");
        }
        return true;
    }

    private Optional<Expression> rule(HandlerMethod method) {
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (annotation == null || annotation.value().contains("#")) {
            return Optional.empty();
        }
        try {
            return Optional.of(expressions.getExpressionParser().parseExpression(annotation.value()));
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
    }
}
