package io.accord.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distribution zip unpacked once into {@code <home>/dist/keycloak-VERSION}. The tree is unpacked into a staging
 * directory and renamed into place with a marker file, so a half-unpacked tree is never taken for a complete one.
 */
final class UnpackedDistribution {

    private static final String MARKER = ".accord-unpacked";
    // everything a Keycloak start reports goes under one logger name
    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private UnpackedDistribution() {
    }

    /** The unpacked distribution in {@code home}, unpacked from {@code zip} first unless that was done before. */
    static Path in(KeycloakHome home, Path zip) throws IOException {
        Path distParent = home.distDirectory();
        Path dist = distParent.resolve(rootName());
        Path marker = dist.resolve(MARKER);
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
            FileTrees.deleteRecursively(dist);
            Path staging = Files.createTempDirectory(distParent, ".unpacking-");
            try {
                unpack(zip, staging, dist);
            } finally {
                FileTrees.deleteRecursively(staging);
            }
        }
        return dist;
    }

    private static void unpack(Path zip, Path staging, Path dist) throws IOException {
        log.info("unpacking " + zip.getFileName() + " into " + dist);
        long started = System.nanoTime();
        unzip(zip, staging);
        Path root = staging.resolve(rootName());
        if (!Files.isDirectory(root)) {
            throw new IOException(zip + " does not contain " + rootName() + "/");
        }
        makeScriptsExecutable(root);
        Files.writeString(root.resolve(MARKER), zip.toString(), StandardCharsets.UTF_8);
        FileTrees.moveAtomically(root, dist);
        log.info(String.format(Locale.ROOT, "unpacked in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    // ZipInputStream knows no Unix modes, and kc.sh has to be executable
    private static void makeScriptsExecutable(Path root) throws IOException {
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
                    // the zip's times: a JDK AOT cache of Keycloak's JVM (JvmAotCache) kept outside this
                    // distribution checks its classpath's jars by size and time, and stays valid for a new unpack
                    if (entry.getLastModifiedTime() != null) {
                        Files.setLastModifiedTime(out, entry.getLastModifiedTime());
                    }
                }
            }
        }
    }

    private static String rootName() {
        return "keycloak-" + KeycloakServer.VERSION;
    }
}
