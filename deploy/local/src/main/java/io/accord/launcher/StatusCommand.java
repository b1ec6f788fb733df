package io.accord.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code ./accord status [NAME]}: each recorded component with its health, pid, port and resident memory, or only
 * the one named (as {@code logs} names it: component, module, database key or {@code gateway}).
 * Exit codes: {@value #HEALTHY} when the start completed and every component is healthy, {@value #NOT_HEALTHY}
 * when nothing runs or something is not healthy, {@value #STARTING} while {@code up} is still starting; for one
 * component, {@value #HEALTHY} as soon as it is healthy (even while others still start), {@value #STARTING} while
 * it starts, {@value #NOT_HEALTHY} otherwise, and {@value #UNKNOWN_COMPONENT} for a name this run has no component
 * of.
 */
final class StatusCommand {

    static final int HEALTHY = 0;
    static final int NOT_HEALTHY = 1;
    static final int STARTING = 3;
    static final int UNKNOWN_COMPONENT = 2;

    private final PlatformConfig config;
    private final PrintStream out;
    private final HealthProbe probe = new HealthProbe();

    StatusCommand(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** {@value #HEALTHY} when all is healthy, {@value #STARTING} while starting, {@value #NOT_HEALTHY} otherwise. */
    int run() {
        return run(Optional.empty());
    }

    /** As {@link #run()}, for the one component named, if one is. */
    int run(Optional<String> name) {
        Optional<RunState> read = RunState.read(config.stateFile());
        if (read.isEmpty() || !read.get().anythingRunning()) {
            out.println("Accord is not running (start it with ./accord up).");
            return NOT_HEALTHY;
        }
        RunState state = read.get();
        boolean starting = state.starting() && state.launcherRunning();
        if (name.isPresent()) {
            return one(state, name.get(), starting);
        }
        out.println("launcher pid " + state.launcherPid() + (state.launcherRunning()
                ? (starting ? " (running: starting)" : " (running)")
                : (state.starting() ? " (gone before the start completed: components were left running)"
                : " (gone: components were left running)")));
        out.printf("%-20s %-10s %8s %6s %9s  %s%n", "COMPONENT", "STATE", "PID", "PORT", "MEMORY", "LOG");
        boolean allHealthy = true;
        for (ComponentState component : state.components()) {
            String health = health(component, starting);
            allHealthy &= health.equals("healthy");
            out.printf("%-20s %-10s %8d %6d %9s  %s%n", component.name(), health, component.pid(), component.port(),
                    ProcessMemory.megabytes(memory(component)), component.logFile());
        }
        for (String waiting : state.notStartedYet()) {
            allHealthy = false;
            out.printf("%-20s %-10s %8s %6s %9s  %s%n", waiting, starting ? "starting" : "missing", "-", "-", "-", "-");
        }
        out.println("MEMORY: resident set (VmRSS) of a service or Kafka JVM; for postgres and keycloak the proportional"
                + " set size of the whole process tree (shared pages counted once).");
        if (starting) {
            out.println("Accord is starting: ./accord up is still bringing components up.");
            return STARTING;
        }
        return allHealthy && !state.starting() ? HEALTHY : NOT_HEALTHY;
    }

    private int one(RunState state, String name, boolean starting) {
        String component = LogsCommand.canonicalName(name);
        Optional<ComponentState> recorded = state.component(component);
        if (recorded.isEmpty() && !state.notStartedYet().contains(component)) {
            List<String> names = new ArrayList<>(state.components().stream().map(ComponentState::name).toList());
            names.addAll(state.notStartedYet());
            out.println("no component " + name + " in this run; components: " + String.join(", ", names));
            return UNKNOWN_COMPONENT;
        }
        out.printf("%-20s %-10s %8s %6s %9s  %s%n", "COMPONENT", "STATE", "PID", "PORT", "MEMORY", "LOG");
        if (recorded.isEmpty()) {
            out.printf("%-20s %-10s %8s %6s %9s  %s%n", component, starting ? "starting" : "missing", "-", "-", "-",
                    "-");
            return starting ? STARTING : NOT_HEALTHY;
        }
        String health = health(recorded.get(), starting);
        out.printf("%-20s %-10s %8d %6d %9s  %s%n", component, health, recorded.get().pid(), recorded.get().port(),
                ProcessMemory.megabytes(memory(recorded.get())), recorded.get().logFile());
        return switch (health) {
            case "healthy" -> HEALTHY;
            case "starting" -> STARTING;
            default -> NOT_HEALTHY;
        };
    }

    private String health(ComponentState component, boolean starting) {
        if (!component.isRunning()) {
            return "stopped";
        }
        if (probe.isHealthy(component.health())) {
            return "healthy";
        }
        return starting ? "starting" : "unhealthy";
    }

    private static OptionalLong memory(ComponentState component) {
        if (!component.isRunning()) {
            return OptionalLong.empty();
        }
        // services and Kafka are one JVM; Keycloak (kc.sh + JVM) and PostgreSQL (postmaster + backends) are trees
        return switch (component.kind()) {
            case SERVICE, KAFKA, MAIL -> ProcessMemory.residentBytes(component.pid());
            case POSTGRES, KEYCLOAK -> ProcessMemory.treeBytes(component.pid());
        };
    }
}
