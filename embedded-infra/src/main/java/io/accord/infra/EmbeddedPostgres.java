package io.accord.infra;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server in a child process, from the binaries in zonky's jar, without Docker.
 * zonky's own starter cannot be used: it runs initdb as the current user, and initdb refuses root.
 *
 * <p>{@code home} holds the cluster ({@code home/pgdata}) and the server log ({@code home/postgres.log});
 * starting again on the same home reuses the cluster and its data.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** Whether the server flushes to disk. Tests trade crash safety for speed; the launcher does not. */
    public enum Durability { DURABLE, FAST_FOR_TESTS }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path home;
    private final Path socketDirectory;
    private final ShutdownHook shutdownHook;

    private EmbeddedPostgres(Process process, int port, Path home, Path logFile, Path socketDirectory) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.logFile = logFile;
        this.socketDirectory = socketDirectory;
        this.shutdownHook = ShutdownHook.register("embedded-postgres-shutdown-" + port, this::stopServer);
    }

    /** Starts a durable server; {@code port} 0 picks a free port. */
    public static EmbeddedPostgres start(Path home, int port) {
        return start(home, port, Durability.DURABLE);
    }

    public static EmbeddedPostgres start(Path home, int port, Durability durability) {
        ServerUser user = ServerUser.current();
        PostgresCluster cluster = PostgresCluster.prepare(home, user, durability);
        int actualPort = port == 0 ? Processes.freePort() : port;
        Path socketDirectory = cluster.socketDirectory(actualPort);
        List<String> command = new ArrayList<>(List.of(cluster.binary("postgres").toString(),
                "-D", cluster.dataDirectory().toString(), "-p", Integer.toString(actualPort),
                "-h", "127.0.0.1", "-k", socketDirectory.toString(),
                // seven services with their pools plus Keycloak exceed the default of 100
                "-c", "max_connections=300"));
        if (durability == Durability.FAST_FOR_TESTS) {
            command.addAll(List.of("-F", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        } else {
            // see sharedBuffersMegabytes; a checkpoint at most every 15 minutes or 4 GB of WAL (defaults 5 minutes
            // and 1 GB, which the orders bench filled in about two minutes), so fewer first changes of a page
            // after a checkpoint write the whole page to the WAL
            command.addAll(List.of("-c", "shared_buffers=" + sharedBuffersMegabytes(physicalMemoryBytes()) + "MB",
                    "-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"));
        }
        List<String> detached = new ArrayList<>(Processes.ownSession());
        detached.addAll(user.command(command));
        Process process = cluster.launch(detached);
        EmbeddedPostgres postgres = new EmbeddedPostgres(process, actualPort, cluster.home(), cluster.logFile(),
                socketDirectory);
        try {
            postgres.awaitReady();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info("PostgreSQL started on 127.0.0.1:{} (pid {}, data {}, log {})",
                actualPort, process.pid(), cluster.dataDirectory(), cluster.logFile());
        return postgres;
    }

    /**
     * The durable server's buffer cache: an eighth of the machine's memory, at least PostgreSQL's default of 128 MB
     * and at most 1 GB. With the default, the platform's working set (the random-key indexes of about a hundred
     * thousand orders) no longer fitted: under {@code ./accord bench orders} the backends evicted about 26 dirty
     * pages per order themselves and every page's first change after a checkpoint wrote a full page image again
     * (docs/orchestration-saga.md, "Twelfth round"). Only the pages used are resident.
     */
    static long sharedBuffersMegabytes(long physicalMemoryBytes) {
        long eighth = physicalMemoryBytes / 8 / (1024 * 1024);
        return Math.clamp(eighth, 128, 1024);
    }

    static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** Stops a server started by another process (the launcher's {@code down}): fast shutdown, then kill. */
    public static boolean stopProcess(long pid) {
        return Processes.stop(pid, "INT", SHUTDOWN_GRACE);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser; it needs no password (trust authentication, listening on 127.0.0.1 only). */
    public String username() {
        return "postgres";
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Where the cluster and its log actually are: the requested home, or the directory a warning named when the
     * server user could not reach it (see {@code PostgresCluster}).
     */
    public Path home() {
        return home;
    }

    /**
     * Stops the server and deletes its whole home, data included: for throw-away servers (tests) whose data
     * must not pile up in the temporary directory.
     */
    public void closeAndDelete() {
        close();
        PostgresCluster.deleteQuietly(home);
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        requireValidName(name);
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            // 42P04 duplicate_database: another caller created it between our check and our CREATE
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    /** Drops the database (disconnecting its sessions) and creates it empty. */
    public void dropAndCreateDatabase(String name) {
        requireValidName(name);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name, e);
        }
    }

    /**
     * Drops this JVM's shutdown hook: the caller (the launcher) stops the server itself, in its own order,
     * or leaves it running for another process to stop with {@link #stopProcess(long)}.
     */
    public void detach() {
        shutdownHook.remove();
    }

    /** Fast shutdown (active sessions are disconnected); returns once the server has exited. */
    @Override
    public void close() {
        stopServer();
        detach();
    }

    private synchronized void stopServer() {
        if (process.isAlive()) {
            stopProcess(process.pid());
        }
        PostgresCluster.deleteQuietly(socketDirectory);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("PostgreSQL exited with code " + process.exitValue() + " during startup", last);
            }
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(Duration.ofMillis(100));
        }
        throw failure("PostgreSQL did not accept connections within " + STARTUP_TIMEOUT.toSeconds() + "s", last);
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private IllegalStateException failure(String message, Exception cause) {
        return new IllegalStateException(message + "; log " + logFile + ":" + System.lineSeparator()
                + Processes.tail(logFile, 30), cause);
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
