package io.accord.contracts;

/** Problem+json {@code type} URIs are {@code BASE + slug} in the gateway and every service; slugs are stable API. */
public final class ProblemTypes {

    public static final String BASE = "https://accord.dev/problems/";

    private ProblemTypes() {
    }

    /**
     * The slug of a problem that has nothing more specific to say than its status: the same in the gateway, the
     * services and the portal ({@code http-<status>} for a status without a name of its own).
     */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 431 -> "headers-too-large";
            case 500 -> "internal-error";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        };
    }
}
