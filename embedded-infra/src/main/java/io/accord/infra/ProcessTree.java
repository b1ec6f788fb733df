package io.accord.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Stopping a process together with all its descendants, which need not be our children. */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * SIGTERM to the process and its descendants, SIGKILL to whatever is still alive after {@code timeout}, and
     * waits for them to end; a pid that no longer exists is not an error.
     */
    static void stop(long pid, Duration timeout) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(handle.get());
        try (Stream<ProcessHandle> descendants = handle.get().descendants()) {
            descendants.forEach(all::add);
        }
        // children first so the Keycloak JVM gets the SIGTERM even if kc.sh dies first
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).destroy();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception timeoutOrFailure) {
                // fall through to the forcible stop
            }
            if (p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
