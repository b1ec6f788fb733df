package io.accord.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./accord bench gateway} measures, from {@code --name=value} arguments. The URLs default to the
 * ports of {@code ./accord up}, shifted by {@code ACCORD_PORT_OFFSET} like the launcher's.
 *
 * @param user        a demo user of the development realm, logged in with the {@code accord-cli} direct grant
 * @param loadPercent the fixed rate of the response-time phase, in percent of the direct maximum (the issue's
 *                    figure is at 50; other values show how the added time grows with the load)
 */
record BenchOptions(URI gateway, URI direct, URI keycloak, String path, String user, String password,
                    int connections, Duration warmup, Duration duration, int loadPercent, Path runState) {

    static final String USAGE = "usage: ./accord bench gateway [--connections=16] [--warmup=60] [--duration=20] [--load=50]"
            + " [--user=partner-manager --password=partner-manager-dev] [--path=/tmf-api/...]"
            + " [--gateway=URL] [--direct=URL] [--keycloak=URL] [--run-state=.accord/run/state.properties]"
            + "   (durations in seconds)";

    static BenchOptions parse(String[] arguments, Map<String, String> environment) {
        Arguments options = Arguments.parse(arguments, Set.of("gateway", "direct", "keycloak", "path", "user",
                "password", "connections", "warmup", "duration", "load", "run-state"), USAGE);
        return new BenchOptions(options.uri("gateway", Arguments.local(environment, 8080)),
                options.uri("direct", Arguments.local(environment, 8081)),
                options.uri("keycloak", Arguments.local(environment, 8180)),
                options.text("path", "/tmf-api/party/v4/organization?limit=1"),
                options.text("user", "partner-manager"), options.text("password", "partner-manager-dev"),
                options.positive("connections", 16), Duration.ofSeconds(options.positive("warmup", 60)),
                Duration.ofSeconds(options.positive("duration", 20)), options.positive("load", 50),
                Path.of(options.text("run-state", ".accord/run/state.properties")));
    }
}
