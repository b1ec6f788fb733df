package io.accord.platform.upload;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

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
