package io.accord.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Helpers for the platform's parallel start steps: naming failures and failing fast. */
final class StartSteps {

    private StartSteps() {
    }

    /** Runs a step so that its failure names the component and its log. */
    static <T> T named(String component, Path logFile, Supplier<T> step) {
        try {
            return step.get();
        } catch (ComponentFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ComponentFailedException(component, logFile, e.getMessage(), e);
        }
    }

    static void namedStep(String component, Path logFile, Runnable step) {
        named(component, logFile, () -> {
            step.run();
            return null;
        });
    }

    /** Waits for every step but returns on the first failure instead of waiting for the slowest step. */
    static void awaitAll(List<CompletableFuture<?>> steps, Duration timeout, Path logDirectory) {
        CompletableFuture<Void> all = CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
        steps.forEach(step -> step.whenComplete((result, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
            }
        }));
        try {
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (TimeoutException e) {
            throw new ComponentFailedException("platform", logDirectory,
                    "not every component was healthy within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Accord", e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for health", e);
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
