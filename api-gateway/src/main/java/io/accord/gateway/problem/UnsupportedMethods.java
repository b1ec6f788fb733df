package io.accord.gateway.problem;

import org.springframework.http.HttpStatus;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request method no route of the gateway answers, refused by the firewall before any route is matched: 405 for a
 * method HTTP defines ({@code TRACE}, {@code CONNECT}), 501 for one it does not ({@code FOO}, WebDAV's
 * {@code PROPFIND}). Neither names the path's methods, which the gateway does not know (the service behind it does):
 * no {@code Allow} rather than a wrong one. The services answer the same (platform-starter's
 * {@code UnsupportedMethods}); the gateway does not depend on the starter.
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
