package io.accord.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code ./accord bench import} does, from {@code --name=value} arguments. The URLs default to the ports of
 * {@code ./accord up}, shifted by {@code ACCORD_PORT_OFFSET} like the launcher's.
 *
 * @param rows    offerings in the generated file (one price each)
 * @param mode    the import job's mode, {@code rowByRow} or {@code allOrNothing}
 * @param user    a demo partner admin of the development realm (the offerings become its partner's)
 * @param timeout how long to wait for the job before giving up
 */
record ImportBenchOptions(URI gateway, URI keycloak, int rows, String mode, String user, String password,
                          Duration timeout) {

    static final String USAGE = "usage: ./accord bench import [--rows=100000] [--mode=rowByRow|allOrNothing]"
            + " [--user=partner-admin --password=partner-admin-dev] [--timeout=600] [--gateway=URL]"
            + " [--keycloak=URL]   (timeout in seconds)";

    static ImportBenchOptions parse(String[] arguments, Map<String, String> environment) {
        int offset = Integer.parseInt(environment.getOrDefault("ACCORD_PORT_OFFSET", "0").strip());
        URI gateway = URI.create("http://localhost:" + (8080 + offset));
        URI keycloak = URI.create("http://localhost:" + (8180 + offset));
        int rows = 100_000;
        String mode = "rowByRow";
        String user = "partner-admin";
        String password = "partner-admin-dev";
        Duration timeout = Duration.ofSeconds(600);
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("unexpected argument " + argument + "; " + USAGE);
            }
            String value = argument.substring(equals + 1);
            switch (argument.substring(2, equals)) {
                case "gateway" -> gateway = URI.create(value);
                case "keycloak" -> keycloak = URI.create(value);
                case "rows" -> rows = positive(value);
                case "mode" -> mode = mode(value);
                case "user" -> user = value;
                case "password" -> password = value;
                case "timeout" -> timeout = Duration.ofSeconds(positive(value));
                default -> throw new IllegalArgumentException("unknown option " + argument + "; " + USAGE);
            }
        }
        return new ImportBenchOptions(gateway, keycloak, rows, mode, user, password, timeout);
    }

    private static String mode(String value) {
        if (value.equals("rowByRow") || value.equals("allOrNothing")) {
            return value;
        }
        throw new IllegalArgumentException("mode is rowByRow or allOrNothing, not " + value + "; " + USAGE);
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
