package io.accord.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Start-up caches of the services' JVMs, under
 * {@code target/accord-startup-cache/<module>/<jar content key>-jdk<version>/}
 * ({@link PlatformConfig#startupCacheDirectory()}, {@link #contentKey}):
 * the jar extracted the way Spring Boot documents for class-data sharing ({@code -Djarmode=tools extract}, a plain
 * classpath that the JVM can archive), and an archive of the classes loaded and linked while the application
 * context started. A JDK 25 or newer writes an AOT cache ({@code -XX:AOTCacheOutput}, JEP 483/514/515), an older
 * one a dynamic CDS archive ({@code -XX:ArchiveClassesAtExit}); both are created by a training run that stops
 * right after the context refresh ({@code -Dspring.context.exit=onRefresh}), against the running platform's
 * database, and used with {@code -XX:AOTCache} or {@code -XX:SharedArchiveFile}.
 *
 * <p>A new jar (another content key) or another JDK gets a new directory; older ones of the module are deleted.
 * A cache the JVM cannot use is ignored by the JVM (the default {@code -XX:AOTMode=auto} and
 * {@code -Xshare:auto}), so a stale cache never stops a service from starting, it only starts slower.
 */
final class StartupCache {

    /** Jar entries that Spring AOT's {@code process-aot} generates ({@link #contentKey}). */
    static final Pattern GENERATED_BY_SPRING_AOT = Pattern.compile(
            "\\$\\$SpringCGLIB\\$\\$|__[A-Z][A-Za-z]*(\\$[^/]*)?\\.class$|(^|/)META-INF/native-image/");

    /** The JDK from which on the AOT cache is written in one step. */
    static final int AOT_CACHE_OUTPUT_SINCE = 25;

    private final Path root;
    private final int jdkFeature;
    private final String jdkVersion;

    StartupCache(Path root) {
        this(root, Runtime.version().feature(), Runtime.version().toString());
    }

    StartupCache(Path root, int jdkFeature, String jdkVersion) {
        this.root = root;
        this.jdkFeature = jdkFeature;
        this.jdkVersion = jdkVersion;
    }

    /** The cache of this jar on this JDK, whether or not it exists yet. */
    Entry entry(ServiceSpec service, Path jar) {
        String key = contentKey(jar).substring(0, 16) + "-jdk" + jdkVersion.replaceAll("[^A-Za-z0-9.]", "_");
        return new Entry(root.resolve(service.module()).resolve(key), jar.getFileName().toString(),
                jdkFeature >= AOT_CACHE_OUTPUT_SINCE);
    }

    /**
     * The ready cache of this jar on this JDK, if any. Cheap: the key is read from the jar's central directory
     * ({@link #contentKey}), and a service without any cache is not even opened.
     */
    Optional<Entry> ready(ServiceSpec service, Path jar) {
        if (!Files.isDirectory(root.resolve(service.module()))) {
            return Optional.empty();
        }
        return Optional.of(entry(service, jar)).filter(Entry::isReady);
    }

    /**
     * One cache directory.
     *
     * @param directory where the extracted application and the archive live
     * @param jarName   the executable jar's file name, also that of the extracted application jar
     * @param aot       true: a JDK AOT cache; false: a dynamic CDS archive
     */
    record Entry(Path directory, String jarName, boolean aot) {

        boolean isReady() {
            return Files.isRegularFile(archive()) && Files.isRegularFile(applicationJar());
        }

        Path archive() {
            return directory.resolve(aot ? "app.aot" : "app.jsa");
        }

        Path applicationJar() {
            return directory.resolve("application").resolve(jarName);
        }

        /** The JVM options and jar that start the service from this cache. */
        List<String> launchArguments() {
            return List.of(aot ? "-XX:AOTCache=" + archive() : "-XX:SharedArchiveFile=" + archive(),
                    "-jar", applicationJar().toString());
        }

        /** The JVM options and jar of the training run that writes {@code output}. */
        List<String> trainingArguments(Path output) {
            return List.of(aot ? "-XX:AOTCacheOutput=" + output : "-XX:ArchiveClassesAtExit=" + output,
                    "-Dspring.context.exit=onRefresh", "-jar", applicationJar().toString());
        }
    }

    /**
     * Creates the cache of a service: extracts the jar, runs the training run with the service's environment,
     * and only then moves the archive into place, so a failed or interrupted run leaves no half cache behind.
     *
     * @param jvmOptions  the options the service runs with: an archive is only used with compatible ones
     * @param environment what the service reads (its database above all: the context must start)
     * @param log         the training run's output
     * @return whether the cache is ready
     */
    boolean create(ServiceSpec service, Path jar, List<String> jvmOptions, Map<String, String> environment,
                   Path log, Path workingDirectory) throws InterruptedException {
        try {
            Files.createDirectories(root.resolve(service.module()));
            Entry entry = entry(service, jar);
            deleteOthers(entry);
            deleteRecursively(entry.directory());
            Files.createDirectories(entry.directory());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            if (run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    entry.applicationJar().getParent().toString()), Map.of(), log, workingDirectory) != 0) {
                return false;
            }
            Path training = entry.directory().resolve("training." + (entry.aot() ? "aot" : "jsa"));
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(entry.trainingArguments(training));
            if (run(command, environment, log, workingDirectory) != 0 || !Files.isRegularFile(training)) {
                return false;
            }
            Files.move(training, entry.archive());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the start-up cache of " + service.name(), e);
        }
    }

    /** The caches of older jars or other JDKs of this service. */
    private void deleteOthers(Entry keep) throws IOException {
        Path module = keep.directory().getParent();
        if (!Files.isDirectory(module)) {
            return;
        }
        try (Stream<Path> entries = Files.list(module)) {
            // .checksum-* files: checksums remembered by size and modification time, which an earlier launcher wrote;
            // with reproducible jars (fixed time) a changed jar of the same size would have reused its old checksum
            for (Path other : entries.filter(path -> !path.equals(keep.directory())).toList()) {
                deleteRecursively(other);
            }
        }
    }

    private static int run(List<String> command, Map<String, String> environment, Path log, Path workingDirectory)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } finally {
            // interrupted (the launcher stops): the training run goes with it
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }


    /**
     * The SHA-256 over the jar's entries (name, CRC-32 and size from its central directory, sorted by name), leaving
     * out what Spring AOT generates at build time ({@link #GENERATED_BY_SPRING_AOT}: the bean definitions as code, the
     * repositories' and CGLIB proxy classes, the native-image hints). Some of it comes out in another order from
     * build to build (CGLIB lists methods in the order the build's JVM returned them; several classes named in one
     * {@code @EnableConfigurationProperties} are registered in the order of a hash set), while all of it follows
     * from the rest of the jar, which is in the key. So an unchanged build keeps its cache, and the cache's own
     * extracted jar (from which the service starts) holds code generated from the same sources. A file that is not a
     * zip is hashed whole.
     */
    static String contentKey(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zip.stream().filter(entry -> !GENERATED_BY_SPRING_AOT.matcher(entry.getName()).find())
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .forEach(entry -> digest.update((entry.getName() + "\0" + Long.toHexString(entry.getCrc()) + "\0"
                            + entry.getSize() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (ZipException notAZip) {
            return sha256(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes the caches that earlier launchers kept in the work directory, unused since they moved to the build's
     * output ({@link PlatformConfig#startupCacheDirectory()}): {@code .accord/startup-cache} (about 1 GB), Kafka's and
     * Keycloak's AOT caches in their data.
     *
     * @return the directories removed
     */
    static List<Path> removeFormerLocations(Path workDirectory) throws IOException {
        List<Path> former = new ArrayList<>(List.of(workDirectory.resolve("startup-cache"),
                workDirectory.resolve("kafka").resolve("accord-startup-cache")));
        Path distributions = workDirectory.resolve("keycloak").resolve("dist");
        if (Files.isDirectory(distributions)) {
            try (Stream<Path> unpacked = Files.list(distributions)) {
                unpacked.forEach(dist -> former.add(dist.resolve("data").resolve("accord-startup-cache")));
            }
        }
        List<Path> removed = new ArrayList<>();
        for (Path directory : former) {
            if (Files.isDirectory(directory)) {
                deleteRecursively(directory);
                removed.add(directory);
            }
        }
        return removed;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
