package io.accord.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak's build ("Updating the configuration and installing your custom providers"): on the first start of a
 * freshly unpacked distribution with other build options than the zip's (PostgreSQL instead of dev-file, health
 * on), Keycloak re-augments its Quarkus application into {@code lib/quarkus/}, which costs most of that start
 * (half a minute on an idle two-core machine, minutes on a busy one). That output depends only on the version and
 * the build options, so it is kept once, next to the distribution zip in the local Maven repository
 * ({@code accord-build-<options>/}), and copied into every new unpacked distribution: a start from an empty
 * {@code .accord}, and each test's own Keycloak, then skip the build. Keycloak still compares the build options
 * it finds with the ones it is started with and rebuilds when they differ, so a wrong copy costs time, never
 * correctness.
 */
final class KeycloakBuildCache {

    private static final String MARKER = ".accord-build";
    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private final Path cache;
    private final String key;

    KeycloakBuildCache(Path cacheRoot, String key) {
        this.cache = cacheRoot.resolve("accord-build-" + key);
        this.key = key;
    }

    /** Next to the distribution zip, one per set of build options. */
    static KeycloakBuildCache forOptions(String key) {
        return new KeycloakBuildCache(KeycloakDistribution.zip().getParent(), key);
    }

    /** Puts the kept build into a distribution that has none for these options yet. */
    void restoreInto(Path dist) {
        Path quarkus = quarkus(dist);
        try {
            if (!Files.isDirectory(cache) || key.equals(marker(dist))) {
                return;
            }
            copyFiles(cache, quarkus);
            Files.writeString(dist.resolve(MARKER), key, StandardCharsets.UTF_8);
            log.info("restored Keycloak's build for " + key + " from " + cache);
        } catch (IOException e) {
            // Keycloak builds itself then, only slower
            log.warn("could not restore Keycloak's build from " + cache + ": " + e.getMessage());
        }
    }

    /** Keeps the build of a distribution Keycloak has just started from, unless one is kept already. */
    void keepFrom(Path dist) {
        if (Files.isDirectory(cache)) {
            return;
        }
        try {
            Path staging = Files.createTempDirectory(cache.getParent(), ".accord-build-");
            try {
                copyFiles(quarkus(dist), staging);
                FileTrees.moveAtomically(staging, cache);
                log.info("kept Keycloak's build for " + key + " in " + cache);
            } finally {
                FileTrees.deleteRecursively(staging);
            }
        } catch (IOException e) {
            // another process kept it meanwhile, or the repository is read-only: the next start builds again
            log.debug("could not keep Keycloak's build in " + cache, e);
        }
    }

    private static String marker(Path dist) throws IOException {
        Path marker = dist.resolve(MARKER);
        return Files.isRegularFile(marker) ? Files.readString(marker, StandardCharsets.UTF_8).strip() : null;
    }

    private static Path quarkus(Path dist) {
        return dist.resolve("lib").resolve("quarkus");
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
