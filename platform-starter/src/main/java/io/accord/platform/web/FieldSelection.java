package io.accord.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TMF attribute selection: on {@code /tmf-api/**} resources, {@code ?fields=name,lifecycleStatus} returns only
 * those first-level attributes (plus {@code id}, {@code href} and {@code @type}, which identify the resource).
 */
@ControllerAdvice
public class FieldSelection implements ResponseBodyAdvice<Object> {

    private static final Set<String> ALWAYS = Set.of("id", "href", "@type");

    private final JsonMapper json;

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

    static Set<String> requestedFields(HttpServletRequest request) {
        String fields = request.getParameter("fields");
        if (fields == null || fields.isBlank() || !request.getRequestURI().startsWith("/tmf-api/")) {
            return Set.of();
        }
        Set<String> requested = Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty())
                .collect(Collectors.toCollection(HashSet::new));
        requested.addAll(ALWAYS);
        return requested;
    }

    private static void retain(JsonNode node, Set<String> fields) {
        if (node instanceof ObjectNode object) {
            object.retain(fields);
        }
    }
}
