package io.accord.contracts.security;

/**
 * Spring Security's per-request character and bearer-token rules, decided by loops instead of regular expressions,
 * for the gateway and the services alike: on every request they ran Spring's patterns over every header (the
 * ~1.5 KB {@code Authorization} header twice), about 8 % of the gateway's CPU per request and 4 % of an order
 * placement's in a service (JFR under {@code ./accord bench gateway} and {@code ./accord bench orders}). Each method
 * decides exactly as the pattern it names (RequestChecksTests compares them on random strings).
 */
public final class RequestChecks {

    private static final String BEARER = "bearer";

    private RequestChecks() {
    }

    /**
     * Spring's rule for header names and parameter names (and the reactive firewall's for header values): every
     * character assigned in Unicode and not a control character, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}.
     * {@code null} (a header that is absent) passes.
     */
    public static boolean assignedAndNotControl(String value) {
        return allowed(value, false);
    }

    /**
     * The servlet firewall's rule for header values: as {@link #assignedAndNotControl} but a tab is allowed,
     * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}.
     */
    public static boolean assignedAndNotControlOrTab(String value) {
        return allowed(value, true);
    }

    /**
     * The token of an {@code Authorization} header as Spring's bearer-token resolvers take it (RFC 6750 §2.1,
     * {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive): {@code null} when the header is absent
     * or does not start with "bearer"; a header that does but is malformed is refused.
     *
     * @throws MalformedBearerToken for a header that starts with "bearer" but is not {@code Bearer <b64token>}
     */
    public static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        int start = BEARER.length() + 1;
        int length = authorization.length();
        if (length <= start || authorization.charAt(start - 1) != ' ') {
            throw new MalformedBearerToken();
        }
        int at = start;
        while (at < length && isTokenCharacter(authorization.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw new MalformedBearerToken();
        }
        while (at < length && authorization.charAt(at) == '=') {
            at++;
        }
        if (at != length) {
            throw new MalformedBearerToken();
        }
        return authorization.substring(start);
    }

    /** An {@code Authorization} header that names the bearer scheme but carries no well-formed token. */
    public static final class MalformedBearerToken extends IllegalArgumentException {

        /** Spring's own description of the error. */
        public static final String DESCRIPTION = "Bearer token is malformed";

        MalformedBearerToken() {
            super(DESCRIPTION);
        }
    }

    private static boolean allowed(String value, boolean tab) {
        if (value == null) {
            return true;
        }
        for (int at = 0; at < value.length(); ) {
            char c = value.charAt(at);
            if (c < 0x80) {
                // ASCII: all assigned; the controls are 0x00-0x1f and 0x7f
                if ((c < 0x20 && !(tab && c == '\t')) || c == 0x7f) {
                    return false;
                }
                at++;
                continue;
            }
            int codePoint = value.codePointAt(at);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            at += Character.charCount(codePoint);
        }
        return true;
    }

    /** RFC 6750 b64token characters (without the trailing '=' padding). */
    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
