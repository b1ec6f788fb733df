package io.accord.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code ./accord bench gateway} measures, from {@code --name=value} arguments. The URLs default to the
 * ports of {@code ./accord up}, shifted by {@code ACCORD_PORT_OFFSET} like the launcher's.
 *
 * @param user        a demo user of the development realm, logged in with the {@code accord-cli} direct grant
 * @param loadPercent the fixed rate of the response-time phase, in percent of the direct maximum (the issue's
 *                    figure is at 50; other values show how the added time grows with the load)
 */
record BenchOptions(URI gateway, URI direct, URI keycloak, String path, String user, String password,
                    int connections, Duration warmup, Duration duration, int loadPercent) {

    static final String USAGE = "usage: ./accord bench gateway [--connections=16] [--warmup=20] [--duration=20] [--load=50]"
            + " [--user=partner-manager --password=partner-manager-dev] [--path=/tmf-api/...]"
            + " [--gateway=URL] [--direct=URL] [--keycloak=URL]   (durations in seconds)";

    static BenchOptions parse(String[] arguments, Map<String, String> environment) {
        int offset = Integer.parseInt(environment.getOrDefault("ACCORD_PORT_OFFSET", "0").strip());
        URI gateway = URI.create("http://localhost:" + (8080 + offset));
        URI direct = URI.create("http://localhost:" + (8081 + offset));
        URI keycloak = URI.create("http://localhost:" + (8180 + offset));
        String path = "/tmf-api/party/v4/organization?limit=1";
        String user = "partner-manager";
        String password = "partner-manager-dev";
        int connections = 16;
        Duration warmup = Duration.ofSeconds(20);
        Duration duration = Duration.ofSeconds(20);
        int loadPercent = 50;
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("unexpected argument " + argument + "; " + USAGE);
            }
            String value = argument.substring(equals + 1);
            switch (argument.substring(2, equals)) {
                case "gateway" -> gateway = URI.create(value);
                case "direct" -> direct = URI.create(value);
                case "keycloak" -> keycloak = URI.create(value);
                case "path" -> path = value;
                case "user" -> user = value;
                case "password" -> password = value;
                case "connections" -> connections = positive(value);
                case "warmup" -> warmup = Duration.ofSeconds(positive(value));
                case "duration" -> duration = Duration.ofSeconds(positive(value));
                case "load" -> loadPercent = positive(value);
                default -> throw new IllegalArgumentException("unknown option " + argument + "; " + USAGE);
            }
        }
        return new BenchOptions(gateway, direct, keycloak, path, user, password, connections, warmup, duration,
                loadPercent);
    }

    private static int positive(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a positive number, not " + text + "; " + USAGE);
    }
}
