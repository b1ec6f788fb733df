package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitable;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * TMF attribute selection: on {@code /tmf-api/**} resources, {@code ?fields=name,lifecycleStatus} returns only
 * those first-level attributes (plus {@code id}, {@code href} and {@code @type}, which identify the resource).
 * <p>
 * A name the resource does not have is a 400 naming it and the resource's attributes ({@link #attributeCheck}),
 * before the operation runs, instead of being dropped silently ({@code fields=bogus} answered {@code id}, {@code href}
 * and {@code @type} alone, found on 2026-12-07). The attributes are those Jackson writes for the record the operation
 * returns (alone, in a list or in a {@code ResponseEntity}), or of the record its {@link Representation} names when it
 * returns a map or a JSON tree; an operation returning anything else without one (bytes) is not checked.
 */
@ControllerAdvice
public class FieldSelection implements ResponseBodyAdvice<Object> {

    private static final Set<String> ALWAYS = Set.of("id", "href", "@type");
    /** How much of an unknown name the answer repeats. */
    private static final int MAX_NAME = 100;
    /** How many unknown names the answer repeats. */
    private static final int MAX_NAMES = 10;

    private final JsonMapper json;
    private final Map<Method, Optional<Set<String>>> attributes = new ConcurrentHashMap<>();

    public FieldSelection(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail
                || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        Set<String> fields = requestedFields(servlet.getServletRequest());
        if (fields.isEmpty()) {
            return body;
        }
        JsonNode tree = json.valueToTree(body);
        if (tree.isArray()) {
            tree.forEach(item -> retain(item, fields));
        } else {
            retain(tree, fields);
        }
        return tree;
    }

    /** The interceptor that refuses a {@code fields=} naming an attribute the operation's resource does not have. */
    public HandlerInterceptor attributeCheck() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method) {
                    check(request, method);
                }
                return true;
            }
        };
    }

    void check(HttpServletRequest request, HandlerMethod method) {
        Set<String> requested = requested(request);
        if (requested.isEmpty()) {
            return;
        }
        Optional<Set<String>> known = attributes.computeIfAbsent(method.getMethod(),
                m -> attributesOf(resourceType(method)));
        if (known.isEmpty()) {
            return;
        }
        Set<String> unknown = new TreeSet<>(requested);
        unknown.removeAll(known.get());
        unknown.removeAll(ALWAYS);
        if (!unknown.isEmpty()) {
            String names = unknown.stream().limit(MAX_NAMES).map(name -> "'" + (name.length() > MAX_NAME
                    ? name.substring(0, MAX_NAME) + "…" : name) + "'").collect(Collectors.joining(", "))
                    + (unknown.size() > MAX_NAMES ? " and " + (unknown.size() - MAX_NAMES) + " more" : "");
            throw new InvalidInputException("fields", names + (unknown.size() == 1 ? " is not an attribute"
                    : " are not attributes") + " of this resource; fields= selects among its first-level attributes: "
                    + String.join(", ", new TreeSet<>(known.get())));
        }
    }

    /**
     * The names {@code fields=} asks for on a TMF path, all its occurrences together (none elsewhere, or when it is
     * absent or blank).
     */
    private static Set<String> requested(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/tmf-api/") || request.getQueryString() == null) {
            return Set.of();
        }
        String[] fields = request.getParameterValues("fields");
        if (fields == null) {
            return Set.of();
        }
        return Arrays.stream(fields).flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(f -> !f.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Set<String> requestedFields(HttpServletRequest request) {
        Set<String> requested = new LinkedHashSet<>(requested(request));
        if (requested.isEmpty()) {
            return Set.of();
        }
        requested.addAll(ALWAYS);
        return requested;
    }

    /**
     * The record an operation answers with, alone, in a collection or array, or in a {@code ResponseEntity}; for one
     * answering a map or tree, the record its {@link Representation} names.
     */
    static Optional<Class<?>> resourceType(HandlerMethod method) {
        Representation representation = method.getMethodAnnotation(Representation.class);
        if (representation != null) {
            return Optional.of(representation.value());
        }
        ResolvableType type = ResolvableType.forMethodReturnType(method.getMethod(), method.getBeanType());
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        if (type.toClass() == Optional.class) {
            type = type.getGeneric(0);
        }
        if (type.isArray()) {
            type = type.getComponentType();
        } else if (Collection.class.isAssignableFrom(type.toClass())) {
            type = type.asCollection().getGeneric(0);
        }
        Class<?> resolved = type.resolve();
        return resolved != null && resolved.isRecord() ? Optional.of(resolved) : Optional.empty();
    }

    /** The first-level attributes Jackson writes for {@code type} (JSON names), empty when it cannot tell. */
    private Optional<Set<String>> attributesOf(Optional<Class<?>> type) {
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        try {
            json.acceptJsonFormatVisitor(type.get(), new JsonFormatVisitorWrapper.Base() {
                @Override
                public JsonObjectFormatVisitor expectObjectFormat(JavaType objectType) {
                    return new JsonObjectFormatVisitor.Base(getContext()) {
                        @Override
                        public void property(BeanProperty property) {
                            names.add(property.getName());
                        }

                        @Override
                        public void property(String name, JsonFormatVisitable handler, JavaType propertyType) {
                            names.add(name);
                        }

                        @Override
                        public void optionalProperty(BeanProperty property) {
                            names.add(property.getName());
                        }

                        @Override
                        public void optionalProperty(String name, JsonFormatVisitable handler, JavaType propertyType) {
                            names.add(name);
                        }
                    };
                }
            });
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(names));
    }

    private static void retain(JsonNode node, Set<String> fields) {
        if (node instanceof ObjectNode object) {
            object.retain(fields);
        }
    }
}
