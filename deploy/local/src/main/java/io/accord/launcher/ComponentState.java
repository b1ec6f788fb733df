package io.accord.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A started component as the state file records it, enough for another process to check and stop it.
 *
 * @param health    {@code http://...} answered with 200 when healthy, or {@code tcp://host:port} that accepts
 *                  connections when healthy
 * @param startedAt the process start time, so a recycled pid is never mistaken for our process
 */
public record ComponentState(String name, Kind kind, long pid, int port, Path logFile, URI health,
                             long startedAt) {

    /** Decides how the component is stopped. */
    public enum Kind { POSTGRES, KAFKA, KEYCLOAK, SERVICE, MAIL }

    public static ComponentState of(String name, Kind kind, long pid, int port, Path logFile, URI health) {
        return new ComponentState(name, kind, pid, port, logFile, health, startTime(pid).orElse(0L));
    }

    /** Whether our process still runs (same pid and same start time). */
    public boolean isRunning() {
        return startTime(pid).map(time -> startedAt == 0 || time == startedAt).orElse(false);
    }

    static Optional<Long> startTime(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(handle -> handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }
}
