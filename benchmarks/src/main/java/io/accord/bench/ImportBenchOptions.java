package io.accord.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

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
        Arguments options = Arguments.parse(arguments, Set.of("gateway", "keycloak", "rows", "mode", "user",
                "password", "timeout"), USAGE);
        return new ImportBenchOptions(options.uri("gateway", Arguments.local(environment, 8080)),
                options.uri("keycloak", Arguments.local(environment, 8180)), options.positive("rows", 100_000),
                options.oneOf("mode", "rowByRow", Set.of("rowByRow", "allOrNothing")),
                options.text("user", "partner-admin"), options.text("password", "partner-admin-dev"),
                Duration.ofSeconds(options.positive("timeout", 600)));
    }
}
