package io.accord.testsupport;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.annotations.ParameterObject;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the schema names of a service's API docs that several Java types share. springdoc names a schema after the
 * simple class name, so {@code OrderResources.ItemView} and {@code QuoteResources.ItemView} would both become
 * {@code ItemView}: the document keeps one of the two shapes and shows it for both. A {@code @Schema(name = ...)} on
 * each tells them apart.
 */
public final class SchemaNameChecks {

    private static final List<Class<? extends Annotation>> BINDINGS = List.of(PathVariable.class,
            RequestParam.class, RequestHeader.class, CookieValue.class, ParameterObject.class);

    private SchemaNameChecks() {
    }

    /**
     * Every schema name the types of the service's documented operations (their answers, request bodies and parts,
     * form records, and the {@code @Schema(implementation = ...)} of their swagger annotations) and the types those
     * contain resolve to, each with the Java types that resolve to it.
     */
    public static Map<String, Set<String>> typesByName(ApplicationContext context) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Type> types = new ArrayList<>();
        mapping.getHandlerMethods().values().stream().filter(SchemaNameChecks::documented)
                .forEach(method -> types.addAll(exchangedTypes(method)));
        boolean openApi31 = context.getBean(SpringDocConfigProperties.class).isOpenapi31();
        return typesByName(types, ModelConverters.getInstance(openApi31).getConverters());
    }

    /**
     * The schema names the given converters (first one first, as springdoc's {@link ModelConverters} call them) give
     * the given types and the types they contain, resolving each given type on its own as springdoc resolves each
     * operation's.
     */
    public static Map<String, Set<String>> typesByName(Collection<? extends Type> types,
                                                       List<ModelConverter> converters) {
        Map<String, Set<String>> typesByName = new TreeMap<>();
        for (Type type : types) {
            new RecordingContext(converters, typesByName).resolve(new AnnotatedType(type).resolveAsRef(true));
        }
        return typesByName;
    }

    /** The names among {@code typesByName} that more than one Java type resolves to: one shape shown for several. */
    public static Map<String, Set<String>> shared(Map<String, Set<String>> typesByName) {
        Map<String, Set<String>> shared = new TreeMap<>(typesByName);
        shared.values().removeIf(types -> types.size() < 2);
        return shared;
    }

    private static boolean documented(HandlerMethod method) {
        return !method.hasMethodAnnotation(Hidden.class)
                && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Hidden.class);
    }

    private static List<Type> exchangedTypes(HandlerMethod method) {
        List<Type> types = new ArrayList<>();
        Class<?> answer = method.getReturnType().getParameterType();
        if (answer != void.class && answer != Void.class) {
            types.add(method.getReturnType().getGenericParameterType());
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            boolean body = parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestPart.class);
            // a record bound from the request as a whole (a multipart form) is documented as a schema too
            boolean form = parameter.getParameterType().isRecord() && BINDINGS.stream()
                    .noneMatch(parameter::hasParameterAnnotation);
            if (body || form) {
                types.add(parameter.getGenericParameterType());
            }
        }
        types.addAll(annotatedTypes(method));
        return types;
    }

    /**
     * The types a handler's swagger annotations document its body and answers with ({@code @Schema(implementation =
     * ...)}), where it reads or writes a JSON tree or a map: documentation-only records, named like any other.
     */
    private static List<Type> annotatedTypes(HandlerMethod method) {
        List<Content> contents = new ArrayList<>();
        io.swagger.v3.oas.annotations.parameters.RequestBody body = AnnotatedElementUtils.findMergedAnnotation(
                method.getMethod(), io.swagger.v3.oas.annotations.parameters.RequestBody.class);
        if (body != null) {
            contents.addAll(List.of(body.content()));
        }
        AnnotatedElementUtils.findMergedRepeatableAnnotations(method.getMethod(), ApiResponse.class)
                .forEach(response -> contents.addAll(List.of(response.content())));
        List<Type> types = new ArrayList<>();
        for (Content content : contents) {
            for (Class<?> type : List.of(content.schema().implementation(),
                    content.array().schema().implementation())) {
                if (type != Void.class) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** Notes which Java type each schema name is defined for, where swagger's resolver defines it. */
    private static final class RecordingContext extends ModelConverterContextImpl {

        private final Map<String, Set<String>> typesByName;

        RecordingContext(List<ModelConverter> converters, Map<String, Set<String>> typesByName) {
            super(converters);
            this.typesByName = typesByName;
        }

        @Override
        public void defineModel(String name, Schema model, AnnotatedType type, String prevName) {
            if (type != null && type.getType() != null) {
                typesByName.computeIfAbsent(name, n -> new TreeSet<>())
                        .add(Json.mapper().constructType(type.getType()).toCanonical());
            }
            super.defineModel(name, model, type, prevName);
        }
    }
}
