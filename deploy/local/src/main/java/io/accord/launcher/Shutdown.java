package io.accord.launcher;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.accord.infra.EmbeddedPostgres;
import io.accord.infra.KafkaBroker;
import io.accord.infra.KeycloakServer;
import io.accord.infra.MailSink;
import io.accord.infra.Processes;

/**
 * Stops components by pid in dependency order: services (together), then Keycloak, Kafka, PostgreSQL.
 * Used by {@link Platform#close()} and by {@code ./accord down} from another process alike.
 */
final class Shutdown {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(30);

    private Shutdown() {
    }

    static void stopAll(List<ComponentState> components, Consumer<String> progress) {
        List<Thread> services = components.stream()
                .filter(component -> component.kind() == ComponentState.Kind.SERVICE)
                .map(component -> Thread.ofVirtual().start(() -> stopReporting(component, progress)))
                .toList();
        for (Thread service : services) {
            joinUninterruptibly(service);
        }
        for (ComponentState.Kind kind : List.of(ComponentState.Kind.KEYCLOAK, ComponentState.Kind.MAIL,
                ComponentState.Kind.KAFKA, ComponentState.Kind.POSTGRES)) {
            components.stream().filter(component -> component.kind() == kind)
                    .forEach(component -> stopReporting(component, progress));
        }
    }

    /** One component that cannot be stopped must not keep the others running. */
    private static void stopReporting(ComponentState component, Consumer<String> progress) {
        try {
            stop(component, progress);
        } catch (RuntimeException e) {
            progress.accept("could not stop " + component.name() + " (pid " + component.pid() + "): " + e.getMessage());
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // shutdown must finish: remember the interrupt and restore it afterwards
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static void stop(ComponentState component, Consumer<String> progress) {
        if (!component.isRunning()) {
            return;
        }
        progress.accept("stopping " + component.name() + " (pid " + component.pid() + ")");
        switch (component.kind()) {
            case POSTGRES -> EmbeddedPostgres.stopProcess(component.pid());
            case KAFKA -> {
                KafkaBroker.stopProcess(component.pid());
                KafkaBroker.keepStartupCache(component.logFile());
            }
            case KEYCLOAK -> {
                KeycloakServer.stop(component.pid());
                KeycloakServer.keepStartupCache(component.logFile());
            }
            case MAIL -> MailSink.stopProcess(component.pid());
            case SERVICE -> Processes.stop(component.pid(), "TERM", SERVICE_GRACE);
        }
    }
}
