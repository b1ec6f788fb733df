package io.accord.contracts;

/** Problem+json {@code type} URIs are {@code BASE + slug} in the gateway and every service; slugs are stable API. */
public final class ProblemTypes {

    public static final String BASE = "https://accord.dev/problems/";

    private ProblemTypes() {
    }
}
