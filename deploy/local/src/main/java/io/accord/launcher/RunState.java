package io.accord.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running {@code ./accord up} started: the launcher's own pid and every component, in start order.
 * Written after each start so that {@code status} and {@code down} from another shell see a partial start too.
 *
 * @param starting true while {@code up} is still bringing components up; false once all were healthy
 * @param expected the names of every component this {@code up} starts, so status can name those not started yet
 */
public record RunState(long launcherPid, long launcherStartedAt, boolean starting, List<String> expected,
                       List<ComponentState> components) {

    public RunState {
        expected = List.copyOf(expected);
        components = List.copyOf(components);
    }

    /** A platform whose start completed (nothing pending). */
    public RunState(long launcherPid, long launcherStartedAt, List<ComponentState> components) {
        this(launcherPid, launcherStartedAt, false, List.of(), components);
    }

    /** A start in progress that will bring up the named components. */
    public static RunState starting(long launcherPid, long launcherStartedAt, List<String> expected) {
        return new RunState(launcherPid, launcherStartedAt, true, expected, List.of());
    }

    public RunState with(ComponentState component) {
        List<ComponentState> all = new ArrayList<>(components);
        all.removeIf(existing -> existing.name().equals(component.name()));
        all.add(component);
        return new RunState(launcherPid, launcherStartedAt, starting, expected, all);
    }

    /** The start completed: every component was healthy once. */
    public RunState started() {
        return new RunState(launcherPid, launcherStartedAt, false, expected, components);
    }

    /** Expected components that have no process yet. */
    public List<String> notStartedYet() {
        return expected.stream().filter(name -> component(name).isEmpty()).toList();
    }

    public Optional<ComponentState> component(String name) {
        return components.stream().filter(component -> component.name().equals(name)).findFirst();
    }

    public boolean launcherRunning() {
        return ComponentState.startTime(launcherPid).map(time -> time == launcherStartedAt).orElse(false);
    }

    public boolean anythingRunning() {
        return launcherRunning() || components.stream().anyMatch(ComponentState::isRunning);
    }

    /** Writes to a temporary file and renames it, so a reader never sees half a file. */
    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(launcherPid));
        properties.setProperty("launcher.started", Long.toString(launcherStartedAt));
        properties.setProperty("phase", starting ? "starting" : "up");
        properties.setProperty("expected", String.join(",", expected));
        properties.setProperty("components", String.join(",", components.stream().map(ComponentState::name).toList()));
        for (ComponentState component : components) {
            String prefix = component.name() + ".";
            properties.setProperty(prefix + "kind", component.kind().name());
            properties.setProperty(prefix + "pid", Long.toString(component.pid()));
            properties.setProperty(prefix + "port", Integer.toString(component.port()));
            properties.setProperty(prefix + "log", component.logFile().toString());
            properties.setProperty(prefix + "health", component.health().toString());
            properties.setProperty(prefix + "started", Long.toString(component.startedAt()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Accord run state: written by ./accord up, read by status, logs and down");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Optional<RunState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<ComponentState> components = new ArrayList<>();
        for (String name : properties.getProperty("components", "").split(",")) {
            if (!name.isBlank()) {
                components.add(component(properties, name));
            }
        }
        List<String> expected = Arrays.stream(properties.getProperty("expected", "").split(","))
                .filter(name -> !name.isBlank()).toList();
        return Optional.of(new RunState(Long.parseLong(properties.getProperty("launcher.pid")),
                Long.parseLong(properties.getProperty("launcher.started")),
                "starting".equals(properties.getProperty("phase")), expected, components));
    }

    private static ComponentState component(Properties properties, String name) {
        String prefix = name + ".";
        return new ComponentState(name,
                ComponentState.Kind.valueOf(properties.getProperty(prefix + "kind")),
                Long.parseLong(properties.getProperty(prefix + "pid")),
                Integer.parseInt(properties.getProperty(prefix + "port")),
                Path.of(properties.getProperty(prefix + "log")),
                URI.create(properties.getProperty(prefix + "health")),
                Long.parseLong(properties.getProperty(prefix + "started")));
    }
}
