package io.accord.launcher;

import static io.accord.launcher.StartSteps.named;
import static io.accord.launcher.StartSteps.namedStep;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.accord.contracts.Topics;
import io.accord.infra.EmbeddedPostgres;
import io.accord.infra.KafkaBroker;
import io.accord.infra.KeycloakRealmSync;
import io.accord.infra.KeycloakServer;
import io.accord.infra.MailSink;

/**
 * Starts the platform in dependency order, in parallel where nothing depends on anything:
 * PostgreSQL and Kafka together; Keycloak as soon as PostgreSQL runs; services as soon as both run
 * (they do not call Keycloak while starting). The first failure stops everything started so far.
 */
final class PlatformStarter {

    private static final Logger log = LoggerFactory.getLogger(PlatformStarter.class);
    /** Keycloak's own start timeout (4 min) runs beside the services' deadline: a margin beyond both. */
    private static final Duration WAIT_MARGIN = Duration.ofMinutes(1);
    /** The realm's client the self-care portal logs users in with. */
    static final String PORTAL_CLIENT = "self-care-portal";

    private final PlatformConfig config;
    private final PlatformListener listener;
    private final StartedComponents started = new StartedComponents();
    private final HealthProbe probe = new HealthProbe();
    private final StartupCache startupCache;
    /** Services that started without a ready start-up cache, for {@code up} to create theirs afterwards. */
    private final List<ServiceSpec> uncached = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("accord-start-", 1).factory());
    private final long startNanos = System.nanoTime();

    PlatformStarter(PlatformConfig config, PlatformListener listener) {
        this.config = config;
        this.listener = listener;
        this.startupCache = new StartupCache(config.startupCacheDirectory());
    }

    Platform start() {
        Preflight.check(config);
        Path work = config.workDirectory();
        // an existing server's log is not ours to point at
        Path postgresLog = config.externalDatabase().isPresent() ? null : work.resolve("postgres/postgres.log");
        // Keycloak's database first: Keycloak, the longest start, need not wait for the services' databases
        CompletableFuture<Databases> server = CompletableFuture.supplyAsync(
                () -> named("postgres", postgresLog, this::startDatabaseServer), executor);
        CompletableFuture<Databases> databases = server.thenApplyAsync(
                db -> named("postgres", postgresLog, () -> createServiceDatabases(db)), executor);
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(
                () -> named("kafka", work.resolve("kafka/broker.log"), this::startKafka), executor);
        CompletableFuture<MailSink> mail = CompletableFuture.supplyAsync(
                () -> named("mail", work.resolve("mail/mail.log"), this::startMail), executor);
        CompletableFuture<Void> keycloak = server.thenAcceptAsync(
                db -> namedStep("keycloak", work.resolve("keycloak/keycloak.log"), () -> startKeycloak(db, mail)),
                executor);
        List<CompletableFuture<?>> steps = new ArrayList<>(List.of(databases, kafka, mail, keycloak));
        if (config.startServices()) {
            for (ServiceSpec service : Preflight.services()) {
                steps.add(databases.thenAcceptBothAsync(kafka, (db, bootstrap) -> namedStep(service.name(),
                        logFile(service), () -> startService(service, db, bootstrap)), executor));
            }
        }
        try {
            StartSteps.awaitAll(steps, config.healthTimeout().plus(WAIT_MARGIN), config.logDirectory());
        } catch (RuntimeException e) {
            // interrupting the start threads makes Keycloak, Kafka and PostgreSQL starts abort and clean up
            executor.shutdownNow();
            awaitTermination();
            started.stopAll(message -> { });
            throw e;
        }
        executor.shutdown();
        return new Platform(config, started, databases.join(), kafka.join(), List.copyOf(uncached));
    }

    /** The database server, with Keycloak's database. */
    private Databases startDatabaseServer() {
        Databases databases;
        if (config.externalDatabase().isPresent()) {
            listener.starting("postgres", "existing server " + config.externalDatabase().get().jdbcUrl());
            databases = Databases.external(config.externalDatabase().get());
        } else {
            listener.starting("postgres", "embedded PostgreSQL on port " + config.postgresPort());
            EmbeddedPostgres postgres = EmbeddedPostgres.start(config.workDirectory().resolve("postgres"),
                    config.postgresPort());
            // the platform stops it after the services, not this JVM's hook in parallel with them
            postgres.detach();
            healthy(register("postgres", ComponentState.Kind.POSTGRES, postgres.pid(), postgres.port(),
                    postgres.logFile(), URI.create("tcp://127.0.0.1:" + postgres.port())));
            databases = Databases.embedded(postgres);
        }
        databases.create("keycloak");
        return databases;
    }

    /** The services' databases and their owner and runtime roles. */
    private Databases createServiceDatabases(Databases databases) {
        ServiceSpec.SERVICES.forEach(service -> {
            databases.create(service.key());
            databases.prepareRoles(service.key());
        });
        return databases;
    }

    private String startKafka() {
        listener.starting("kafka", "KRaft broker on port " + config.kafkaPort());
        KafkaBroker broker = KafkaBroker.start(config.workDirectory().resolve("kafka"), config.kafkaPort());
        broker.detach();
        ComponentState state = register("kafka", ComponentState.Kind.KAFKA, broker.pid(), broker.port(),
                broker.logFile(), URI.create("tcp://127.0.0.1:" + broker.port()));
        broker.createTopics(Topics.allWithDeadLetters(), 3);
        healthy(state);
        return broker.bootstrapServers();
    }

    private MailSink startMail() {
        listener.starting("mail", "GreenMail SMTP sink on port " + config.smtpPort());
        MailSink sink = MailSink.start(config.workDirectory().resolve("mail"), config.smtpPort(), config.imapPort(),
                config.mailApiPort());
        sink.detach();
        healthy(register("mail", ComponentState.Kind.MAIL, sink.pid(), sink.smtpPort(), sink.logFile(),
                sink.readinessUri()));
        return sink;
    }

    private void startKeycloak(Databases databases, CompletableFuture<MailSink> mail) {
        listener.starting("keycloak", "Keycloak " + KeycloakServer.VERSION + " on port " + config.keycloakPort());
        KeycloakServer keycloak = KeycloakServer.start(config.workDirectory().resolve("keycloak"),
                config.keycloakPort(), databases.jdbcUrl("keycloak"), databases.user(), databases.password(),
                config.realmFile());
        keycloak.detach();
        // one administrator login for the three changes (each login is a password hash in Keycloak)
        KeycloakRealmSync.Admin admin = KeycloakRealmSync.admin(keycloak.baseUrl());
        // the file is imported only into a new realm: an existing one gets what was added to the file since
        admin.addMissing(config.realmFile());
        // the portal's login returns to its own origin, which moves with the port offset
        admin.allowOrigin(KeycloakServer.REALM, PORTAL_CLIENT, "http://localhost:" + config.port(ServiceSpec.PORTAL));
        // the realm's e-mail (partner admins' first login) goes to the sink, on this platform's port
        MailSink sink = mail.join();
        admin.useSmtpServer(KeycloakServer.REALM, sink.smtpHost(), sink.smtpPort());
        healthy(register("keycloak", ComponentState.Kind.KEYCLOAK, keycloak.pid(), config.keycloakPort(),
                keycloak.logFile(), URI.create("http://localhost:" + keycloak.managementPort() + "/health/ready")));
    }

    private void startService(ServiceSpec service, Databases databases, String kafkaBootstrapServers) {
        int port = config.port(service);
        Optional<StartupCache.Entry> cache = startupCache.ready(service, service.jar(config.projectRoot()));
        if (cache.isEmpty()) {
            uncached.add(service);
        }
        listener.starting(service.name(), "port " + port + (cache.isPresent() ? ", from its start-up cache" : ""));
        Process process = ServiceProcesses.start(service, config,
                ServiceProcesses.environment(service, config, databases, kafkaBootstrapServers), logFile(service),
                cache);
        ComponentState state = register(service.name(), ComponentState.Kind.SERVICE, process.pid(), port,
                logFile(service), URI.create("http://localhost:" + port + "/actuator/health/readiness"));
        long deadline = startNanos + config.healthTimeout().toNanos();
        while (!probe.isHealthy(state.health())) {
            if (!process.isAlive()) {
                throw new ComponentFailedException(service.name(), logFile(service),
                        "exited with code " + process.exitValue() + " before it was healthy", null);
            }
            if (System.nanoTime() > deadline) {
                throw new ComponentFailedException(service.name(), logFile(service),
                        "not healthy within " + config.healthTimeout().toSeconds() + " s (on a busy machine, allow more: "
                                + PlatformConfig.HEALTH_TIMEOUT_VARIABLE + "=600 ./accord up)", null);
            }
            StartSteps.pause(Duration.ofMillis(500));
        }
        healthy(state);
    }

    private Path logFile(ServiceSpec service) {
        return config.logDirectory().resolve(service.name() + ".log");
    }

    /** Records a running component; its log also appears as logs/NAME.log, where people look first. */
    private ComponentState register(String name, ComponentState.Kind kind, long pid, int port, Path logFile,
                                    URI health) {
        Path link = config.logDirectory().resolve(name + ".log");
        if (!logFile.equals(link)) {
            try {
                Files.createDirectories(link.getParent());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, link.getParent().relativize(logFile));
            } catch (IOException e) {
                log.warn("cannot link {} to {}", link, logFile, e);
            }
        }
        return started.add(ComponentState.of(name, kind, pid, port, logFile, health), listener);
    }

    private void healthy(ComponentState state) {
        listener.healthy(state, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void awaitTermination() {
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("some start steps did not end within 60 s after the failure");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
