package io.accord.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak distribution zip ({@code org.keycloak:keycloak-quarkus-dist:VERSION:zip}) in the local Maven
 * repository, downloaded from Maven Central (or {@link KeycloakServer#REMOTE_REPOSITORY_PROPERTY}) when absent.
 */
final class KeycloakDistribution {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2";
    private static final String GROUP_PATH = "org/keycloak/keycloak-quarkus-dist";
    private static final String ARTIFACT = "keycloak-quarkus-dist";
    // everything a Keycloak start reports goes under one logger name
    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private KeycloakDistribution() {
    }

    /** Where the zip is looked for, and downloaded to, in the local Maven repository. */
    static Path zip() {
        return LocalMavenRepository.location().resolve(GROUP_PATH).resolve(KeycloakServer.VERSION)
                .resolve(fileName());
    }

    /**
     * The zip, downloaded first when absent: into a temporary file, SHA-1 checked against the {@code .sha1}
     * published next to it, then moved into place atomically.
     */
    static Path ensureZip() throws IOException {
        Path zip = zip();
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        Files.createDirectories(zip.getParent());
        // one downloader at a time, across processes
        try (FileChannel lockChannel = FileChannel.open(zip.resolveSibling(zip.getFileName() + ".accord-lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            if (Files.isRegularFile(zip)) {
                return zip;
            }
            download(zip);
        }
        return zip;
    }

    private static void download(Path zip) throws IOException {
        String remote = System.getProperty(KeycloakServer.REMOTE_REPOSITORY_PROPERTY, CENTRAL).replaceAll("/+$", "");
        URI uri = URI.create(remote + "/" + GROUP_PATH + "/" + KeycloakServer.VERSION + "/" + fileName());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String expectedSha1 = VerifiedDownload.publishedSha1(http, URI.create(uri + ".sha1"));
        Path tmp = Files.createTempFile(zip.getParent(), zip.getFileName().toString(), ".part");
        try {
            log.info("downloading " + uri + " to " + zip);
            String actualSha1 = VerifiedDownload.download(http, uri, tmp);
            if (!actualSha1.equalsIgnoreCase(expectedSha1)) {
                throw new IOException("SHA-1 mismatch for " + uri + ": expected " + expectedSha1 + ", got " + actualSha1);
            }
            Files.writeString(zip.resolveSibling(zip.getFileName() + ".sha1"), expectedSha1, StandardCharsets.US_ASCII);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // a temporary file is owner-only; the local repository is readable like Maven leaves it
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            FileTrees.moveAtomically(tmp, zip);
            log.info("downloaded and verified (SHA-1 " + actualSha1 + ")");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String fileName() {
        return ARTIFACT + "-" + KeycloakServer.VERSION + ".zip";
    }
}
