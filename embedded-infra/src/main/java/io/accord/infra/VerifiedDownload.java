package io.accord.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP downloads from a Maven repository: the published SHA-1 of an artifact, and the artifact with its SHA-1. */
final class VerifiedDownload {

    // everything a Keycloak start reports goes under one logger name
    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private VerifiedDownload() {
    }

    /** The checksum in the {@code .sha1} file at {@code uri}. */
    static String publishedSha1(HttpClient http, URI uri) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            String sha1 = response.body().trim().split("\\s+")[0];
            if (!sha1.matches("[0-9a-fA-F]{40}")) {
                throw new IOException("unexpected checksum file " + uri + ": " + response.body());
            }
            return sha1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Writes the body at {@code uri} to the existing file {@code target}, logging progress; returns its SHA-1. */
    static String download(HttpClient http, URI uri, Path target) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = response.body();
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long done = 0;
            int nextPercent = 10;
            long nextMegabytes = 20;
            long started = System.nanoTime();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                sha1.update(buffer, 0, n);
                done += n;
                if (total > 0 && done * 100 / total >= nextPercent) {
                    log.info(String.format(Locale.ROOT, "download %3d%% (%d of %d MB)", done * 100 / total,
                            done >> 20, total >> 20));
                    nextPercent = (int) (done * 100 / total) / 10 * 10 + 10;
                } else if (total <= 0 && done >> 20 >= nextMegabytes) {
                    log.info("download " + (done >> 20) + " MB");
                    nextMegabytes += 20;
                }
            }
            if (total > 0 && done != total) {
                throw new IOException("download of " + uri + " ended after " + done + " of " + total + " bytes");
            }
            log.info(String.format(Locale.ROOT, "downloaded %d MB in %.1f s", done >> 20, (System.nanoTime() - started) / 1e9));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }
}
