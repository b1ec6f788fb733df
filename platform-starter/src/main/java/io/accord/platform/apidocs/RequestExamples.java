package io.accord.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts the {@link RequestExample} file of an operation into its request body's example. */
class RequestExamples implements GlobalOperationCustomizer {

    static final String FOLDER = "examples/";

    private final JsonMapper json;

    RequestExamples(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        RequestExample example = handlerMethod.getMethodAnnotation(RequestExample.class);
        if (example == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return operation;
        }
        operation.getRequestBody().getContent().forEach((type, media) -> media.setExample(exampleFor(type, example)));
        return operation;
    }

    private Object exampleFor(String mediaType, RequestExample example) {
        ClassPathResource file = new ClassPathResource(FOLDER + example.value());
        if (!file.exists()) {
            throw new IllegalStateException("example " + FOLDER + example.value() + " is not on the classpath");
        }
        if (mediaType.startsWith("multipart/")) {
            Map<String, Object> form = new LinkedHashMap<>();
            for (String field : example.fields()) {
                int equals = field.indexOf('=');
                form.put(field.substring(0, equals), field.substring(equals + 1));
            }
            form.put("file", file.getFilename() + " (" + FOLDER + example.value() + ")");
            return form;
        }
        try (InputStream in = file.getInputStream()) {
            if (mediaType.startsWith("text/")) {
                // a CSV file as it is sent
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            return json.readValue(in, Object.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + example.value(), e);
        }
    }
}
