package io.accord.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One Spring Boot application the launcher runs from its executable jar.
 *
 * @param name     component name in progress lines, the state file and {@code ./accord logs NAME}
 * @param module   Maven module directory, which is also the artifactId
 * @param basePort HTTP port before the platform's port offset
 * @param key      the service's own database and its key in the gateway's {@code accord.gateway.backends};
 *                 {@code null} for the gateway and the portal
 * @param jvmOptions flags that replace the defaults' flag of the same name ({@link #flagName}), e.g. {@code -Xmx512m}
 *                   for {@code -Xmx192m}, or else come right after the defaults; flags of
 *                   {@code ACCORD_SERVICE_JVM_ARGS} still come after them and win
 */
public record ServiceSpec(String name, String module, int basePort, String key, List<String> jvmOptions) {

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public ServiceSpec(String name, String module, int basePort, String key) {
        this(name, module, basePort, key, List.of());
    }

    public static final String VERSION = "0.1.0-SNAPSHOT";

    /**
     * Every API call passes through the gateway: the full JIT of a production image (the Helm chart's default), not
     * the defaults' C1 only; its CPU per proxied call a third to a half lower once compiled (docs/architecture.md, "Gateway
     * overhead").
     */
    public static final ServiceSpec GATEWAY = new ServiceSpec("api-gateway", "api-gateway", 8080, null,
            List.of("-XX:TieredStopAtLevel=4"));

    /** The self-care portal and ops console (a backend-for-frontend in front of the gateway; no database). */
    public static final ServiceSpec PORTAL = new ServiceSpec("self-care-portal", "self-care-portal", 8090, null);

    /** The six business services, in the order their ports are numbered. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("partner-onboarding", "partner-onboarding-service", 8081, "onboarding"),
            new ServiceSpec("catalog", "catalog-service", 8082, "catalog"),
            // the saga's sustained throughput: the full JIT of a production image, not the defaults' C1 only
            // (docs/orchestration-saga.md, "Thirteenth round": its CPU per order a third lower once compiled)
            new ServiceSpec("orchestration", "orchestration-service", 8083, "orchestration",
                    List.of("-XX:TieredStopAtLevel=4")),
            // rating holds every product instance in its heap (its read model, docs/rating-read-models.md): the
            // default 192 MB held about 250,000 after many orders benches, collecting garbage most of the time
            new ServiceSpec("rating", "rating-service", 8084, "rating", List.of("-Xmx512m")),
            new ServiceSpec("settlement", "settlement-service", 8085, "settlement"),
            new ServiceSpec("dispute", "dispute-service", 8086, "dispute"));

    /**
     * The option a flag sets: {@code -XX:Name} for {@code -XX:Name=1} and {@code -XX:+Name}, {@code -Xmx} for
     * {@code -Xmx512m}, {@code -Dkey} for {@code -Dkey=value}.
     */
    static String flagName(String flag) {
        if (flag.startsWith("-XX:")) {
            String name = flag.substring(4).replaceFirst("^[+-]", "");
            int equals = name.indexOf('=');
            return "-XX:" + (equals < 0 ? name : name.substring(0, equals));
        }
        if (flag.startsWith("-Xmx") || flag.startsWith("-Xms") || flag.startsWith("-Xss")) {
            return flag.substring(0, 4);
        }
        int equals = flag.indexOf('=');
        return equals < 0 ? flag : flag.substring(0, equals);
    }

    public boolean hasDatabase() {
        return key != null;
    }

    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }
}
