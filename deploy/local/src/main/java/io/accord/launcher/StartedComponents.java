package io.accord.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the platform started, in start order. Once stopped, a component that a slow start step still
 * registers is stopped at once, so a failed start leaves nothing behind.
 */
final class StartedComponents {

    private final List<ComponentState> components = new ArrayList<>();
    private boolean stopped;

    ComponentState add(ComponentState component, PlatformListener listener) {
        synchronized (this) {
            if (!stopped) {
                components.add(component);
                listener.started(component);
                return component;
            }
        }
        Shutdown.stop(component, message -> { });
        throw new IllegalStateException(component.name() + " started after the platform was stopped");
    }

    synchronized List<ComponentState> all() {
        return List.copyOf(components);
    }

    void stopAll(Consumer<String> progress) {
        List<ComponentState> toStop;
        synchronized (this) {
            stopped = true;
            toStop = new ArrayList<>(components);
        }
        Shutdown.stopAll(toStop, progress);
    }
}
