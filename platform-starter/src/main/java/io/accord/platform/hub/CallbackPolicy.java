package io.accord.platform.hub;

import io.accord.platform.problem.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which callbacks the hub accepts: absolute {@code https://} URLs; plain {@code http://} only to a loopback address
 * ({@code localhost}, 127.0.0.0/8, {@code ::1}) unless development allows it everywhere. No credentials in the URL
 * (they would show on every GET) and no fragment. Host names are judged as written, never resolved: a lookup now
 * proves nothing about where the name points at delivery time.
 */
final class CallbackPolicy {

    static final String FIELD = "callback";

    private final boolean allowPlainHttp;

    CallbackPolicy(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    /** The callback as a URI, or 400 naming {@code callback}. */
    URI check(String callback) {
        URI uri;
        try {
            uri = new URI(callback.trim());
        } catch (URISyntaxException malformed) {
            throw invalid("is not a valid URL: " + malformed.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw invalid("must be an absolute https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not carry credentials (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("must not have a fragment (#...)");
        }
        if ("https".equals(scheme)) {
            return uri;
        }
        if ("http".equals(scheme)) {
            if (allowPlainHttp || isLoopback(uri.getHost())) {
                return uri;
            }
            throw invalid("must use https:// (plain http:// only to localhost or a loopback address)");
        }
        throw invalid("must use https://, not " + (scheme.isEmpty() ? "no scheme" : scheme + "://"));
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1") || name.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    private static InvalidInputException invalid(String why) {
        return new InvalidInputException(FIELD, "The callback " + why + ".");
    }
}
