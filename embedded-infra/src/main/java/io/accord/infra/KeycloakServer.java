package io.accord.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak server (the Quarkus distribution from Maven Central) running as a child process,
 * with the {@code accord} realm imported. Plain Java, no Spring: used by the local launcher and by tests.
 *
 * <p>What {@link #start} does:
 * <ol>
 *   <li>resolves {@code org.keycloak:keycloak-quarkus-dist:26.7.3:zip} from the local Maven repository
 *       ({@code -Dmaven.repo.local}, then {@code -Dmaven.repo.local=} in {@code MAVEN_OPTS}, then
 *       {@code <localRepository>} of {@code ~/.m2/settings.xml}, then {@code ~/.m2/repository}); when absent
 *       it downloads it from Maven Central into that same place (temporary file, SHA-1 checked against the
 *       {@code .sha1} published next to it, atomic move);</li>
 *   <li>unzips it once into {@code <home>/dist/keycloak-26.7.3};</li>
 *   <li>copies the realm file into the distribution's {@code data/import/} and runs
 *       {@code bin/kc.sh start-dev --import-realm} on the given port (without {@code --import-realm} when the
 *       database holds the realm already), with PostgreSQL when a JDBC URL is given
 *       and Keycloak's dev-file database otherwise, logging to {@code <home>/keycloak.log};</li>
 *   <li>waits until {@code /health/ready} on the management port and the realm's OpenID discovery document
 *       both answer 200, or fails after the startup timeout with the tail of the log.</li>
 * </ol>
 *
 * <p>The issuer is pinned to {@code http://localhost:PORT/realms/accord} ({@code --hostname}), so a token carries
 * the same {@code iss} whether it was fetched through {@code localhost} or {@code 127.0.0.1}.
 *
 * <p>The bootstrap administrator of the master realm is {@code admin}/{@code admin}: a development-only
 * credential, like the demo users of the realm (see {@code deploy/keycloak/README.md}).
 *
 * <p>By default the server is stopped when this JVM exits (shutdown hook); a launcher that wants to leave it
 * running calls {@link #detach()} and later stops it from another process with {@link #stop(long)}.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "accord";
    /** Development-only bootstrap administrator of the master realm. */
    public static final String ADMIN_USERNAME = "admin";
    /** Development-only bootstrap administrator password. Never used outside a local/dev Keycloak. */
    public static final String ADMIN_PASSWORD = "admin";

    /** Overrides the startup timeout, in seconds (default 240). */
    public static final String STARTUP_TIMEOUT_PROPERTY = "accord.keycloak.startup-timeout-seconds";
    /** Overrides the Keycloak JVM heap options (default {@code -Xms64m -Xmx512m}). */
    public static final String HEAP_PROPERTY = "accord.keycloak.heap";
    /** Overrides the extra Keycloak JVM options (default {@code -XX:-UseG1GC -XX:+UseSerialGC -XX:TieredStopAtLevel=1}). */
    public static final String JVM_OPTIONS_PROPERTY = "accord.keycloak.jvm-options";
    /**
     * A directory: Keycloak's JVM starts from a JDK AOT cache kept there, trained by the first start and written when
     * that Keycloak stops (JDK 25 or newer; {@link JvmAotCache}; one per JDK, JVM options and distribution path).
     * Unset by default: a short-lived Keycloak (a test's) would train one at every start and pay for writing it at
     * every stop.
     */
    public static final String STARTUP_CACHE_PROPERTY = "accord.keycloak.startup-cache";
    /** Overrides the remote Maven repository the distribution is downloaded from (default Maven Central). */
    public static final String REMOTE_REPOSITORY_PROPERTY = "accord.maven.remote";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final KeycloakHome home;
    private volatile ShutdownHook shutdownHook;
    private volatile boolean closed;

    private KeycloakServer(Process process, int httpPort, int managementPort, KeycloakHome home) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.home = home;
    }

    /**
     * Starts Keycloak and returns once the realm {@code accord} is served.
     *
     * @param home             working directory of this instance: distribution cache, data, log and pid file
     * @param httpPort         HTTP port, 0 for any free one (the management port is {@code httpPort + 10} when free,
     *                         else any free port)
     * @param jdbcUrl          PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/db}); {@code null} = dev-file
     * @param dbUser           database user (ignored without a JDBC URL)
     * @param dbPassword       database password (ignored without a JDBC URL; passed through the environment)
     * @param realmImportFile  the realm export to import ({@code deploy/keycloak/accord-realm.json}); an existing
     *                         realm with the same name in the database is kept as it is (not imported again)
     */
    public static KeycloakServer start(Path home, int httpPort, String jdbcUrl, String dbUser, String dbPassword,
                                       Path realmImportFile) {
        try {
            return doStart(new KeycloakHome(home.toAbsolutePath().normalize()), httpPort, jdbcUrl, dbUser, dbPassword,
                    realmImportFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be started: " + e.getMessage(), e);
        }
    }

    /** {@code http://localhost:PORT} */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** {@code http://localhost:PORT/realms/accord}: the {@code iss} of every token of the realm. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The token endpoint of the realm. */
    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public int httpPort() {
        return httpPort;
    }

    /** Port of the management interface ({@code /health}, {@code /health/ready}). */
    public int managementPort() {
        return managementPort;
    }

    /** Process id of the Keycloak process ({@code kc.sh}, which execs or starts the Keycloak JVM). */
    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return home.logFile();
    }

    public Path home() {
        return home.directory();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log file (for error messages). */
    public String logTail(int lines) {
        return home.logTail(lines);
    }

    /** Keeps Keycloak running after this JVM exits; stop it later with {@link #stop(long)} and {@link #pid()}. */
    public void detach() {
        ShutdownHook hook = shutdownHook;
        shutdownHook = null;
        if (hook != null) {
            hook.remove();
        }
    }

    /** Stops Keycloak and its child processes and waits for them to end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        detach();
        stop(process.pid());
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        home.deletePidFile();
    }

    /**
     * Stops the process with this id and all its descendants (SIGTERM, then SIGKILL after 30 s) and waits for
     * them to end. For a separate {@code down} process; a pid that no longer exists is not an error.
     */
    public static void stop(long pid) {
        ProcessTree.stop(pid, STOP_TIMEOUT);
    }

    /**
     * After a Keycloak stopped with {@link #stop(long)}: keeps the start-up cache its JVM completed writing
     * ({@link #STARTUP_CACHE_PROPERTY}), read from that run's log, so that the next start finds it even from an
     * emptied home.
     */
    public static void keepStartupCache(Path logFile) {
        JvmAotCache.keepCompletedIn(STARTUP_CACHE_PROPERTY, logFile);
    }

    /** Reads the pid written to {@code <home>/keycloak.pid} by {@link #start}, if any. */
    public static Optional<Long> readPid(Path home) {
        return new KeycloakHome(home).readPid();
    }

    /** Where the distribution zip is looked for (and downloaded to) in the local Maven repository. */
    public static Path distributionZip() {
        return KeycloakDistribution.zip();
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + issuerUri() + ", pid " + pid() + ", management port " + managementPort + "]";
    }

    // ------------------------------------------------------------------------------------------------------------

    private static KeycloakServer doStart(KeycloakHome home, int requestedHttpPort, String jdbcUrl, String dbUser,
                                          String dbPassword, Path realmImportFile) throws IOException {
        requireJava21();
        if (!Files.isRegularFile(realmImportFile)) {
            throw new IllegalArgumentException("realm import file not found: " + realmImportFile.toAbsolutePath());
        }
        int httpPort = requestedHttpPort == 0 ? Processes.freePort() : requestedHttpPort;
        if (!Processes.isPortFree(httpPort)) {
            throw new IllegalStateException("port " + httpPort + " is already in use; is another Keycloak running?"
                    + " (see " + home.pidFile() + ")");
        }
        int managementPort = Processes.isPortFree(httpPort + 10) ? httpPort + 10 : Processes.freePort();
        Files.createDirectories(home.directory());
        Optional<Long> running = home.runningKeycloak();
        if (running.isPresent()) {
            throw new IllegalStateException("a Keycloak started from " + home.directory() + " is still running (pid "
                    + running.get() + "); stop it first (KeycloakServer.stop)");
        }

        Path dist = UnpackedDistribution.in(home, KeycloakDistribution.ensureZip());
        KeycloakLaunch launch = new KeycloakLaunch(dist, httpPort, managementPort, jdbcUrl, dbUser, dbPassword);
        if (launch.databaseHolds(REALM)) {
            launch = launch.withoutRealmImport();
            log.info("realm " + REALM + " exists in " + jdbcUrl + ": Keycloak starts without importing it again");
        } else {
            launch.importRealm(realmImportFile);
        }
        KeycloakBuildCache build = KeycloakBuildCache.forOptions(launch.buildKey());
        build.restoreInto(dist);
        home.rotateLog();
        // the archive names the classpath (in the distribution) it was written with
        Optional<String> cacheOption = JvmAotCache.startOption(STARTUP_CACHE_PROPERTY, "Keycloak", "keycloak",
                KeycloakLaunch.jvmOptions() + " " + dist, home.previousLogFile());
        if (cacheOption.isPresent()) {
            launch = launch.withJvmOption(cacheOption.get());
        }
        KeycloakServer server = startAndAwaitReady(launch, home);
        build.keepFrom(dist);
        return server;
    }

    private static KeycloakServer startAndAwaitReady(KeycloakLaunch launch, KeycloakHome home) throws IOException {
        ProcessBuilder builder = launch.processBuilder(home.logFile());
        log.info("starting Keycloak " + VERSION + " on " + "http://localhost:" + launch.httpPort() + " (management port "
                + launch.managementPort() + ", " + launch.databaseDescription() + "), log " + home.logFile());
        long started = System.nanoTime();
        Process process = builder.start();
        home.writePid(process.pid());
        KeycloakServer server = new KeycloakServer(process, launch.httpPort(), launch.managementPort(), home);
        server.shutdownHook = ShutdownHook.register("keycloak-shutdown", server::close);
        try {
            KeycloakReadiness.await(process, server.managementPort, server.issuerUri(), home);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        log.info(String.format(Locale.ROOT, "Keycloak ready in %.1f s at %s (pid %d)",
                (System.nanoTime() - started) / 1e9, server.issuerUri(), process.pid()));
        return server;
    }

    private static void requireJava21() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Keycloak " + VERSION + " needs Java 21 or newer; this JVM is "
                    + Runtime.version() + " (" + System.getProperty("java.home") + ")");
        }
    }
}
