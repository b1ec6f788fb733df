package io.accord.gateway.problem;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter that a gateway-own operation ({@code GET /api/audit}, {@code /api/audit/verification}) does not
 * read is a 400 naming it and the ones the operation reads, as every service answers it: {@code /api/audit?actr=ops}
 * answered the whole trail, unfiltered (found on 2026-12-06). The names come from the handler's
 * {@link RequestParam}s; a handler that takes a parameter map reads any name and is left alone. Proxied requests
 * never reach a controller: the services check their own parameters.
 * <p>
 * Runs before the handler's arguments are bound, so an unknown name is answered before a bad value of a known one,
 * as in the services.
 */
@ControllerAdvice(basePackages = "io.accord.gateway")
class KnownQueryParameters {

    /** How much of an unknown name the answer repeats. */
    private static final int MAX_NAME = 100;

    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Optional<SortedSet<String>>> declared = new ConcurrentHashMap<>();

    @ModelAttribute
    void refuseUnknownQueryParameters(ServerWebExchange exchange) {
        if (exchange.getRequest().getQueryParams().isEmpty()
                || !(exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod
                handler)) {
            return;
        }
        Optional<SortedSet<String>> read = declared.computeIfAbsent(handler.getMethod(),
                method -> declaredBy(handler));
        if (read.isEmpty()) {
            return;
        }
        for (String name : exchange.getRequest().getQueryParams().keySet()) {
            if (!name.isEmpty() && !read.get().contains(name)) {
                throw InvalidParameterException.unknown(
                        name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name, read.get());
            }
        }
    }

    /** The query parameters the handler reads, sorted, or empty when it may read any. */
    private Optional<SortedSet<String>> declaredBy(HandlerMethod handler) {
        SortedSet<String> read = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            parameter.initParameterNameDiscovery(names);
            String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
            if (name == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
                return Optional.empty();
            }
            read.add(name);
        }
        return Optional.of(Collections.unmodifiableSortedSet(read));
    }
}
