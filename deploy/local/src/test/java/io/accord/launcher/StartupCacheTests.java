package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTests {

    @TempDir
    Path directory;

    private final ServiceSpec catalog = ServiceSpec.SERVICES.get(1);

    @Test
    void aCacheBelongsToOneJarContentAndOneJdk() throws IOException {
        Path jar = Files.writeString(directory.resolve("catalog-service-0.1.0-SNAPSHOT-exec.jar"), "first build");
        StartupCache jdk25 = new StartupCache(directory.resolve("cache"), 25, "25.0.1+8-LTS");

        StartupCache.Entry first = jdk25.entry(catalog, jar);
        Files.writeString(jar, "second build");
        StartupCache.Entry rebuilt = jdk25.entry(catalog, jar);
        StartupCache.Entry otherJdk = new StartupCache(directory.resolve("cache"), 25, "25.0.2+10-LTS")
                .entry(catalog, jar);

        assertThat(first.directory().getParent()).isEqualTo(directory.resolve("cache/catalog-service"));
        assertThat(first.directory().getFileName().toString()).endsWith("-jdk25.0.1_8_LTS");
        assertThat(rebuilt.directory()).isNotEqualTo(first.directory());
        assertThat(otherJdk.directory()).isNotEqualTo(rebuilt.directory());
        assertThat(jdk25.entry(catalog, jar)).isEqualTo(rebuilt);
    }

    @Test
    void aServiceWithoutAnyCacheIsNotEvenOpenedAndAChangedJarOfTheSameSizeAndTimeGetsANewCache() throws IOException {
        StartupCache cache = new StartupCache(directory.resolve("cache"), 25, "25");

        assertThat(cache.ready(catalog, directory.resolve("not-even-built.jar"))).isEmpty();

        Path jar = Files.writeString(directory.resolve("catalog-service-0.1.0-SNAPSHOT-exec.jar"), "build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.createDirectories(directory.resolve("cache/catalog-service"));
        StartupCache.Entry entry = cache.entry(catalog, jar);
        assertThat(cache.ready(catalog, jar)).as("not trained yet").isEmpty();
        Files.createDirectories(entry.applicationJar().getParent());
        Files.writeString(entry.applicationJar(), "extracted");
        Files.writeString(entry.archive(), "archive");
        assertThat(cache.ready(catalog, jar)).contains(entry);

        // a reproducible build of changed sources: same size, same fixed time, other content
        Files.writeString(jar, "BUILD");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(cache.ready(catalog, jar)).isEmpty();
        assertThat(cache.entry(catalog, jar).directory()).isNotEqualTo(entry.directory());
    }

    @Test
    void usesTheAotCacheOnJdk25AndAClassDataSharingArchiveBefore() throws IOException {
        Path jar = Files.writeString(directory.resolve("catalog-service-0.1.0-SNAPSHOT-exec.jar"), "build");
        StartupCache.Entry aot = new StartupCache(directory, 25, "25").entry(catalog, jar);
        StartupCache.Entry cds = new StartupCache(directory, 21, "21.0.5").entry(catalog, jar);

        assertThat(aot.launchArguments()).containsExactly("-XX:AOTCache=" + aot.directory().resolve("app.aot"),
                "-jar", aot.directory().resolve("application/catalog-service-0.1.0-SNAPSHOT-exec.jar").toString());
        assertThat(aot.trainingArguments(Path.of("t.aot")))
                .containsExactly("-XX:AOTCacheOutput=t.aot", "-Dspring.context.exit=onRefresh", "-jar",
                        aot.applicationJar().toString());
        assertThat(cds.launchArguments()).first().isEqualTo("-XX:SharedArchiveFile="
                + cds.directory().resolve("app.jsa"));
        assertThat(cds.trainingArguments(Path.of("t.jsa"))).first().isEqualTo("-XX:ArchiveClassesAtExit=t.jsa");
    }

    @Test
    void aServiceStartsFromItsJarUntilItsCacheIsCompleteThenFromTheCache() throws IOException {
        PlatformConfig config = PlatformConfig.defaults(directory);
        Path jar = catalog.jar(directory);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "build");
        StartupCache.Entry entry = new StartupCache(config.startupCacheDirectory()).entry(catalog, jar);

        Files.createDirectories(entry.applicationJar().getParent());
        Files.writeString(entry.applicationJar(), "extracted");
        assertThat(entry.isReady()).as("extracted, but no archive yet").isFalse();
        assertThat(ServiceProcesses.command(catalog, config, Optional.of(entry))).last().isEqualTo(jar.toString());

        Files.writeString(entry.archive(), "archive");
        assertThat(entry.isReady()).isTrue();
        assertThat(ServiceProcesses.command(catalog, config, Optional.of(entry)))
                .contains("-Xmx192m", "-XX:+UseSerialGC")
                .endsWith(entry.launchArguments().toArray(String[]::new));
    }

    /**
     * Spring AOT generates code at build time that comes out in another order from build to build (CGLIB proxies,
     * bean registrations): a jar that differs only there keeps its cache, one with another class or migration does
     * not.
     */
    @Test
    void aRebuildThatDiffersOnlyInWhatSpringAotGeneratedKeepsItsCache() throws IOException {
        Path first = zip("first.jar", aotJar("code", "V2__add.sql", "one order"));
        Path rebuilt = zip("rebuilt.jar", aotJar("code", "V2__add.sql", "another order"));
        Path changed = zip("changed.jar", aotJar("other code", "V2__add.sql", "one order"));
        Path migrated = zip("migrated.jar", aotJar("code", "V2__add_more.sql", "one order"));

        assertThat(StartupCache.contentKey(rebuilt)).isEqualTo(StartupCache.contentKey(first));
        assertThat(StartupCache.sha256(rebuilt)).isNotEqualTo(StartupCache.sha256(first));
        assertThat(StartupCache.contentKey(changed)).isNotEqualTo(StartupCache.contentKey(first));
        assertThat(StartupCache.contentKey(migrated)).isNotEqualTo(StartupCache.contentKey(first));
    }

    private static Map<String, String> aotJar(String code, String migration, String generatedOrder) {
        return Map.of("BOOT-INF/classes/a/Service.class", code,
                "BOOT-INF/classes/db/migration/" + migration, "create table t ()",
                "BOOT-INF/classes/a/Service$$SpringCGLIB$$0.class", generatedOrder,
                "BOOT-INF/classes/a/App__BeanFactoryRegistrations.class", generatedOrder,
                "BOOT-INF/classes/a/Service__BeanDefinitions$Inner.class", generatedOrder,
                "BOOT-INF/classes/a/Repo__AotRepository.class", generatedOrder,
                "META-INF/native-image/a/app/reflect-config.json", generatedOrder);
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path jar = directory.resolve(name);
        try (var out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var entry : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * The launcher builds before every start; a cache is kept per jar checksum, so it survives only if an unchanged
     * build gives the same bytes. Without a fixed output timestamp every jar entry carried the build's time, and every
     * {@code ./accord up} trained all caches again (minutes of CPU after each start).
     */
    @Test
    void buildsAreReproducibleSoThatARebuiltJarKeepsItsCache() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("accord"))) {
            root = root.getParent();
        }
        var declared = java.util.regex.Pattern
                .compile("<project\\.build\\.outputTimestamp>([^<]+)</project\\.build\\.outputTimestamp>")
                .matcher(Files.readString(root.resolve("pom.xml")));

        assertThat(declared.find()).as("project.build.outputTimestamp in the root pom").isTrue();
        assertThat(Instant.parse(declared.group(1))).isBefore(Instant.now());
    }

    @Test
    void theCachesThatEarlierLaunchersKeptInTheWorkDirectoryAreRemovedAndNothingElse() throws IOException {
        Path work = directory.resolve(".accord");
        Path services = Files.createDirectories(work.resolve("startup-cache/catalog-service/0123-jdk25"));
        Files.writeString(services.resolve("app.aot"), "archive");
        Path kafka = Files.createDirectories(work.resolve("kafka/accord-startup-cache"));
        Path keycloak = Files.createDirectories(work.resolve("keycloak/dist/keycloak-26.7.3/data/accord-startup-cache"));
        Files.writeString(keycloak.resolve("keycloak-jdk25.aot"), "archive");
        Path brokerLog = Files.writeString(work.resolve("kafka/broker.log"), "log");
        Path realm = Files.writeString(work.resolve("keycloak/dist/keycloak-26.7.3/data/import.json"), "realm");

        assertThat(StartupCache.removeFormerLocations(work))
                .containsExactlyInAnyOrder(work.resolve("startup-cache"), kafka, keycloak);

        assertThat(work.resolve("startup-cache")).doesNotExist();
        assertThat(kafka).doesNotExist();
        assertThat(keycloak).doesNotExist();
        assertThat(brokerLog).exists();
        assertThat(realm).exists();
        assertThat(StartupCache.removeFormerLocations(work)).isEmpty();
        assertThat(StartupCache.removeFormerLocations(directory.resolve("never-started"))).isEmpty();
    }
}
