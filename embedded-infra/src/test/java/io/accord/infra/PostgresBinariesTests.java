package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unpacked binaries' directory is named after the archive's content, read cheaply where it can be. */
class PostgresBinariesTests {

    @Test
    void theArchiveInItsJarIsKeyedByTheCrcAndSizeOfItsContent() throws IOException {
        URL archive = PostgresBinaries.class.getResource(PostgresBinaries.RESOURCE);
        assertThat(archive.getProtocol()).isEqualTo("jar");
        byte[] content;
        try (InputStream in = archive.openStream()) {
            content = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(content);

        assertThat(PostgresBinaries.key(archive))
                .isEqualTo(String.format(Locale.ROOT, "%08x%08x", crc.getValue(), (long) content.length));
        assertThat(PostgresBinaries.unpacked().getFileName().toString())
                .isEqualTo("accord-pg-bin-" + PostgresBinaries.key(archive));
    }

    @Test
    void anArchiveOutsideAJarIsKeyedByItsSha256(@TempDir Path directory) throws Exception {
        Path one = Files.writeString(directory.resolve("one.txz"), "one archive", StandardCharsets.UTF_8);
        Path other = Files.writeString(directory.resolve("other.txz"), "another archive", StandardCharsets.UTF_8);

        assertThat(PostgresBinaries.key(one.toUri().toURL())).isEqualTo(sha256("one archive").substring(0, 16));
        assertThat(PostgresBinaries.key(other.toUri().toURL())).isEqualTo(sha256("another archive").substring(0, 16));
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
