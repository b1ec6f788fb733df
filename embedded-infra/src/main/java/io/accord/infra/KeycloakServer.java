package io.accord.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
 *       {@code bin/kc.sh start-dev --import-realm} on the given port, with PostgreSQL when a JDBC URL is given
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
    /** Overrides the remote Maven repository the distribution is downloaded from (default Maven Central). */
    public static final String REMOTE_REPOSITORY_PROPERTY = "accord.maven.remote";

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2";
    private static final String GROUP_PATH = "org/keycloak/keycloak-quarkus-dist";
    private static final String ARTIFACT = "keycloak-quarkus-dist";
    private static final String DEFAULT_HEAP = "-Xms64m -Xmx512m";
    private static final String DEFAULT_JVM_OPTIONS = "-XX:-UseG1GC -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path home;
    private final Path logFile;
    private final Path pidFile;
    private volatile Thread shutdownHook;
    private volatile boolean closed;

    private KeycloakServer(Process process, int httpPort, int managementPort, Path home, Path logFile, Path pidFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.home = home;
        this.logFile = logFile;
        this.pidFile = pidFile;
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
     *                         realm with the same name in the database is kept as it is (Keycloak skips the import)
     */
    public static KeycloakServer start(Path home, int httpPort, String jdbcUrl, String dbUser, String dbPassword,
                                       Path realmImportFile) {
        try {
            return doStart(home.toAbsolutePath().normalize(), httpPort, jdbcUrl, dbUser, dbPassword, realmImportFile);
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
        return logFile;
    }

    public Path home() {
        return home;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Keeps Keycloak running after this JVM exits; stop it later with {@link #stop(long)} and {@link #pid()}. */
    public void detach() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
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
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Stops the process with this id and all its descendants (SIGTERM, then SIGKILL after 30 s) and waits for
     * them to end. For a separate {@code down} process; a pid that no longer exists is not an error.
     */
    public static void stop(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(handle.get());
        try (Stream<ProcessHandle> descendants = handle.get().descendants()) {
            descendants.forEach(all::add);
        }
        // children first so the Keycloak JVM gets the SIGTERM even if kc.sh dies first
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).destroy();
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception timeoutOrFailure) {
                // fall through to the forcible stop
            }
            if (p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /** Reads the pid written to {@code <home>/keycloak.pid} by {@link #start}, if any. */
    public static Optional<Long> readPid(Path home) {
        Path file = home.resolve("keycloak.pid");
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isKeycloakOf(long pid, Path home) {
        String dist = home.resolve("dist").toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().commandLine())
                .map(commandLine -> commandLine.contains(dist))
                .orElse(false);
    }

    /** Where the distribution zip is looked for (and downloaded to) in the local Maven repository. */
    public static Path distributionZip() {
        return localMavenRepository().resolve(GROUP_PATH).resolve(VERSION)
                .resolve(ARTIFACT + "-" + VERSION + ".zip");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static KeycloakServer doStart(Path home, int httpPort, String jdbcUrl, String dbUser, String dbPassword,
                                          Path realmImportFile) throws IOException {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Keycloak " + VERSION + " needs Java 21 or newer; this JVM is "
                    + Runtime.version() + " (" + System.getProperty("java.home") + ")");
        }
        if (!Files.isRegularFile(realmImportFile)) {
            throw new IllegalArgumentException("realm import file not found: " + realmImportFile.toAbsolutePath());
        }
        if (httpPort == 0) {
            httpPort = Processes.freePort();
        }
        if (!isPortFree(httpPort)) {
            throw new IllegalStateException("port " + httpPort + " is already in use; is another Keycloak running?"
                    + " (see " + home.resolve("keycloak.pid") + ")");
        }
        int managementPort = isPortFree(httpPort + 10) ? httpPort + 10 : Processes.freePort();
        Files.createDirectories(home);
        Optional<Long> running = readPid(home).filter(pid -> isKeycloakOf(pid, home));
        if (running.isPresent()) {
            throw new IllegalStateException("a Keycloak started from " + home + " is still running (pid "
                    + running.get() + "); stop it first (KeycloakServer.stop)");
        }

        Path dist = unpackedDistribution(home, ensureDistributionZip());

        Path importDir = dist.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                if (p.getFileName().toString().endsWith(".json")) {
                    Files.delete(p);
                }
            }
        }
        Files.copy(realmImportFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        List<String> command = new ArrayList<>(List.of(
                dist.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + httpPort,
                "--health-enabled=true",
                "--import-realm"));
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            command.add("--db=postgres");
            command.add("--db-url=" + jdbcUrl);
            if (dbUser != null) {
                command.add("--db-username=" + dbUser);
            }
        } else {
            command.add("--db=dev-file");
        }

        Path logFile = home.resolve("keycloak.log");
        if (Files.exists(logFile)) {
            Files.move(logFile, home.resolve("keycloak.previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        // no foreign Keycloak configuration leaks in from the caller's environment
        env.keySet().removeIf(k -> k.startsWith("KC_"));
        env.remove("JAVA_OPTS");
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", System.getProperty(HEAP_PROPERTY, DEFAULT_HEAP));
        // small footprint and fast start on a shared dev box: kc.sh selects G1, which is switched off again here
        env.put("JAVA_OPTS_APPEND", System.getProperty(JVM_OPTIONS_PROPERTY, DEFAULT_JVM_OPTIONS));
        if (jdbcUrl != null && !jdbcUrl.isBlank() && dbPassword != null) {
            env.put("KC_DB_PASSWORD", dbPassword); // not on the command line, where ps would show it
        }

        info("starting Keycloak " + VERSION + " on " + "http://localhost:" + httpPort + " (management port "
                + managementPort + ", " + (jdbcUrl == null || jdbcUrl.isBlank() ? "dev-file database" : jdbcUrl)
                + "), log " + logFile);
        long started = System.nanoTime();
        Process process = builder.start();
        Path pidFile = home.resolve("keycloak.pid");
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
        KeycloakServer server = new KeycloakServer(process, httpPort, managementPort, home, logFile, pidFile);
        Thread hook = new Thread(server::close, "keycloak-shutdown");
        server.shutdownHook = hook;
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitReady(startupTimeout());
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        info(String.format(Locale.ROOT, "Keycloak ready in %.1f s at %s (pid %d)",
                (System.nanoTime() - started) / 1e9, server.issuerUri(), process.pid()));
        return server;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        URI discovery = URI.create(issuerUri() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Log " + logFile + ", last lines:\n" + logTail(60));
            }
            if (status(http, ready) == 200 && status(http, discovery) == 200) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s ("
                + ready + " and " + discovery + "). Log " + logFile + ", last lines:\n" + logTail(60));
    }

    private static int status(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The last lines of the log file (for error messages). */
    public String logTail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static Duration startupTimeout() {
        String value = System.getProperty(STARTUP_TIMEOUT_PROPERTY);
        return value == null ? DEFAULT_STARTUP_TIMEOUT : Duration.ofSeconds(Long.parseLong(value.trim()));
    }

    // ---------------------------------------------------------------------------------------------- distribution

    static Path localMavenRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String mavenOpts = System.getenv("MAVEN_OPTS");
        if (mavenOpts != null) {
            Matcher m = Pattern.compile("-Dmaven\\.repo\\.local=(\"[^\"]+\"|\\S+)").matcher(mavenOpts);
            if (m.find()) {
                return Path.of(m.group(1).replace("\"", ""));
            }
        }
        Path userHome = Path.of(System.getProperty("user.home"));
        Path settings = userHome.resolve(".m2").resolve("settings.xml");
        if (Files.isRegularFile(settings)) {
            try {
                Matcher m = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>")
                        .matcher(Files.readString(settings));
                if (m.find()) {
                    return Path.of(m.group(1).replace("${user.home}", userHome.toString()));
                }
            } catch (IOException ignored) {
                // fall back to the default
            }
        }
        return userHome.resolve(".m2").resolve("repository");
    }

    private static Path ensureDistributionZip() throws IOException {
        Path zip = distributionZip();
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        Files.createDirectories(zip.getParent());
        // one downloader at a time, across processes
        try (FileChannel lockChannel = FileChannel.open(zip.resolveSibling(zip.getFileName() + ".accord-lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            if (Files.isRegularFile(zip)) {
                return zip;
            }
            String remote = System.getProperty(REMOTE_REPOSITORY_PROPERTY, CENTRAL).replaceAll("/+$", "");
            URI uri = URI.create(remote + "/" + GROUP_PATH + "/" + VERSION + "/" + ARTIFACT + "-" + VERSION + ".zip");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            String expectedSha1 = fetchSha1(http, URI.create(uri + ".sha1"));
            Path tmp = Files.createTempFile(zip.getParent(), zip.getFileName().toString(), ".part");
            try {
                info("downloading " + uri + " to " + zip);
                String actualSha1 = download(http, uri, tmp);
                if (!actualSha1.equalsIgnoreCase(expectedSha1)) {
                    throw new IOException("SHA-1 mismatch for " + uri + ": expected " + expectedSha1 + ", got " + actualSha1);
                }
                Files.writeString(zip.resolveSibling(zip.getFileName() + ".sha1"), expectedSha1, StandardCharsets.US_ASCII);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    // a temporary file is owner-only; the local repository is readable like Maven leaves it
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                moveAtomically(tmp, zip);
                info("downloaded and verified (SHA-1 " + actualSha1 + ")");
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return zip;
    }

    private static String fetchSha1(HttpClient http, URI uri) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            String sha1 = response.body().trim().split("\\s+")[0];
            if (!sha1.matches("[0-9a-fA-F]{40}")) {
                throw new IOException("unexpected checksum file " + uri + ": " + response.body());
            }
            return sha1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String download(HttpClient http, URI uri, Path target) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = response.body();
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long done = 0;
            int nextPercent = 10;
            long nextMegabytes = 20;
            long started = System.nanoTime();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                sha1.update(buffer, 0, n);
                done += n;
                if (total > 0 && done * 100 / total >= nextPercent) {
                    info(String.format(Locale.ROOT, "download %3d%% (%d of %d MB)", done * 100 / total,
                            done >> 20, total >> 20));
                    nextPercent = (int) (done * 100 / total) / 10 * 10 + 10;
                } else if (total <= 0 && done >> 20 >= nextMegabytes) {
                    info("download " + (done >> 20) + " MB");
                    nextMegabytes += 20;
                }
            }
            if (total > 0 && done != total) {
                throw new IOException("download of " + uri + " ended after " + done + " of " + total + " bytes");
            }
            info(String.format(Locale.ROOT, "downloaded %d MB in %.1f s", done >> 20, (System.nanoTime() - started) / 1e9));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static Path unpackedDistribution(Path home, Path zip) throws IOException {
        Path distParent = home.resolve("dist");
        Path dist = distParent.resolve("keycloak-" + VERSION);
        Path marker = dist.resolve(".accord-unpacked");
        if (Files.isRegularFile(marker)) {
            return dist;
        }
        Files.createDirectories(distParent);
        try (FileChannel lockChannel = FileChannel.open(distParent.resolve(".unpack-lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            if (Files.isRegularFile(marker)) {
                return dist;
            }
            deleteRecursively(dist);
            Path staging = Files.createTempDirectory(distParent, ".unpacking-");
            try {
                info("unpacking " + zip.getFileName() + " into " + dist);
                long started = System.nanoTime();
                unzip(zip, staging);
                Path root = staging.resolve("keycloak-" + VERSION);
                if (!Files.isDirectory(root)) {
                    throw new IOException(zip + " does not contain keycloak-" + VERSION + "/");
                }
                boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        if (posix && Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sh")) {
                            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                            perms.add(PosixFilePermission.OWNER_EXECUTE);
                            perms.add(PosixFilePermission.GROUP_EXECUTE);
                            perms.add(PosixFilePermission.OTHERS_EXECUTE);
                            Files.setPosixFilePermissions(p, perms);
                        }
                    }
                }
                Files.writeString(root.resolve(".accord-unpacked"), zip.toString(), StandardCharsets.UTF_8);
                moveAtomically(root, dist);
                info(String.format(Locale.ROOT, "unpacked in %.1f s", (System.nanoTime() - started) / 1e9));
            } finally {
                deleteRecursively(staging);
            }
        }
        return dist;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path normalizedTarget = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = normalizedTarget.resolve(entry.getName()).normalize();
                if (!out.startsWith(normalizedTarget)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }


    private static void info(String message) {
        log.info(message);
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + issuerUri() + ", pid " + pid() + ", management port " + managementPort + "]";
    }
}
