package io.accord.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakStartupCacheTests {

    private static final String OPTIONS = "-Xms64m -Xmx512m -XX:+UseSerialGC";

    @TempDir
    Path dist;

    private KeycloakStartupCache cache() {
        return KeycloakStartupCache.in(dist, OPTIONS, 25, "25.0.3+9-LTS").orElseThrow();
    }

    @Test
    void theFirstStartTrainsTheCacheIntoATemporaryFile() {
        KeycloakStartupCache cache = cache();
        cache.settle(dist.resolve("no-previous.log"));

        assertThat(cache.jvmOption()).isEqualTo("-XX:AOTCacheOutput=" + cache.training());
        assertThat(cache.training().getFileName().toString()).endsWith(".training.aot");
        assertThat(cache.training().getParent()).isEqualTo(dist.resolve("data").resolve("accord-startup-cache"));
    }

    /** A cache whose training run left {@code output} and then a log ending in {@code lastLines}, settled. */
    private KeycloakStartupCache trainedThenSettled(String output, String lastLines) throws IOException {
        KeycloakStartupCache cache = cache();
        cache.settle(dist.resolve("none.log"));
        Files.writeString(cache.training(), output);
        cache.settle(Files.writeString(dist.resolve("previous.log"), "INFO stopped\nReading AOTConfiguration "
                + cache.training() + ".config and writing AOTCache " + cache.training() + "\n" + lastLines));
        return cache;
    }

    @Test
    void aTrainingTheJvmCompletedBecomesTheCacheOfTheNextStart() throws IOException {
        KeycloakStartupCache cache = trainedThenSettled("archive",
                "AOTCache creation is complete: " + cache().training() + " 161443840 bytes\n");

        assertThat(cache.cache()).hasContent("archive");
        assertThat(cache.training()).doesNotExist();
        assertThat(cache.jvmOption()).isEqualTo("-XX:AOTCache=" + cache.cache());
    }

    @Test
    void aTrainingCutShortIsDroppedAndTrainedAgain() throws IOException {
        KeycloakStartupCache cache = trainedThenSettled("half an archive", "");

        assertThat(cache.training()).doesNotExist();
        assertThat(cache.cache()).doesNotExist();
        assertThat(cache.jvmOption()).startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void aCacheTheJvmReportedAnErrorWithIsDroppedAndOneOfAnotherJdkOrOptionsToo() throws IOException {
        KeycloakStartupCache cache = cache();
        cache.settle(dist.resolve("none.log"));
        Files.writeString(cache.cache(), "archive");
        Path otherJdk = Files.writeString(cache.cache().resolveSibling("keycloak-jdk26-0a0b0c0d.aot"), "old");
        Path fine = Files.writeString(dist.resolve("fine.log"), "INFO Keycloak started\n");

        cache.settle(fine);
        assertThat(cache.cache()).exists();
        assertThat(otherJdk).doesNotExist();

        Path failed = Files.writeString(dist.resolve("failed.log"),
                "[0.011s][error  ][aot] An error has occurred while processing the AOT cache.\n");
        cache.settle(failed);
        assertThat(cache.cache()).doesNotExist();
        assertThat(cache.jvmOption()).startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void oneCachePerJdkAndJvmOptionsAndNoneBeforeJdk25OrOnAPathWithSpaces() {
        Path other = KeycloakStartupCache.in(dist, OPTIONS + " -Xss512k", 25, "25.0.3+9-LTS").orElseThrow().cache();
        Path jdk26 = KeycloakStartupCache.in(dist, OPTIONS, 26, "26+35").orElseThrow().cache();

        assertThat(cache().cache()).isNotEqualTo(other).isNotEqualTo(jdk26);
        assertThat(KeycloakStartupCache.in(dist, OPTIONS, 21, "21.0.7+6-LTS")).isEmpty();
        assertThat(KeycloakStartupCache.in(dist.resolve("with space"), OPTIONS, 25, "25")).isEmpty();
    }
}
