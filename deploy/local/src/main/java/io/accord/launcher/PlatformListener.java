package io.accord.launcher;

import java.time.Duration;

/** Progress of {@link Platform#start}: the launcher prints it and records it in the state file. */
public interface PlatformListener {

    PlatformListener SILENT = new PlatformListener() {
    };

    /** The component is being started. */
    default void starting(String component, String detail) {
    }

    /** Its process runs (pid known); it may not be healthy yet. */
    default void started(ComponentState component) {
    }

    /** It answers its health check, {@code elapsed} after the platform start began. */
    default void healthy(ComponentState component, Duration elapsed) {
    }
}
