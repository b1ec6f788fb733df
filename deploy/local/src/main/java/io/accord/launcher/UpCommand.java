package io.accord.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code ./accord up}: starts the platform, records it in the state file, and stays in the foreground. */
final class UpCommand {

    private final PlatformConfig config;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private RunState state;
    /** Set by the shutdown hook, so components stopping on purpose are not reported as crashed. */
    private volatile boolean stopping;

    UpCommand(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    int run() {
        Optional<RunState> previous = RunState.read(config.stateFile());
        if (previous.isPresent() && previous.get().anythingRunning()) {
            out.println("Accord is already running (launcher pid " + previous.get().launcherPid()
                    + "). See ./accord status, or stop it with ./accord down.");
            return 1;
        }
        ProcessHandle self = ProcessHandle.current();
        state = RunState.starting(self.pid(), ComponentState.startTime(self.pid()).orElse(0L),
                List.copyOf(Preflight.ports(config).keySet()));
        state.write(config.stateFile());
        // covers a Ctrl-C during startup too: everything recorded so far is stopped, in order
        Thread hook = new Thread(this::stopEverything, "accord-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Platform platform;
        try {
            platform = Platform.start(config, new Progress());
        } catch (RuntimeException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            Throwable root = rootCause(e);
            if (root != e && root.getMessage() != null && !e.getMessage().contains(root.getMessage())) {
                out.println("  because: " + root.getMessage());
            }
            out.println("Everything started so far was stopped. Logs are under " + relative(config.logDirectory()));
            Runtime.getRuntime().removeShutdownHook(hook);
            deleteStateFile();
            return 1;
        }
        markStarted();
        Summary.print(platform, config, elapsed(), out);
        watch();
        return 0;
    }

    /** Reports a component that dies while the platform runs; the launcher itself keeps running. */
    private void watch() {
        Set<String> reported = new HashSet<>();
        while (!stopping) {
            for (ComponentState component : currentState().components()) {
                if (!component.isRunning() && !stopping && reported.add(component.name())) {
                    line(component.name(), "EXITED unexpectedly; log " + component.logFile());
                }
            }
            try {
                Thread.sleep(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopEverything() {
        stopping = true;
        out.println();
        out.println("Stopping Accord...");
        Shutdown.stopAll(currentState().components(), message -> out.println("  " + message));
        deleteStateFile();
        out.println("Accord stopped.");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void deleteStateFile() {
        try {
            Files.deleteIfExists(config.stateFile());
        } catch (IOException e) {
            out.println("could not delete " + config.stateFile() + ": " + e.getMessage());
        }
    }

    private Path relative(Path file) {
        return file.startsWith(config.projectRoot()) ? config.projectRoot().relativize(file) : file;
    }

    private synchronized RunState currentState() {
        return state;
    }

    private synchronized void markStarted() {
        state = state.started();
        state.write(config.stateFile());
    }

    private synchronized void record(ComponentState component) {
        state = state.with(component);
        state.write(config.stateFile());
    }

    private synchronized void line(String component, String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %-19s %s%n", elapsed().toMillis() / 1000.0, component, text);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private final class Progress implements PlatformListener {

        @Override
        public void starting(String component, String detail) {
            line(component, "starting: " + detail);
        }

        @Override
        public void started(ComponentState component) {
            record(component);
            line(component.name(), "running (pid " + component.pid() + "), log " + relative(component.logFile()));
        }

        @Override
        public void healthy(ComponentState component, Duration elapsed) {
            line(component.name(), "healthy");
        }
    }
}
