package io.accord.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Platform#start} starts and where.
 *
 * @param projectRoot      the checkout: service jars under {@code <module>/target}, the realm file under deploy/
 * @param workDirectory    data, logs and run state ({@code .accord} for {@code ./accord up})
 * @param portOffset       added to every port, so a second platform (system tests) can run beside {@code up}
 * @param externalDatabase an existing PostgreSQL server to use instead of the embedded one
 * @param healthTimeout    how long every component together may take to become healthy
 * @param startServices    false starts only PostgreSQL, Kafka and Keycloak
 */
public record PlatformConfig(Path projectRoot, Path workDirectory, int portOffset,
                             Optional<ExternalDatabase> externalDatabase, Duration healthTimeout,
                             List<String> serviceJvmOptions, boolean startServices) {

    /** The defaults' maximum heap; a service may replace it ({@link ServiceSpec#jvmOptions()}). */
    public static final String DEFAULT_MAX_HEAP = "-Xmx192m";

    /**
     * Sized so each service idles below 350 MB resident; C1 only, because startup time matters more here. A service
     * may replace any of them with its own ({@link ServiceSpec#jvmOptions()}: rating's heap, orchestration's JIT).
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xms32m", DEFAULT_MAX_HEAP, "-Xss512k",
            "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=48m",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    /** An existing server; each service's database is created on it. */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {
    }

    /**
     * The environment variable whose flags (separated by spaces) are added after {@link #DEFAULT_SERVICE_JVM_OPTIONS}
     * for the services and the gateway, e.g. {@code -XX:TieredStopAtLevel=4} for the full JIT a production image
     * runs with (a later flag overrides an earlier one).
     */
    public static final String SERVICE_JVM_ARGS_VARIABLE = "ACCORD_SERVICE_JVM_ARGS";

    /** The environment variable that lengthens the start-up's health timeout on a busy machine. */
    public static final String HEALTH_TIMEOUT_VARIABLE = "ACCORD_HEALTH_TIMEOUT_SECONDS";

    public static PlatformConfig defaults(Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        return new PlatformConfig(root, root.resolve(".accord"), 0, Optional.empty(), Duration.ofMinutes(5),
                DEFAULT_SERVICE_JVM_OPTIONS, true);
    }

    /**
     * The defaults, with {@code ACCORD_DB_URL}, {@code ACCORD_DB_USER} and {@code ACCORD_DB_PASSWORD} applied, and
     * {@code ACCORD_PORT_OFFSET} (added to every port, to run a second platform beside the default one) and
     * {@code ACCORD_HEALTH_TIMEOUT_SECONDS} (how long the components may take to become healthy; 300 by default),
     * and {@code ACCORD_SERVICE_JVM_ARGS} (JVM flags added after the services' defaults).
     */
    public static PlatformConfig fromEnvironment(Path projectRoot, Map<String, String> environment) {
        PlatformConfig config = defaults(projectRoot);
        String jvmArgs = environment.get(SERVICE_JVM_ARGS_VARIABLE);
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            config = config.withServiceJvmOptions(java.util.stream.Stream.concat(
                    config.serviceJvmOptions().stream(), java.util.Arrays.stream(jvmArgs.strip().split("\\s+")))
                    .toList());
        }
        String offset = environment.get("ACCORD_PORT_OFFSET");
        if (offset != null && !offset.isBlank()) {
            config = config.withPortOffset(Integer.parseInt(offset.strip()));
        }
        String timeout = environment.get(HEALTH_TIMEOUT_VARIABLE);
        if (timeout != null && !timeout.isBlank()) {
            config = config.withHealthTimeout(Duration.ofSeconds(Long.parseLong(timeout.strip())));
        }
        String url = environment.get("ACCORD_DB_URL");
        if (url == null || url.isBlank()) {
            return config;
        }
        return config.withExternalDatabase(new ExternalDatabase(url.strip(),
                environment.getOrDefault("ACCORD_DB_USER", "postgres"),
                environment.getOrDefault("ACCORD_DB_PASSWORD", "")));
    }

    public PlatformConfig withWorkDirectory(Path directory) {
        return new PlatformConfig(projectRoot, directory.toAbsolutePath().normalize(), portOffset, externalDatabase,
                healthTimeout, serviceJvmOptions, startServices);
    }

    public PlatformConfig withHealthTimeout(Duration timeout) {
        return new PlatformConfig(projectRoot, workDirectory, portOffset, externalDatabase, timeout,
                serviceJvmOptions, startServices);
    }

    public PlatformConfig withPortOffset(int offset) {
        return new PlatformConfig(projectRoot, workDirectory, offset, externalDatabase, healthTimeout,
                serviceJvmOptions, startServices);
    }

    public PlatformConfig withServiceJvmOptions(List<String> options) {
        return new PlatformConfig(projectRoot, workDirectory, portOffset, externalDatabase, healthTimeout,
                List.copyOf(options), startServices);
    }

    public PlatformConfig withExternalDatabase(ExternalDatabase database) {
        return new PlatformConfig(projectRoot, workDirectory, portOffset, Optional.of(database), healthTimeout,
                serviceJvmOptions, startServices);
    }

    public PlatformConfig withoutServices() {
        return new PlatformConfig(projectRoot, workDirectory, portOffset, externalDatabase, healthTimeout,
                serviceJvmOptions, false);
    }

    public int postgresPort() {
        return 54320 + portOffset;
    }

    public int kafkaPort() {
        return 19092 + portOffset;
    }

    public int keycloakPort() {
        return 8180 + portOffset;
    }

    public int port(ServiceSpec service) {
        return service.basePort() + portOffset;
    }

    /** The development mail sink's SMTP port, which Keycloak sends to. */
    public int smtpPort() {
        return 3025 + portOffset;
    }

    /** The mail sink's IMAP port (any login) for a mail client. */
    public int imapPort() {
        return 3143 + portOffset;
    }

    /** The mail sink's REST API, where mailboxes are read. */
    public int mailApiPort() {
        return 8025 + portOffset;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort();
    }

    public String issuerUri() {
        return keycloakUrl() + "/realms/accord";
    }

    public Path logDirectory() {
        return workDirectory.resolve("logs");
    }

    /**
     * AOT caches / CDS archives of the services' JVMs, per jar content and JDK ({@link StartupCache}), and those of
     * Keycloak's and Kafka's JVMs: in the build's output ({@code target/accord-startup-cache}), since they follow
     * from the build and the JDK, not from the platform's data, and so serve a start from an empty work directory
     * too ({@code mvn clean} removes them with the jars).
     */
    public Path startupCacheDirectory() {
        return projectRoot.resolve("target").resolve("accord-startup-cache");
    }

    public Path stateFile() {
        return workDirectory.resolve("run").resolve("state.properties");
    }

    public Path realmFile() {
        return projectRoot.resolve("deploy").resolve("keycloak").resolve("accord-realm.json");
    }
}
