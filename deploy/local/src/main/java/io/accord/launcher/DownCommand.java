package io.accord.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.accord.infra.KeycloakServer;
import io.accord.infra.Processes;

/**
 * {@code ./accord down}: asks the running launcher to stop (it stops its components in order), then stops
 * whatever is still recorded as running, for a launcher that was killed without its shutdown hook.
 */
final class DownCommand {

    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(120);

    private final PlatformConfig config;
    private final PrintStream out;

    DownCommand(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    int run() {
        Optional<RunState> state = RunState.read(config.stateFile());
        if (state.isEmpty()) {
            stopOrphanedKeycloak();
            out.println("Accord is not running.");
            return 0;
        }
        if (state.get().launcherRunning()) {
            out.println("stopping the launcher (pid " + state.get().launcherPid() + "), which stops its components");
            Processes.stop(state.get().launcherPid(), "TERM", LAUNCHER_GRACE);
        }
        Shutdown.stopAll(state.get().components(), message -> out.println("  " + message));
        stopOrphanedKeycloak();
        List<ComponentState> survivors = state.get().components().stream().filter(ComponentState::isRunning).toList();
        deleteStateFile();
        if (!survivors.isEmpty()) {
            out.println("still running: " + survivors.stream().map(c -> c.name() + " (pid " + c.pid() + ")").toList());
            return 1;
        }
        out.println("Accord stopped.");
        return 0;
    }

    /** A launcher killed while Keycloak was starting never recorded it; Keycloak's own pid file did. */
    private void stopOrphanedKeycloak() {
        KeycloakServer.readPid(config.workDirectory().resolve("keycloak"))
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().commandLine().map(line -> line.contains("keycloak")).orElse(false))
                .ifPresent(process -> {
                    out.println("  stopping keycloak (pid " + process.pid() + ")");
                    KeycloakServer.stop(process.pid());
                });
    }

    private void deleteStateFile() {
        try {
            Files.deleteIfExists(config.stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + config.stateFile(), e);
        }
    }
}
