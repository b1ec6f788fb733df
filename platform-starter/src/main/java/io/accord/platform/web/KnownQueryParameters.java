package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.domain.Pageable;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the operation does not read is a 400 naming it and the ones the operation reads, instead of
 * being ignored: {@code statements?page=2&size=50} answered the first 20 statements as if it were the page asked
 * for, and {@code adjustments?limit=5} all of them (found on 2026-12-06).
 * <p>
 * Applies to Accord's own REST operations ({@code io.accord} packages, {@link ResponseBody} handlers) whose query
 * parameters are all declared: {@code @RequestParam} (or an unannotated simple parameter, which Spring binds the
 * same way) and {@link Pageable} ({@code page}, {@code size}, {@code sort}); {@code fields} on {@code /tmf-api/}
 * ({@link FieldSelection}); names an operation reads from the request itself are declared with
 * {@link ReadsQueryParameters}. An operation marked as reading any name ({@code @ReadsQueryParameters} without names:
 * the TMF lists' {@link AttributeFilter}, which refuses unknown attributes on its own), a parameter map or a model
 * attribute is left alone. Taking the {@code HttpServletRequest} alone (to stream the body, read a header) exempts
 * nothing. Only the query string counts: form fields of a multipart body are the body's.
 * <p>
 * A parameter read as one value that is not text ({@code limit}, {@code offset}, a date; not a list, array or
 * {@code sort}) given twice
 * is a 400 naming it, as the gateway's own operations answer: {@code ?limit=1&limit=3} answered one row, the
 * first value silently winning (found on 2026-12-06).
 */
final class KnownQueryParameters implements HandlerInterceptor {

    /** How much of an unknown name the answer repeats. */
    private static final int MAX_NAME = 100;
    /**
     * Parameters Spring resolves by their type: the request among them (its query is checked all the same), and
     * {@link IfMatch}, a header ({@code IfMatchArguments}).
     */
    private static final Set<Class<?>> RESOLVED_BY_TYPE = Set.of(Principal.class, ServletRequest.class,
            WebRequest.class, ServletResponse.class, java.util.Locale.class, java.util.TimeZone.class,
            java.time.ZoneId.class, IfMatch.class);

    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Optional<Declared>> declared = new ConcurrentHashMap<>();

    /** The query parameters an operation reads, and those of them it reads as one value. */
    private record Declared(Set<String> read, Set<String> single) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<Declared> known = declared.computeIfAbsent(method.getMethod(), m -> declaredBy(method));
        if (known.isEmpty()) {
            return true;
        }
        boolean tmf = request.getRequestURI().startsWith("/tmf-api/");
        Set<String> seen = new java.util.HashSet<>();
        for (String pair : query.split("&")) {
            String name = name(pair);
            if (!name.isEmpty() && !known.get().read().contains(name) && !(tmf && name.equals("fields"))) {
                throw unknown(name, known.get().read(), tmf);
            }
            if (known.get().single().contains(name) && !seen.add(name)) {
                throw new InvalidInputException(name, "'" + name + "' is given more than once; it takes one value");
            }
        }
        return true;
    }

    private static InvalidInputException unknown(String name, Set<String> known, boolean tmf) {
        Set<String> read = new TreeSet<>(known);
        if (tmf) {
            read.add("fields");
        }
        String shown = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
        return new InvalidInputException(shown, "'" + shown + "' is not a query parameter of this operation; "
                + (read.isEmpty() ? "it reads none" : "it reads " + String.join(", ", read))
                + " (see the API documentation at /swagger-ui.html)");
    }

    private static String name(String pair) {
        int equals = pair.indexOf('=');
        String raw = equals < 0 ? pair : pair.substring(0, equals);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** The query parameters the handler reads, or empty when it may read any. */
    private Optional<Declared> declaredBy(HandlerMethod method) {
        Class<?> type = method.getBeanType();
        if (!type.getPackageName().startsWith("io.accord.")
                || !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
                && !method.hasMethodAnnotation(ResponseBody.class)) {
            return Optional.empty();
        }
        ReadsQueryParameters itself = method.getMethodAnnotation(ReadsQueryParameters.class);
        if (itself != null && itself.value().length == 0) {
            return Optional.empty();
        }
        Set<String> read = new TreeSet<>(itself == null ? Set.of() : Set.of(itself.value()));
        Set<String> single = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(names);
            Class<?> kind = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || param != null && Map.class.isAssignableFrom(kind)) {
                return Optional.empty();
            }
            if (Pageable.class.isAssignableFrom(kind)) {
                read.addAll(Set.of("page", "size", "sort"));
                single.addAll(Set.of("page", "size"));
            } else if (param != null) {
                String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
                if (name == null) {
                    return Optional.empty();
                }
                read.add(name);
                if (oneValue(parameter)) {
                    single.add(name);
                }
            } else if (!boundOtherwise(parameter)) {
                if (BeanUtils.isSimpleProperty(kind)) {
                    if (parameter.getParameterName() == null) {
                        return Optional.empty();
                    }
                    read.add(parameter.getParameterName());
                    if (oneValue(parameter)) {
                        single.add(parameter.getParameterName());
                    }
                } else if (RESOLVED_BY_TYPE.stream().noneMatch(known -> known.isAssignableFrom(kind))) {
                    return Optional.empty(); // perhaps a model attribute, bound from the query
                }
            }
        }
        return Optional.of(new Declared(Set.copyOf(read), Set.copyOf(single)));
    }

    /**
     * Whether the parameter binds one value and would drop the others silently: not an array, a collection or an
     * optional of either, and not text (Spring joins repeated values of a text parameter with commas, which the
     * operations read as a list or refuse as one malformed value).
     */
    private static boolean oneValue(MethodParameter parameter) {
        Class<?> kind = parameter.getParameterType() == Optional.class
                ? parameter.nestedIfOptional().getNestedParameterType() : parameter.getParameterType();
        return !kind.isArray() && !java.util.Collection.class.isAssignableFrom(kind)
                && !CharSequence.class.isAssignableFrom(kind);
    }

    /** Whether an annotation binds the parameter to something else than a query parameter (path, body, header...). */
    private static boolean boundOtherwise(MethodParameter parameter) {
        return Arrays.stream(parameter.getParameterAnnotations()).map(a -> a.annotationType().getPackageName())
                .anyMatch(name -> name.equals("org.springframework.web.bind.annotation")
                        || name.startsWith("org.springframework.security."));
    }
}
