package io.accord.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./accord bench orders} measures, from {@code --name=value} arguments. The URLs default to the ports
 * of {@code ./accord up}, shifted by {@code ACCORD_PORT_OFFSET} like the launcher's.
 *
 * @param gateway   where the set-up goes (catalog, inventory): through the gateway, as users do
 * @param service   where the orders go: the orchestration service's own port, so that the gateway's per-partner
 *                  rate limit (50 requests/s by default) does not cap what the saga engine is measured at
 * @param orders    how many orders are placed
 * @param rate      orders offered per second (open loop: sent on schedule whether or not earlier ones are done)
 * @param runState  {@code ./accord up}'s run state, where the service's pid is read for its resident memory
 * @param warmup    orders placed (at {@code rate}) and completed before the measured ones: a tenth of {@code orders}
 *                  by default; a JIT that is still compiling after a start needs tens of thousands
 */
record OrdersBenchOptions(URI gateway, URI service, URI keycloak, int orders, int rate, int connections,
                          Duration timeout, Path runState, int warmup) {

    static final String USAGE = "usage: ./accord bench orders [--orders=3000] [--rate=120] [--warmup=<orders/10>]"
            + " [--connections=32] [--timeout=300] [--gateway=URL] [--service=URL] [--keycloak=URL]"
            + " [--run-state=.accord/run/state.properties]   (timeout in seconds)";

    static OrdersBenchOptions parse(String[] arguments, Map<String, String> environment) {
        Arguments options = Arguments.parse(arguments, Set.of("gateway", "service", "keycloak", "orders", "rate",
                "warmup", "connections", "timeout", "run-state"), USAGE);
        int orders = options.positive("orders", 3000);
        return new OrdersBenchOptions(options.uri("gateway", Arguments.local(environment, 8080)),
                options.uri("service", Arguments.local(environment, 8083)),
                options.uri("keycloak", Arguments.local(environment, 8180)), orders,
                options.positive("rate", 120), options.positive("connections", 32),
                Duration.ofSeconds(options.positive("timeout", 300)),
                Path.of(options.text("run-state", ".accord/run/state.properties")),
                options.positive("warmup", Math.max(1, orders / 10)));
    }
}
