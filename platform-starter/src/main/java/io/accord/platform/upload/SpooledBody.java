package io.accord.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;

import io.accord.platform.problem.InvalidInputException;

/**
 * A file sent as a request's raw body (a catalog file, a CDR file), read to a temporary file before any database
 * work, so that the client's pace costs no database connection, transaction or row lock: the transaction that stores
 * the file then reads it from the disk. Deleted on {@link #close()}.
 *
 * <pre>{@code
 * try (SpooledBody file = spool.receive(request.getInputStream(), maxSize, MaxUploadSizeExceededException::new)) {
 *     return service.upload(file.open(), fileName);
 * }
 * }</pre>
 *
 * Made by {@link UploadSpool}, which bounds the bytes all spooled bodies of the service hold on disk at once.
 *
 * <p>Why: the uploads copied the request body into PostgreSQL inside their transaction as it arrived. Under
 * {@code ./accord up}, eight CDR files sent at 2 KB/s ({@code curl --limit-rate 2k}) held all eight connections of
 * the service's pool for as long as they took: every other request answered 503 after 10 s.
 */
public final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final long size;
    private final Runnable release;

    private SpooledBody(Path file, long size, Runnable release) {
        this.file = file;
        this.size = size;
        this.release = release;
    }

    /**
     * Reads {@code body} to its end into a temporary file, taking each buffer's bytes from {@code budget} first.
     *
     * @param maxBytes the most the file may hold; a body beyond it is not read further
     * @param tooLarge the exception for a body beyond {@code maxBytes} (given the limit), e.g. a 413 problem
     * @param budget   takes bytes (false: none free) and gives them back (on close, or when the body is refused)
     * @param busy     the exception when the budget has no room left
     * @throws InvalidInputException the body broke off before its end (the client went away): field {@code file}
     */
    static SpooledBody receive(InputStream body, long maxBytes, LongFunction<? extends RuntimeException> tooLarge,
                               UploadSpool.Budget budget, java.util.function.Supplier<? extends RuntimeException> busy) {
        Path file;
        try {
            file = Files.createTempFile(UploadSpool.FILE_PREFIX, ".part");
            UploadSpool.RECEIVING.add(file);
        } catch (IOException noRoom) {
            throw new UncheckedIOException("cannot create a temporary file for an upload", noRoom);
        }
        long taken = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = read(body, buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge.apply(maxBytes);
                }
                if (!budget.tryTake(n)) {
                    throw busy.get();
                }
                taken += n;
                out.write(buffer, 0, n);
            }
            long kept = taken;
            return new SpooledBody(file, total, () -> budget.giveBack(kept));
        } catch (IOException | RuntimeException failed) {
            delete(file);
            budget.giveBack(taken);
            if (failed instanceof IOException noRoom) {
                throw new UncheckedIOException("cannot write an upload to a temporary file", noRoom);
            }
            throw (RuntimeException) failed;
        }
    }

    /** The client's failure to send, apart from the disk's failure to keep. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException broken) {
            throw new InvalidInputException("file", "the upload broke off before its end: " + broken.getMessage());
        }
    }

    /** The number of bytes received. */
    public long size() {
        return size;
    }

    /** The body as it was received, from its first byte (each call a new stream). */
    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException gone) {
            throw new UncheckedIOException("the spooled upload cannot be read", gone);
        }
    }

    @Override
    public void close() {
        delete(file);
        release.run();
    }

    private static void delete(Path file) {
        UploadSpool.RECEIVING.remove(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary directory's owner cleans up; nothing here depends on it
        }
    }
}
