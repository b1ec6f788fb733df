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
 * by {@code or} is quoted as it is. An operation without {@link PreAuthorize} is left to {@link ApiDocsConventions},
 * which states the roles its path rules admit ({@link #state}): {@code anyone} for a public operation.
 */
class OperationRoles implements GlobalOperationCustomizer {

    static final String EXTENSION = "x-accord-roles";
    /** What {@link #EXTENSION} lists for an operation that needs no token. */
    static final String ANYONE = "anyone";
    private static final String QUOTED_RULE = "Authorization: `";

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
        List<String> roles = roles(rule.value());
        if (roles != null) {
            operation.addExtension(EXTENSION, roles);
        }
        append(operation, said(rule.value()));
        return operation;
    }

    /** Whether the operation already says who may call it (from its {@link PreAuthorize}). */
    static boolean stated(Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(EXTENSION)) {
            return true;
        }
        String description = operation.getDescription();
        return description != null && description.substring(description.lastIndexOf('\n') + 1).startsWith(QUOTED_RULE);
    }

    /**
     * States who may call an operation without {@link PreAuthorize}: anyone when it is public, else the roles its
     * path rules admit ({@code admitted}, of {@code all}).
     */
    static void state(Operation operation, boolean isPublic, List<String> admitted, List<String> all) {
        String said;
        if (isPublic) {
            operation.addExtension(EXTENSION, List.of(ANYONE));
            said = "Roles: anyone (no token needed).";
        } else {
            operation.addExtension(EXTENSION, admitted);
            said = admitted.isEmpty() ? "Roles: none (no role is admitted)."
                    : admitted.equals(all) ? "Roles: any role (a valid token)."
                    : "Roles: " + String.join(", ", admitted) + ".";
        }
        append(operation, said);
    }

    private static void append(Operation operation, String said) {
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? said : description.strip() + "\n\n"
                + said);
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
