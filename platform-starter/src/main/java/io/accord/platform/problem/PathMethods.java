package io.accord.platform.problem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code Allow} of a 405 given before Spring MVC matched the request ({@code TRACE}, {@code CONNECT}; RFC 9110
 * requires the header on every 405): the methods the operations mapped to the path answer, as Spring MVC lists them
 * for a method the path lacks and for {@code OPTIONS}. A path no operation maps (an unknown one, a static resource)
 * is answered with every method operations use, which is all that is known there.
 */
final class PathMethods {

    /** The order the header lists them in, whichever mapping declared them. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    /** Looked up per request: the handler mappings are built after the error controller they map. */
    PathMethods(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The {@code Allow} value for the request URI (as sent, with the context path) below the context path. */
    String allow(String requestUri, String contextPath) {
        Set<String> methods = new HashSet<>();
        PathContainer path = pathWithinApplication(requestUri, contextPath);
        if (path != null) {
            mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().keySet().stream()
                    .filter(info -> maps(info, path))
                    .forEach(info -> methods.addAll(declared(info))));
        }
        Set<String> allowed = methods.isEmpty() ? UnsupportedMethods.ANSWERED : withImplied(methods);
        return ORDER.stream().filter(allowed::contains).collect(Collectors.joining(","));
    }

    private static PathContainer pathWithinApplication(String requestUri, String contextPath) {
        if (requestUri == null) {
            return null;
        }
        try {
            return RequestPath.parse(requestUri, contextPath == null || contextPath.isEmpty() ? null : contextPath)
                    .pathWithinApplication();
        } catch (IllegalArgumentException undecodable) {
            // a path the firewall refuses anyway: the general answer
            return null;
        }
    }

    private static boolean maps(RequestMappingInfo info, PathContainer path) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        return patterns != null && patterns.getPatterns().stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static Set<String> declared(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? UnsupportedMethods.ANSWERED
                : declared.stream().map(RequestMethod::name).collect(Collectors.toSet());
    }

    /** HEAD where GET is answered, and OPTIONS always, as Spring MVC answers them without a mapping of their own. */
    private static Set<String> withImplied(Set<String> methods) {
        Set<String> implied = new HashSet<>(methods);
        if (implied.contains("GET")) {
            implied.add("HEAD");
        }
        implied.add("OPTIONS");
        return implied;
    }
}
