package io.accord.portal.security;

import java.net.URI;

/**
 * The headers every answer of the portal carries beside Spring Security's defaults (no sniffing, no framing): the
 * Content-Security-Policy and the Referrer-Policy. Pages load only the portal's own scripts and styles (htmx and
 * {@code portal.js}, {@code portal.css}; no inline script, style or event handler), post forms only to the portal, and
 * after logging out a form's answer redirects to Keycloak's logout, which {@code form-action} must allow too.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String REFERRER_POLICY = "Referrer-Policy";
    /** Links to other sites and the redirects to Keycloak carry no address of a portal page (ids in paths). */
    static final String NO_REFERRER = "no-referrer";

    private SecurityHeaders() {
    }

    static String contentSecurityPolicy(KeycloakProperties keycloak) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + origin(keycloak.endpoint("logout"));
    }

    /** {@code scheme://host[:port]} of the login pages' address. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
