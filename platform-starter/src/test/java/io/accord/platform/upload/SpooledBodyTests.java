package io.accord.platform.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import io.accord.platform.problem.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpooledBodyTests {

    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

    private final UploadSpool spool = new UploadSpool(1_000_000);

    @Test
    void theBodyIsKeptWholeOnDiskReadableAgainAndGoneOnClose() throws IOException {
        byte[] body = new byte[300_000]; // several buffers
        new Random(7).nextBytes(body);
        List<Path> before = spooled();

        Path file;
        try (SpooledBody spooled = spool.receive(new ByteArrayInputStream(body), body.length,
                MaxUploadSizeExceededException::new)) {
            assertThat(spooled.size()).isEqualTo(body.length);
            try (InputStream first = spooled.open(); InputStream second = spooled.open()) {
                assertThat(first.readAllBytes()).isEqualTo(body);
                assertThat(second.readAllBytes()).isEqualTo(body);
            }
            List<Path> during = spooled();
            during.removeAll(before);
            assertThat(during).hasSize(1);
            file = during.getFirst();
            assertThat(spool.bytesHeld()).isEqualTo(body.length);
        }
        assertThat(file).doesNotExist();
        assertThat(spool.bytesHeld()).isZero();
    }

    @Test
    void aBodyOverTheLimitIsTheCallersExceptionAndLeavesNoFile() throws IOException {
        List<Path> before = spooled();

        assertThatThrownBy(() -> spool.receive(new ByteArrayInputStream(new byte[1001]), 1000,
                MaxUploadSizeExceededException::new))
                .isInstanceOfSatisfying(MaxUploadSizeExceededException.class,
                        tooLarge -> assertThat(tooLarge.getMaxUploadSize()).isEqualTo(1000));
        assertThat(spooled()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(spool.bytesHeld()).isZero();

        try (SpooledBody exactly = spool.receive(new ByteArrayInputStream(new byte[1000]), 1000,
                MaxUploadSizeExceededException::new)) {
            assertThat(exactly.size()).isEqualTo(1000);
        }
    }

    @Test
    void aBodyThatBreaksOffIsABadRequestNamingTheFileAndLeavesNoFile() throws IOException {
        List<Path> before = spooled();
        InputStream breaksOff = new SequenceInputStream(new ByteArrayInputStream(new byte[70_000]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> spool.receive(breaksOff, 1_000_000, MaxUploadSizeExceededException::new))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("file");
                    assertThat(invalid.getMessage()).contains("broke off").contains("connection reset");
                });
        assertThat(spooled()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(spool.bytesHeld()).isZero();
    }

    private static List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(TEMP)) {
            return new java.util.ArrayList<>(files.filter(file -> file.getFileName().toString()
                    .startsWith("accord-upload-")).toList());
        }
    }

    @Test
    void anUploadBeyondTheSpoolsBudgetIsA503ToRetryAndKeepsNothingWhileTheOthersGoOn() throws IOException {
        UploadSpool small = new UploadSpool(200_000);
        List<Path> before = spooled();

        try (SpooledBody first = small.receive(new ByteArrayInputStream(new byte[150_000]), 1_000_000,
                MaxUploadSizeExceededException::new)) {
            assertThatThrownBy(() -> small.receive(new ByteArrayInputStream(new byte[100_000]), 1_000_000,
                    MaxUploadSizeExceededException::new))
                    .isInstanceOfSatisfying(ErrorResponseException.class, busy -> {
                        assertThat(busy.getStatusCode().value()).isEqualTo(503);
                        assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo(UploadSpool.RETRY_AFTER_SECONDS);
                        assertThat(busy.getBody().getDetail()).contains("nothing of this upload was kept");
                    });
            assertThat(small.bytesHeld()).isEqualTo(150_000);
            assertThat(spooled()).hasSize(before.size() + 1);
            try (InputStream kept = first.open()) {
                assertThat(kept.readAllBytes()).hasSize(150_000);
            }
        }

        assertThat(small.bytesHeld()).isZero();
        try (SpooledBody again = small.receive(new ByteArrayInputStream(new byte[100_000]), 1_000_000,
                MaxUploadSizeExceededException::new)) {
            assertThat(again.size()).isEqualTo(100_000);
        }
        assertThat(spooled()).containsExactlyInAnyOrderElementsOf(before);
    }

    /**
     * What a process killed during an upload left is deleted at the next start: its own process id on the file (a
     * container restarted in its pod gets the same id again) or one of a process that is gone; a running
     * process's file is kept.
     */
    @Test
    void leftoversOfEndedProcessesAreDeletedAndRunningOnesKept(@org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Path own = Files.createFile(directory.resolve(UploadSpool.FILE_PREFIX + "1.part"));
            Path ofEnded = Files.createFile(directory.resolve("accord-upload-" + ended.pid() + "-2.part"));
            Path ofRunning = Files.createFile(directory.resolve("accord-upload-" + running.pid() + "-3.part"));
            Path other = Files.createFile(directory.resolve("accord-upload-notes.txt"));

            int removed;
            try (SpooledBody receiving = spool.receive(new ByteArrayInputStream(new byte[10]), 100,
                    MaxUploadSizeExceededException::new)) {
                removed = UploadSpool.removeLeftovers(directory);
                UploadSpool.removeLeftovers(TEMP);
                assertThat(receiving.open()).as("this process's upload being received").hasBinaryContent(new byte[10]);
            }

            assertThat(removed).isEqualTo(2);
            assertThat(own).doesNotExist();
            assertThat(ofEnded).doesNotExist();
            assertThat(ofRunning).exists();
            assertThat(other).exists();
        } finally {
            running.destroy();
        }
    }

    @Test
    void aSpooledBodyIsNamedWithItsProcessId() throws IOException {
        List<Path> before = spooled();
        try (SpooledBody file = spool.receive(new ByteArrayInputStream(new byte[10]), 100,
                MaxUploadSizeExceededException::new)) {
            assertThat(spooled()).hasSize(before.size() + 1).filteredOn(path -> !before.contains(path))
                    .singleElement().satisfies(path -> assertThat(path.getFileName().toString())
                            .startsWith("accord-upload-" + ProcessHandle.current().pid() + "-"));
        }
    }
}
