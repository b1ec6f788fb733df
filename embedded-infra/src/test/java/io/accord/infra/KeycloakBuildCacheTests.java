package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakBuildCacheTests {

    @TempDir
    Path directory;

    @Test
    void keepsTheBuildOfAStartedDistributionOnceAndRestoresItIntoAFreshOne() throws IOException {
        Path built = distribution("built", "postgres build");
        Path fresh = distribution("fresh", "zip's default build");
        KeycloakBuildCache cache = new KeycloakBuildCache(directory.resolve("repository"), "dev-postgres-health");
        Files.createDirectories(directory.resolve("repository"));

        cache.restoreInto(fresh);
        assertThat(Files.readString(fresh.resolve("lib/quarkus/quarkus-application.dat")))
                .as("nothing kept yet: Keycloak builds itself").isEqualTo("zip's default build");

        cache.keepFrom(built);
        cache.keepFrom(distribution("later", "another build"));
        cache.restoreInto(fresh);

        assertThat(Files.readString(fresh.resolve("lib/quarkus/quarkus-application.dat"))).isEqualTo("postgres build");
        assertThat(Files.readString(fresh.resolve(".accord-build"))).isEqualTo("dev-postgres-health");
    }

    @Test
    void buildsForOtherOptionsAreKeptApart() throws IOException {
        Files.createDirectories(directory.resolve("repository"));
        new KeycloakBuildCache(directory.resolve("repository"), "dev-postgres-health")
                .keepFrom(distribution("built", "postgres build"));
        Path fresh = distribution("fresh", "zip's default build");

        new KeycloakBuildCache(directory.resolve("repository"), "dev-dev-file-health").restoreInto(fresh);

        assertThat(Files.readString(fresh.resolve("lib/quarkus/quarkus-application.dat")))
                .isEqualTo("zip's default build");
    }

    private Path distribution(String name, String build) throws IOException {
        Path dist = directory.resolve(name).resolve("keycloak-" + KeycloakServer.VERSION);
        Files.createDirectories(dist.resolve("lib/quarkus"));
        Files.writeString(dist.resolve("lib/quarkus/quarkus-application.dat"), build);
        Files.writeString(dist.resolve("lib/quarkus/build-system.properties"), "quarkus.version=x");
        return dist;
    }
}
