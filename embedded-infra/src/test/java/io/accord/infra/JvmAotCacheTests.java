package io.accord.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JvmAotCacheTests {

    private static final String OPTIONS = "-Xms64m -Xmx512m -XX:+UseSerialGC";

    @TempDir
    Path directory;

    private JvmAotCache cache() {
        return JvmAotCache.in(directory.resolve("cache"), "keycloak", OPTIONS, 25, "25.0.3+9-LTS").orElseThrow();
    }

    @Test
    void theFirstStartTrainsTheCacheIntoATemporaryFile() {
        JvmAotCache cache = cache();
        cache.settle(directory.resolve("no-previous.log"));

        assertThat(cache.jvmOption()).isEqualTo("-XX:AOTCacheOutput=" + cache.training());
        assertThat(cache.training().getFileName().toString()).endsWith(".training.aot");
        assertThat(cache.training().getParent()).isEqualTo(directory.resolve("cache"));
        assertThat(cache.training().getFileName().toString()).startsWith("keycloak-jdk25.0.3_9_LTS-");
    }

    /** A cache whose training run left {@code output} and then a log ending in {@code lastLines}, settled. */
    private JvmAotCache trainedThenSettled(String output, String lastLines) throws IOException {
        JvmAotCache cache = cache();
        cache.settle(directory.resolve("none.log"));
        Files.writeString(cache.training(), output);
        cache.settle(Files.writeString(directory.resolve("previous.log"), "INFO stopped\nReading AOTConfiguration "
                + cache.training() + ".config and writing AOTCache " + cache.training() + "\n" + lastLines));
        return cache;
    }

    @Test
    void aTrainingTheJvmCompletedBecomesTheCacheOfTheNextStart() throws IOException {
        JvmAotCache cache = trainedThenSettled("archive",
                "AOTCache creation is complete: " + cache().training() + " 161443840 bytes\n");

        assertThat(cache.cache()).hasContent("archive");
        assertThat(cache.training()).doesNotExist();
        assertThat(cache.jvmOption()).isEqualTo("-XX:AOTCache=" + cache.cache());
    }

    @Test
    void aTrainingCutShortIsDroppedAndTrainedAgain() throws IOException {
        JvmAotCache cache = trainedThenSettled("half an archive", "");

        assertThat(cache.training()).doesNotExist();
        assertThat(cache.cache()).doesNotExist();
        assertThat(cache.jvmOption()).startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void aCacheTheJvmReportedAnErrorWithIsDroppedAndOneOfAnotherJdkOrOptionsToo() throws IOException {
        JvmAotCache cache = cache();
        cache.settle(directory.resolve("none.log"));
        Files.writeString(cache.cache(), "archive");
        Path otherJdk = Files.writeString(cache.cache().resolveSibling("keycloak-jdk26-0a0b0c0d.aot"), "old");
        Path fine = Files.writeString(directory.resolve("fine.log"), "INFO Keycloak started\n");

        cache.settle(fine);
        assertThat(cache.cache()).exists();
        assertThat(otherJdk).doesNotExist();

        Path failed = Files.writeString(directory.resolve("failed.log"),
                "[0.011s][error  ][aot] An error has occurred while processing the AOT cache.\n");
        cache.settle(failed);
        assertThat(cache.cache()).doesNotExist();
        assertThat(cache.jvmOption()).startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void oneCachePerJdkAndJvmOptionsAndNoneBeforeJdk25OrOnAPathWithSpaces() {
        Path other = JvmAotCache.in(directory.resolve("cache"), "keycloak", OPTIONS + " -Xss512k", 25, "25.0.3+9-LTS").orElseThrow().cache();
        Path jdk26 = JvmAotCache.in(directory.resolve("cache"), "keycloak", OPTIONS, 26, "26+35").orElseThrow().cache();

        assertThat(cache().cache()).isNotEqualTo(other).isNotEqualTo(jdk26);
        assertThat(JvmAotCache.in(directory.resolve("cache"), "keycloak", OPTIONS, 21, "21.0.7+6-LTS")).isEmpty();
        assertThat(JvmAotCache.in(directory.resolve("with space"), "keycloak", OPTIONS, 25, "25")).isEmpty();
    }

    @Test
    void aTrainingCompletedAtStopIsKeptThenWithoutWaitingForTheNextStartsLog() throws IOException {
        JvmAotCache cache = cache();
        cache.settle(directory.resolve("none.log"));
        Files.writeString(cache.training(), "archive");
        Path other = JvmAotCache.in(directory.resolve("cache"), "kafka", OPTIONS, 25, "25.0.3+9-LTS").orElseThrow()
                .training();
        Files.writeString(other, "half an archive");
        Path log = Files.writeString(directory.resolve("stopped.log"),
                "INFO stopped\nAOTCache creation is complete: " + cache.training() + " 161443840 bytes\n");

        JvmAotCache.keepCompleted(directory.resolve("cache"), log);

        assertThat(cache.cache()).hasContent("archive");
        assertThat(cache.training()).doesNotExist();
        assertThat(other).as("not named complete by this log").hasContent("half an archive");

        // the next start, its log gone (an emptied work directory), starts from the cache
        cache.settle(directory.resolve("gone.log"));
        assertThat(cache.jvmOption()).isEqualTo("-XX:AOTCache=" + cache.cache());
    }
}
