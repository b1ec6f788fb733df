package io.accord.launcher;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole Accord platform on this machine: PostgreSQL, Kafka, Keycloak, the six services and the
 * gateway, each a real server in its own process. {@code ./accord up} and the system tests both start it
 * through {@link #start}; {@link #close()} stops it in dependency order.
 */
public final class Platform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private final PlatformConfig config;
    private final StartedComponents components;
    private final Databases databases;
    private final String kafkaBootstrapServers;
    private final Thread shutdownHook;
    private final List<ServiceSpec> uncached;

    Platform(PlatformConfig config, StartedComponents components, Databases databases, String kafkaBootstrapServers,
             List<ServiceSpec> uncached) {
        this.uncached = uncached;
        this.config = config;
        this.components = components;
        this.databases = databases;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.shutdownHook = new Thread(() -> stopComponents(message -> { }), "accord-platform-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts everything and returns once every component is healthy; throws {@link ComponentFailedException}. */
    public static Platform start(PlatformConfig config) {
        return start(config, PlatformListener.SILENT);
    }

    public static Platform start(PlatformConfig config, PlatformListener listener) {
        return new PlatformStarter(config, listener).start();
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.port(ServiceSpec.GATEWAY);
    }

    /** The self-care portal and ops console: {@code http://localhost:8090}. */
    public String portalUrl() {
        return "http://localhost:" + config.port(ServiceSpec.PORTAL);
    }

    public String keycloakUrl() {
        return "http://localhost:" + config.keycloakPort();
    }

    /** The issuer the services trust: {@code http://localhost:8180/realms/accord}. */
    public String issuerUri() {
        return config.issuerUri();
    }

    /** {@code http://localhost:PORT} of a service by name ({@code partner-onboarding}, {@code catalog}, ...). */
    public String serviceUrl(String name) {
        return Preflight.services().stream().filter(service -> service.name().equals(name)).findFirst()
                .map(service -> "http://localhost:" + config.port(service))
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    /** GreenMail's REST API of the development mail sink ({@code http://localhost:8025}). */
    public String mailApiUrl() {
        return "http://localhost:" + config.mailApiPort();
    }

    /** Where the messages sent to one address are read: {@code GET} answers GreenMail's JSON array. */
    public String mailboxUrl(String email) {
        return mailApiUrl() + "/api/user/" + email + "/messages/";
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** JDBC URL of a service's database ({@code onboarding}, {@code catalog}, ..., {@code keycloak}). */
    public String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    public String databaseUser() {
        return databases.user();
    }

    public String databasePassword() {
        return databases.password();
    }

    public List<ComponentState> components() {
        return components.all();
    }

    /** Services started without a ready start-up cache ({@link StartupCache}). */
    List<ServiceSpec> servicesWithoutStartupCache() {
        return uncached;
    }

    /** The environment a service runs with, for its start-up cache's training run. */
    Map<String, String> environment(ServiceSpec service) {
        return ServiceProcesses.environment(service, config, databases, kafkaBootstrapServers);
    }

    public PlatformConfig config() {
        return config;
    }

    /** Stops services, then Keycloak, Kafka and PostgreSQL; returns when all have exited. */
    @Override
    public void close() {
        stop(message -> { });
    }

    /** {@link #close()}, telling {@code progress} what it stops. */
    public void stop(Consumer<String> progress) {
        stopComponents(progress);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // called during JVM shutdown: our hook runs too and finds everything stopped
            log.debug("JVM shutdown in progress, hook stays", e);
        }
    }

    private synchronized void stopComponents(Consumer<String> progress) {
        components.stopAll(progress);
    }
}
