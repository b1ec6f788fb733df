package io.accord.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk side of an embedded server: binaries, an initialised data directory the server user
 * owns, a log file and a socket directory.
 */
record PostgresCluster(Path binaries, Path home, ServerUser user) {

    private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

    static PostgresCluster prepare(Path requestedHome, ServerUser user, EmbeddedPostgres.Durability durability) {
        try {
            Path binaries = PostgresBinaries.unpacked();
            if (!user.canReach(binaries)) {
                throw new IllegalStateException("uid " + ServerUser.UNPRIVILEGED_ID + " cannot reach " + binaries
                        + ": set java.io.tmpdir to a directory every user can traverse");
            }
            Path home = reachableHome(requestedHome, user);
            PostgresCluster cluster = new PostgresCluster(binaries, home, user);
            cluster.initialiseIfNeeded(durability);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare PostgreSQL in " + requestedHome, e);
        }
    }

    /**
     * The Unix socket (and its lock file) directory: short, because socket paths are limited to 107
     * bytes, and named by port, so a server stopped by another process leaves nothing new behind.
     */
    Path socketDirectory(int port) {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "accord-pg-sock-" + port);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        user.own(directory);
        return directory;
    }

    Path dataDirectory() {
        return home.resolve("pgdata");
    }

    Path logFile() {
        return home.resolve("postgres.log");
    }

    Path binary(String name) {
        return binaries.resolve("bin").resolve(name);
    }

    Process launch(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    // a working directory the server user may enter: initdb and postgres look it up
                    .directory(binaries.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile().toFile()));
            builder.environment().put("LC_ALL", "C");
            builder.environment().remove("PGDATA");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    private void initialiseIfNeeded(EmbeddedPostgres.Durability durability) throws IOException {
        Path data = dataDirectory();
        if (Files.exists(data.resolve("PG_VERSION"))) {
            if (!user.owns(data)) {
                user.own(data);
            }
            return;
        }
        // a directory without PG_VERSION is the remains of an interrupted initdb
        FileTrees.deleteRecursively(data);
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        user.own(data);
        List<String> initdb = new ArrayList<>(List.of(binary("initdb").toString(), "-D", data.toString(),
                "-A", "trust", "-U", "postgres", "-E", "UTF-8", "--locale=C"));
        if (durability == EmbeddedPostgres.Durability.FAST_FOR_TESTS) {
            initdb.add("--no-sync");
        }
        Process process = launch(user.command(initdb));
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("initdb failed with exit code " + exit + "; log " + logFile() + ":"
                        + System.lineSeparator() + Processes.tail(logFile(), 30));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during initdb", e);
        }
    }

    /** In the requested home, when the data had to go elsewhere: says where (the warning scrolls away). */
    static final String LOCATION_NOTE = "DATA-IS-ELSEWHERE.txt";

    /**
     * The requested home when uid 65534 can reach it. A home only its own mode locks (a temporary directory is
     * created rwx------) is opened for traversal (o+x, no listing); ancestors are never changed. If an ancestor
     * locks it (a checkout under /root, or a root-only temporary directory), the data goes to
     * {@code java.io.tmpdir/accord-pg-<hash of the requested home>}: the same directory for the same home on every
     * start, kept (it holds the data), named in a warning and in {@value #LOCATION_NOTE} in the requested home.
     */
    static Path reachableHome(Path requested, ServerUser user) throws IOException {
        Path home = requested.toAbsolutePath().normalize();
        Files.createDirectories(home);
        if (user.canReach(home)) {
            return home;
        }
        if (home.getParent() != null && user.canReach(home.getParent())) {
            Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(home));
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(home, permissions);
            if (user.canReach(home)) {
                return home;
            }
        }
        Path fallback = fallbackHome(home);
        log.warn("PostgreSQL runs as uid {} (we are root) and cannot reach {} (a parent directory is closed to "
                + "other users); its data and log are in {} instead, kept across runs: delete that directory to "
                + "drop them, or use a checkout every user can traverse", ServerUser.UNPRIVILEGED_ID, home, fallback);
        Files.createDirectories(fallback);
        Files.writeString(home.resolve(LOCATION_NOTE), "PostgreSQL runs as uid " + ServerUser.UNPRIVILEGED_ID
                + ", which cannot reach this directory; its data and log are in" + System.lineSeparator() + fallback
                + System.lineSeparator());
        return fallback;
    }

    static Path fallbackHome(Path home) {
        return Path.of(System.getProperty("java.io.tmpdir"),
                "accord-pg-" + Integer.toHexString(home.toAbsolutePath().normalize().toString().hashCode()));
    }

    static void deleteQuietly(Path directory) {
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("cannot delete {}", directory, e);
        }
    }
}
