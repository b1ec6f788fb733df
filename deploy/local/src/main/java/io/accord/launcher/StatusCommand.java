package io.accord.launcher;

import java.io.PrintStream;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code ./accord status}: each recorded component with its health, pid, port and resident memory. */
final class StatusCommand {

    private final PlatformConfig config;
    private final PrintStream out;
    private final HealthProbe probe = new HealthProbe();

    StatusCommand(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Exit code 0 when everything recorded is healthy, 1 otherwise. */
    int run() {
        Optional<RunState> state = RunState.read(config.stateFile());
        if (state.isEmpty() || !state.get().anythingRunning()) {
            out.println("Accord is not running (start it with ./accord up).");
            return 1;
        }
        out.println("launcher pid " + state.get().launcherPid()
                + (state.get().launcherRunning() ? " (running)" : " (gone: components were left running)"));
        out.printf("%-20s %-10s %8s %6s %9s  %s%n", "COMPONENT", "STATE", "PID", "PORT", "MEMORY", "LOG");
        boolean allHealthy = true;
        for (ComponentState component : state.get().components()) {
            String health = health(component);
            allHealthy &= health.equals("healthy");
            out.printf("%-20s %-10s %8d %6d %9s  %s%n", component.name(), health, component.pid(), component.port(),
                    ProcessMemory.megabytes(memory(component)), component.logFile());
        }
        out.println("MEMORY: resident set (VmRSS) of a service or Kafka JVM; for postgres and keycloak the proportional"
                + " set size of the whole process tree (shared pages counted once).");
        return allHealthy ? 0 : 1;
    }

    private String health(ComponentState component) {
        if (!component.isRunning()) {
            return "stopped";
        }
        return probe.isHealthy(component.health()) ? "healthy" : "unhealthy";
    }

    private static OptionalLong memory(ComponentState component) {
        if (!component.isRunning()) {
            return OptionalLong.empty();
        }
        // services and Kafka are one JVM; Keycloak (kc.sh + JVM) and PostgreSQL (postmaster + backends) are trees
        return switch (component.kind()) {
            case SERVICE, KAFKA -> ProcessMemory.residentBytes(component.pid());
            case POSTGRES, KEYCLOAK -> ProcessMemory.treeBytes(component.pid());
        };
    }
}
