package io.accord.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

import io.accord.infra.Processes;

/** Command line and environment of a service JVM, and starting it with its output in its log file. */
final class ServiceProcesses {

    private static final String ONBOARDING = "onboarding";
    private static final String ORCHESTRATION = "orchestration";
    private static final String RATING = "rating";
    private static final String SETTLEMENT = "settlement";
    static final String ACTIVATION_SECRET_KEY = "ACCORD_ACTIVATION_SECRET_KEY";
    /** A public, development-only AES-256 key for orchestration's webhook secrets (docs/orchestration-saga.md). */
    static final String DEV_ACTIVATION_SECRET_KEY = "ZGV2LW9ubHktYWNjb3JkLWFjdGl2YXRpb24ta2V5ISE=";
    static final String ONBOARDING_CLIENT_SECRET = "ACCORD_ONBOARDING_CLIENT_SECRET";
    /**
     * The realm file's documented dev-only secret of the {@code accord-onboarding} client (deploy/keycloak/README.md).
     * Keycloak, started by this launcher, resolves the same variable with the same fallback when it imports the
     * realm; the service itself has no default and refuses to start without the variable.
     */
    static final String DEV_ONBOARDING_CLIENT_SECRET = "accord-onboarding-dev-secret";

    private ServiceProcesses() {
    }

    static Process start(ServiceSpec service, PlatformConfig config, Map<String, String> environment, Path logFile) {
        return start(service, config, environment, logFile, Optional.empty());
    }

    /** Starts the service from its start-up cache when one is ready, else from its executable jar. */
    static Process start(ServiceSpec service, PlatformConfig config, Map<String, String> environment, Path logFile,
                         Optional<StartupCache.Entry> cache) {
        List<String> command = command(service, config, cache);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(config.projectRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.to(logFile.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name() + ": " + command, e);
        }
    }

    static List<String> command(ServiceSpec service, PlatformConfig config) {
        return command(service, config, Optional.empty());
    }

    static List<String> command(ServiceSpec service, PlatformConfig config, Optional<StartupCache.Entry> cache) {
        List<String> command = new ArrayList<>(Processes.ownSession());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(service, config));
        command.addAll(cache.filter(StartupCache.Entry::isReady).map(StartupCache.Entry::launchArguments)
                .orElse(List.of("-jar", service.jar(config.projectRoot()).toString())));
        return command;
    }

    /**
     * The JVM options of a service (and of its start-up cache's training run): the jar's Spring AOT switch, then
     * the configured options (a default replaced by the service's own flag of the same name, if it has one), so
     * {@code ACCORD_SERVICE_JVM_ARGS=-Dspring.aot.enabled=false} still turns it off.
     */
    static List<String> jvmOptions(ServiceSpec service, PlatformConfig config) {
        List<String> options = new ArrayList<>();
        if (hasSpringAot(service.jar(config.projectRoot()))) {
            options.add("-Dspring.aot.enabled=true");
        }
        // the service's own flags in place of the defaults' ones of the same name, or right after the last default;
        // the environment's come later and win
        List<String> own = new ArrayList<>(service.jvmOptions());
        int afterDefaults = options.size();
        for (String option : config.serviceJvmOptions()) {
            if (!PlatformConfig.DEFAULT_SERVICE_JVM_OPTIONS.contains(option)) {
                options.add(option);
                continue;
            }
            String replacement = own.stream()
                    .filter(flag -> ServiceSpec.flagName(flag).equals(ServiceSpec.flagName(option)))
                    .findFirst().orElse(option);
            own.remove(replacement);
            options.add(replacement);
            afterDefaults = options.size();
        }
        options.addAll(afterDefaults, own);
        return options;
    }

    /**
     * Whether the executable jar holds what Spring AOT generated for its application ({@code process-aot} in the
     * build of the services): the bean definitions as code, read at start instead of scanning classes and evaluating
     * conditions. A jar without them (built with {@code accord.aot.skip}) must not be started with the switch, Spring
     * would refuse.
     */
    static boolean hasSpringAot(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String application = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Start-Class");
            return application != null && file.getEntry("BOOT-INF/classes/" + application.replace('.', '/')
                    + "__ApplicationContextInitializer.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What a service reads from its environment; the gateway also learns where each service listens, the portal where
     * the gateway is.
     */
    static Map<String, String> environment(ServiceSpec service, PlatformConfig config, Databases databases,
                                           String kafkaBootstrapServers) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(config.port(service)));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        environment.put("ACCORD_ISSUER_URI", config.issuerUri());
        // /actuator/health/readiness is what the launcher waits for, on or off Kubernetes
        environment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        // accord.platform.outbound.allow-private-addresses: partners' webhooks and hub callbacks on this machine
        environment.put("ACCORD_PLATFORM_OUTBOUND_ALLOWPRIVATEADDRESSES", "true");
        // accord.platform.api-docs.development-realm: the API docs list the development realm's demo users
        environment.put("ACCORD_PLATFORM_APIDOCS_DEVELOPMENTREALM", "true");
        if (ONBOARDING.equals(service.key())) {
            // provisions partner groups and admin users through Keycloak's admin API
            environment.put("ACCORD_KEYCLOAK_URL", config.keycloakUrl());
            // accord.onboarding.demo-seed.enabled: the demo users' partners, created when missing (dev only)
            environment.put("ACCORD_ONBOARDING_DEMOSEED_ENABLED", "true");
            environment.put(ONBOARDING_CLIENT_SECRET,
                    System.getenv().getOrDefault(ONBOARDING_CLIENT_SECRET, DEV_ONBOARDING_CLIENT_SECRET));
            // accord.onboarding.identity.invitation.*: the first-login e-mail's link ends in the portal's login
            environment.put("ACCORD_ONBOARDING_IDENTITY_INVITATION_CLIENTID", "self-care-portal");
            environment.put("ACCORD_ONBOARDING_IDENTITY_INVITATION_REDIRECTURI",
                    "http://localhost:" + config.port(ServiceSpec.PORTAL) + "/");
        }
        if (ORCHESTRATION.equals(service.key())) {
            environment.put(ACTIVATION_SECRET_KEY,
                    System.getenv().getOrDefault(ACTIVATION_SECRET_KEY, DEV_ACTIVATION_SECRET_KEY));
            // the base of the callback URLs partners' activation webhooks are given: the gateway
            environment.put("ACCORD_PUBLIC_API_URL", "http://localhost:" + config.port(ServiceSpec.GATEWAY));
        }
        if (SETTLEMENT.equals(service.key())) {
            // accord.settlement.rating-url: usage matching streams rating's export (with the port offset too)
            ServiceSpec rating = ServiceSpec.SERVICES.stream().filter(spec -> RATING.equals(spec.key())).findFirst()
                    .orElseThrow();
            environment.put("ACCORD_SETTLEMENT_RATINGURL", "http://localhost:" + config.port(rating));
        }
        if (service.hasDatabase()) {
            environment.put("SPRING_DATASOURCE_URL", databases.jdbcUrl(service.key()));
            databases.roles(service.key()).ifPresentOrElse(roles -> {
                // the service runs as a role without DDL rights; Flyway migrates as the database's owner
                environment.put("SPRING_DATASOURCE_USERNAME", roles.runtime());
                environment.put("SPRING_DATASOURCE_PASSWORD", roles.runtimePassword());
                environment.put("SPRING_FLYWAY_USER", roles.owner());
                environment.put("SPRING_FLYWAY_PASSWORD", roles.ownerPassword());
            }, () -> {
                environment.put("SPRING_DATASOURCE_USERNAME", databases.user());
                environment.put("SPRING_DATASOURCE_PASSWORD", databases.password());
            });
        } else if (service.equals(ServiceSpec.PORTAL)) {
            // every data call of the portal goes through the gateway, with the logged-in user's token
            environment.put("ACCORD_GATEWAY_URL", "http://localhost:" + config.port(ServiceSpec.GATEWAY));
            // the origin browsers reach it at (the login's redirects are built from it, not from a Host header)
            environment.put("ACCORD_PORTAL_PUBLIC_URL", "http://localhost:" + config.port(ServiceSpec.PORTAL));
        } else {
            for (ServiceSpec backend : ServiceSpec.SERVICES) {
                environment.put("ACCORD_GATEWAY_BACKENDS_" + backend.key().toUpperCase(),
                        "http://localhost:" + config.port(backend));
            }
        }
        return environment;
    }
}
