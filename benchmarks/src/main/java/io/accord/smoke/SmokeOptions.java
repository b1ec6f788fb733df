package io.accord.smoke;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code ./accord smoke} checks and with which credentials. Options take {@code --name value} or
 * {@code --name=value}; the URLs default to {@code ./accord up}'s ports (shifted by {@code ACCORD_PORT_OFFSET}).
 *
 * @param baseUrl      the gateway, e.g. {@code https://api.accord.example} (the chart's ingress host)
 * @param keycloakUrl  Keycloak's base URL (the realm's issuer is {@code <keycloakUrl>/realms/<realm>})
 * @param clientSecret the {@code ci-pipeline} client's secret, from {@code ACCORD_CI_CLIENT_SECRET}
 * @param devSecret    true when the variable was not set and the development realm's documented secret is used
 */
record SmokeOptions(URI baseUrl, URI keycloakUrl, String realm, String clientId, String clientSecret,
                    boolean devSecret, Duration timeout) {

    static final String SECRET_VARIABLE = "ACCORD_CI_CLIENT_SECRET";
    /** The development realm's documented ci-pipeline secret (deploy/keycloak/README.md); dev only. */
    static final String DEV_SECRET = "ci-pipeline-dev-secret";

    static final String USAGE = "usage: ./accord smoke [--base-url URL] [--keycloak-url URL] [--realm accord]"
            + " [--client-id ci-pipeline] [--timeout 10]   (client secret from " + SECRET_VARIABLE + ")";

    static SmokeOptions parse(String[] arguments, Map<String, String> environment) {
        int offset = Integer.parseInt(environment.getOrDefault("ACCORD_PORT_OFFSET", "0").strip());
        URI baseUrl = URI.create("http://localhost:" + (8080 + offset));
        URI keycloakUrl = URI.create("http://localhost:" + (8180 + offset));
        String realm = "accord";
        String clientId = "ci-pipeline";
        Duration timeout = Duration.ofSeconds(10);
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + argument + "; " + USAGE);
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument.substring(2) : argument.substring(2, equals);
            String value;
            if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (i + 1 < arguments.length) {
                value = arguments[++i];
            } else {
                throw new IllegalArgumentException("option " + argument + " needs a value; " + USAGE);
            }
            switch (name) {
                case "base-url" -> baseUrl = url(value);
                case "keycloak-url" -> keycloakUrl = url(value);
                case "realm" -> realm = value;
                case "client-id" -> clientId = value;
                case "timeout" -> timeout = Duration.ofSeconds(positive(value));
                default -> throw new IllegalArgumentException("unknown option " + argument + "; " + USAGE);
            }
        }
        String secret = environment.get(SECRET_VARIABLE);
        boolean devSecret = secret == null || secret.isBlank();
        return new SmokeOptions(baseUrl, keycloakUrl, realm, clientId, devSecret ? DEV_SECRET : secret, devSecret,
                timeout);
    }

    URI tokenEndpoint() {
        return resolve(keycloakUrl, "/realms/" + realm + "/protocol/openid-connect/token");
    }

    URI gateway(String pathAndQuery) {
        return resolve(baseUrl, pathAndQuery);
    }

    /** {@code base} may carry a path prefix (a gateway behind a path-routing proxy); it is kept. */
    private static URI resolve(URI base, String pathAndQuery) {
        String prefix = base.toString().replaceAll("/+$", "");
        return URI.create(prefix + pathAndQuery);
    }

    private static URI url(String value) {
        URI url = URI.create(value);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + value + "; " + USAGE);
        }
        return url;
    }

    private static int positive(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a positive number of seconds, not " + text + "; " + USAGE);
    }
}
