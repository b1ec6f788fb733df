package io.accord.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.ErrorResponseException;

import io.accord.platform.problem.Problems;

/**
 * Receives files sent as a request's raw body into temporary files ({@link SpooledBody}) before any database work,
 * within a budget of bytes on disk for all of them at once ({@code accord.platform.upload-spool-budget}): an upload
 * that would go beyond it is refused with 503 and {@code Retry-After} as soon as it would, and what it had sent is
 * dropped, so that uploads can fill neither the temporary directory (on Kubernetes an {@code emptyDir} whose size
 * limit evicts the pod) nor, as before, the database's connections.
 */
public final class UploadSpool {

    /**
     * A spooled body's file name: {@code accord-upload-<pid>-<random>.part}, the process id telling whose it is (see
     * {@link #removeLeftovers(Path)}).
     */
    static final String FILE_PREFIX = "accord-upload-" + ProcessHandle.current().pid() + "-";

    /** The files of this process's spooled bodies not deleted yet (of every application context in it). */
    static final Set<Path> RECEIVING = ConcurrentHashMap.newKeySet();

    private static final Pattern FILE_NAME = Pattern.compile("accord-upload-(\\d+)-.*\\.part");

    /** Seconds an upload refused for want of room is asked to wait. */
    public static final String RETRY_AFTER_SECONDS = "10";

    private final Budget budget;

    public UploadSpool(long budgetBytes) {
        this.budget = new Budget(budgetBytes);
    }

    /**
     * Reads {@code body} to its end into a temporary file; close the answer to delete it and free its bytes.
     *
     * @param maxBytes the most this upload may hold (its endpoint's limit); a body beyond is not read further
     * @param tooLarge the exception for a body beyond {@code maxBytes} (given the limit), e.g. a 413 problem
     * @throws ErrorResponseException 503 with {@code Retry-After} when the spool's budget has no room for it now
     */
    public SpooledBody receive(InputStream body, long maxBytes, LongFunction<? extends RuntimeException> tooLarge) {
        return SpooledBody.receive(body, maxBytes, tooLarge, budget, UploadSpool::busy);
    }

    /**
     * Deletes the spooled bodies in {@code directory} that no running process is receiving: those of a process that
     * is gone, and those named with this process's own id, which only a former process (a container restarted in
     * the same pod, whose {@code emptyDir} stays, and whose process id is the same again) can have left. Their
     * uploads were never answered, so nothing needs them. Run once at start-up: a process killed during an upload
     * (out of memory, {@code kill -9}) skips its {@code finally}, and its file stayed, taking room in the
     * directory that the budget does not count (on Kubernetes, sized a little above the budget: the next large
     * upload would then get the pod evicted). Files of other running processes (other services on one machine
     * under {@code ./accord up}) are left alone, and so are this process's own uploads still being received (another
     * application context in the same JVM, as in tests).
     *
     * @return how many files were deleted
     */
    public static int removeLeftovers(Path directory) {
        int removed = 0;
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "accord-upload-*.part")) {
            for (Path file : files) {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                if (name.matches() && isLeftover(Long.parseLong(name.group(1)), self) && !RECEIVING.contains(file)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot look for uploads left in " + directory, unreadable);
        }
        return removed;
    }

    private static boolean isLeftover(long pid, long self) {
        return pid == self || ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    /** Bytes of spooled uploads on disk now. */
    public long bytesHeld() {
        return budget.held();
    }

    private static ErrorResponseException busy() {
        return Problems.unavailable("The service is receiving as many uploaded files as it has room for; nothing of"
                + " this upload was kept. Send it again shortly.", RETRY_AFTER_SECONDS);
    }

    /** Bytes on disk, taken before they are written and given back when their file is deleted. */
    static final class Budget {

        private final long max;
        private final AtomicLong held = new AtomicLong();

        Budget(long max) {
            this.max = max;
        }

        boolean tryTake(long n) {
            while (true) {
                long now = held.get();
                if (now + n > max) {
                    return false;
                }
                if (held.compareAndSet(now, now + n)) {
                    return true;
                }
            }
        }

        void giveBack(long n) {
            held.addAndGet(-n);
        }

        long held() {
            return held.get();
        }
    }
}
