package io.accord.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Requests sent at the same moment, as clients racing for one resource send them: each on a thread of its own, all
 * held at a start barrier until every one is ready, so that no request is answered before the last one has begun.
 */
public final class ConcurrentRequests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ConcurrentRequests() {
    }

    /**
     * Sends {@code count} requests at once and answers what they answered, in their order.
     *
     * @param request the i-th request (from 0), e.g. {@code i -> client.header("If-Match", tag).patch(path, body(i))}
     * @throws IllegalStateException when a request failed or was not answered within a minute; a request's own
     *                               runtime exception or assertion error is thrown as it is
     */
    public static <T> List<T> atOnce(int count, IntFunction<T> request) {
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(threads.submit(() -> {
                    start.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                    return request.apply(index);
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pending) {
                answers.add(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
            return answers;
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IllegalStateException("a concurrent request failed", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("a concurrent request was not answered within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
