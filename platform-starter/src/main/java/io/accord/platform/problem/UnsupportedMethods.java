package io.accord.platform.problem;

import org.springframework.http.HttpStatus;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request method no operation of a service answers anywhere, refused before any path is matched (by the firewall,
 * or by Tomcat for {@code TRACE} and {@code CONNECT}): 405 for a method HTTP defines ({@code TRACE},
 * {@code CONNECT}), 501 for one it does not ({@code FOO}, WebDAV's {@code PROPFIND}). The 405 carries the
 * {@code Allow} RFC 9110 requires, the methods the path's operations answer ({@link PathMethods}; Tomcat's own listed
 * every method the servlet has, claiming methods the path lacks). The gateway answers the same statuses, without an
 * {@code Allow}: it does not know the path's methods.
 */
final class UnsupportedMethods {

    /** The methods Spring's strict firewall lets through, its default; every operation uses one of them. */
    static final Set<String> ANSWERED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> DEFINED_ELSEWHERE = Set.of("TRACE", "CONNECT");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}");

    private UnsupportedMethods() {
    }

    /** Whether the method is one no operation answers (the reason the firewall refused the request). */
    static boolean isUnsupported(String method) {
        return method != null && !ANSWERED.contains(method);
    }

    static HttpStatus status(String method) {
        return DEFINED_ELSEWHERE.contains(method) ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.NOT_IMPLEMENTED;
    }

    static String detail(String method) {
        String named = method != null && TOKEN.matcher(method).matches() ? method : "This method";
        return status(method) == HttpStatus.METHOD_NOT_ALLOWED
                ? named + " is not supported: no operation answers it (the methods a path takes: OPTIONS or the "
                        + "API documentation)."
                : "The method " + named + " is not implemented: operations answer GET, HEAD, POST, PUT, PATCH, DELETE "
                        + "or OPTIONS (the ones a path takes: OPTIONS or the API documentation).";
    }
}
