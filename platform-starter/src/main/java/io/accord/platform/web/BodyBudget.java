package io.accord.platform.web;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;

/**
 * The bytes of request bodies a service holds in memory at once ({@code accord.platform.max-body-bytes-in-flight}),
 * shared by everything that reads a body whole: the request body advice ({@link RequestBodyLimit}) and the
 * idempotency filter's fingerprint. A body that does not fit is refused with {@link #busy()} (503, retry shortly)
 * rather than read: forty 4 MB bodies at once ended a service of 192 MB heap, each within its own limit.
 */
public final class BodyBudget {

    /** Seconds a client is asked to wait before it sends a refused body again. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore bytes;

    public BodyBudget(long maxBytesInFlight) {
        this.bytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, maxBytesInFlight));
    }

    /** Takes {@code n} bytes of the budget if they are free now; never waits. */
    public boolean tryTake(long n) {
        return n <= 0 || bytes.tryAcquire((int) Math.min(Integer.MAX_VALUE, n));
    }

    /** Gives back bytes taken with {@link #tryTake}. */
    public void giveBack(long n) {
        if (n > 0) {
            bytes.release((int) Math.min(Integer.MAX_VALUE, n));
        }
    }

    /** The 503 for a body that did not fit; the caller also sets {@code Retry-After: }{@value #RETRY_AFTER_SECONDS}. */
    public static ProblemDetail busy() {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "The service is"
                + " holding as many request bodies as it can at once; nothing of this request was applied. Retry"
                + " shortly.");
        problem.setTitle("Service Unavailable");
        return problem;
    }

    /**
     * Reads and drops what is left of a refused body, at most {@code max} bytes, before the refusal is answered:
     * Tomcat closes the connection after a 503, and with the body unread the close resets it, so a gateway still
     * sending it saw a reset instead of the answer (and answered 502).
     */
    public static void drain(InputStream body, long max) {
        byte[] scratch = new byte[8192];
        try {
            for (long left = max; left > 0; ) {
                int n = body.read(scratch, 0, (int) Math.min(scratch.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nobody to answer
        }
    }
}
