package io.accord.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in each operation which roles may call it, read from its {@link PreAuthorize} (the method's, else its
 * controller's), so the API documents cannot drift from what is enforced: the description ends with
 * "Roles: finance, platform-admin." and the extension {@code x-accord-roles} lists them. Partner roles are bound
 * to the token's partner, as every description of tenancy says. An expression that is not only role checks joined
 * by {@code or} is quoted as it is; an operation without {@link PreAuthorize} is left as it is (its path rules
 * apply: public, or any valid token).
 */
class OperationRoles implements GlobalOperationCustomizer {

    static final String EXTENSION = "x-accord-roles";

    private static final Pattern ROLE_CHECK = Pattern.compile("hasRole\\(\\s*'([^']+)'\\s*\\)"
            + "|hasAnyRole\\(((?:\\s*'[^']+'\\s*,?)+)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern ONLY_ROLE_CHECKS = Pattern.compile("\\s*(?:ROLE\\s*(?:or\\s+ROLE\\s*)*)?");

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return operation;
        }
        String said = said(rule.value());
        List<String> roles = roles(rule.value());
        if (roles != null) {
            operation.addExtension(EXTENSION, roles);
        }
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? said : description.strip() + "\n\n"
                + said);
        return operation;
    }

    /** The roles of an expression made of role checks joined by {@code or}; {@code null} for anything else. */
    static List<String> roles(String expression) {
        Set<String> roles = new LinkedHashSet<>();
        Matcher checks = ROLE_CHECK.matcher(expression);
        StringBuilder rest = new StringBuilder();
        while (checks.find()) {
            String names = checks.group(1) != null ? "'" + checks.group(1) + "'" : checks.group(2);
            Matcher quoted = QUOTED.matcher(names);
            while (quoted.find()) {
                roles.add(quoted.group(1));
            }
            checks.appendReplacement(rest, "ROLE");
        }
        checks.appendTail(rest);
        if (roles.isEmpty() || !ONLY_ROLE_CHECKS.matcher(rest).matches()) {
            return null;
        }
        return new ArrayList<>(roles);
    }

    static String said(String expression) {
        List<String> roles = roles(expression);
        return roles == null ? "Authorization: `" + expression + "`." : "Roles: " + String.join(", ", roles) + ".";
    }
}
