package io.accord.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK AOT cache of a server's JVM (JEP 483/514/515, JDK 25 or newer) that {@code ./accord up} runs: Keycloak's
 * and the Kafka broker's. It holds the classes the JVM loads and links and their profiles, so that later starts
 * skip much of that work (measured on the 2-core development machine: about a fifth less CPU time to ready for
 * both).
 *
 * <p>Kept in a directory of the server's own that the system property of the server names ({@code ./accord up}:
 * {@code target/accord-startup-cache/<server>}, beside the services' caches, so that a start from an empty
 * {@code .accord} has it), one per JDK version and key (JVM options, and the classpath or distribution where the
 * caller passes it: an archive is only used with the options and classpath it was written with). The first start
 * without one trains it ({@code -XX:AOTCacheOutput}): the JVM writes it when the server stops, under a temporary
 * name. The launcher keeps it when it has stopped the server and that run's log says the JVM completed it
 * ({@link #keepCompleted}); otherwise the next start does, from the previous run's log. A cache the JVM reported an
 * error using is dropped (to train again). A cache the JVM cannot use never stops the server: it starts without
 * (the default {@code -XX:AOTMode=auto}).
 */
final class JvmAotCache {

    /** The JDK from which on the JVM writes an AOT cache in one run. */
    static final int SINCE = 25;
    private static final Logger LOG = LoggerFactory.getLogger(JvmAotCache.class);
    private static final String COMPLETE = "AOTCache creation is complete: ";
    private static final String TRAINING = ".training.aot";
    private static final Pattern AOT_ERROR = Pattern.compile("\\[error\\s*]\\[aot");

    private final Path cache;
    private final Path training;

    private JvmAotCache(Path cache, Path training) {
        this.cache = cache;
        this.training = training;
    }

    /**
     * The cache named {@code name} of this JDK and this key (the JVM options and what else the archive depends on)
     * in {@code directory}, a directory of this server's own ({@link #settle} removes what else it holds), if this
     * JDK writes AOT caches and the path can be passed to a script that splits JVM options at white space
     * ({@code kc.sh}).
     */
    static Optional<JvmAotCache> in(Path directory, String name, String key) {
        return in(directory, name, key, Runtime.version().feature(), Runtime.version().toString());
    }

    static Optional<JvmAotCache> in(Path directory, String name, String key, int jdkFeature, String jdkVersion) {
        if (jdkFeature < SINCE || directory.toString().matches(".*\\s.*")) {
            return Optional.empty();
        }
        String file = name + "-jdk" + jdkVersion.replaceAll("[^A-Za-z0-9.]", "_") + "-" + sha256(key);
        return Optional.of(new JvmAotCache(directory.resolve(file + ".aot"), directory.resolve(file + TRAINING)));
    }

    /**
     * The JVM option of a server's next start ({@code -XX:AOTCache} or {@code -XX:AOTCacheOutput}), from the cache in
     * the directory the system property {@code directoryProperty} names, settled against the previous run's log
     * ({@link #settle}); none when the property is unset or this JDK writes no AOT caches.
     *
     * @param server what the log line names ("Keycloak", "the Kafka broker")
     */
    static Optional<String> startOption(String directoryProperty, String server, String name, String key,
                                        Path previousLog) {
        String directory = System.getProperty(directoryProperty, "");
        if (directory.isBlank()) {
            return Optional.empty();
        }
        return in(Path.of(directory), name, key).map(cache -> {
            cache.settle(previousLog);
            LOG.info(Files.isRegularFile(cache.cache()) ? server + " starts from its start-up cache " + cache.cache()
                    : server + " trains its start-up cache (written when it stops, used by the next start)");
            return cache.jvmOption();
        });
    }

    /**
     * After a server stopped: {@link #keepCompleted} in the directory the system property {@code directoryProperty}
     * names, if set. A failure is logged: the server is stopped all the same, and the next start settles the cache
     * from this run's log if it is still there.
     */
    static void keepCompletedIn(String directoryProperty, Path log) {
        String directory = System.getProperty(directoryProperty, "");
        if (directory.isBlank()) {
            return;
        }
        try {
            keepCompleted(Path.of(directory), log);
        } catch (UncheckedIOException e) {
            LOG.warn("could not keep the start-up cache in {}: {}", directory, e.getMessage());
        }
    }

    /**
     * Settles what the previous run left, given its log: a training output the JVM completed becomes the cache, an
     * incomplete one is removed, a cache the JVM reported an error with is removed; caches of other JDKs or
     * options are removed.
     */
    void settle(Path previousLog) {
        try {
            Files.createDirectories(cache.getParent());
            try (Stream<Path> files = Files.list(cache.getParent())) {
                for (Path other : files.filter(path -> !path.equals(cache) && !path.equals(training)).toList()) {
                    Files.deleteIfExists(other);
                }
            }
            if (Files.exists(training)) {
                if (logContains(previousLog, COMPLETE + training)) {
                    Files.move(training, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.delete(training);
                }
            } else if (Files.exists(cache) && logMatches(previousLog, AOT_ERROR)) {
                Files.delete(cache);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot settle the JVM's start-up cache in " + cache.getParent(), e);
        }
    }

    /**
     * After a server stopped: the training outputs in {@code directory} that its log ({@code log}) says the JVM
     * completed become caches, at once, so that the next start keeps them even if that log is gone by then (an
     * emptied work directory). Anything else is left to the next start's {@link #settle}.
     */
    static void keepCompleted(Path directory, Path log) {
        if (log == null || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path training : files.filter(path -> path.getFileName().toString().endsWith(TRAINING)).toList()) {
                if (logContains(log, COMPLETE + training)) {
                    String name = training.getFileName().toString();
                    Files.move(training, training.resolveSibling(name.substring(0, name.length() - TRAINING.length())
                            + ".aot"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the JVM's start-up cache in " + directory, e);
        }
    }

    /** The JVM option of the next start: use the cache, or train it. */
    String jvmOption() {
        return Files.isRegularFile(cache) ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + training;
    }

    Path cache() {
        return cache;
    }

    Path training() {
        return training;
    }

    private static boolean logContains(Path log, String text) throws IOException {
        return logMatches(log, Pattern.compile(Pattern.quote(text)));
    }

    private static boolean logMatches(Path log, Pattern pattern) throws IOException {
        if (!Files.isRegularFile(log)) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            return reader.lines().anyMatch(line -> pattern.matcher(line).find());
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
