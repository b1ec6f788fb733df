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

import io.accord.infra.KafkaBroker;
import io.accord.infra.KeycloakServer;

/** {@code ./accord up}: starts the platform, records it in the state file, and stays in the foreground. */
final class UpCommand {

    private final PlatformConfig config;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private RunState state;
    /** Set by the shutdown hook, so components stopping on purpose are not reported as crashed. */
    private volatile boolean stopping;
    private volatile Thread caching;

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
        Thread hook = CleanStopHook.register("accord-up-shutdown", this::stopEverything);
        // Keycloak and the Kafka broker keep JDK AOT caches beside the services' start-up caches, trained by their
        // first start (the system tests' short-lived servers do without: each would train one and write it when
        // stopped)
        if (System.getProperty(KeycloakServer.STARTUP_CACHE_PROPERTY) == null) {
            System.setProperty(KeycloakServer.STARTUP_CACHE_PROPERTY,
                    config.startupCacheDirectory().resolve("keycloak").toString());
        }
        if (System.getProperty(KafkaBroker.STARTUP_CACHE_PROPERTY) == null) {
            System.setProperty(KafkaBroker.STARTUP_CACHE_PROPERTY,
                    config.startupCacheDirectory().resolve("kafka").toString());
        }
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
        removeFormerStartupCaches();
        if (!platform.servicesWithoutStartupCache().isEmpty()) {
            caching = Thread.ofPlatform().daemon().name("accord-startup-cache")
                    .start(() -> createStartupCaches(platform));
        }
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

    /**
     * Creates the missing start-up caches one service at a time, after the start, so neither this start nor the
     * platform's work waits for them; the next {@code up} starts those services from them.
     */
    private void removeFormerStartupCaches() {
        try {
            for (Path removed : StartupCache.removeFormerLocations(config.workDirectory())) {
                line("startup-cache", "removed " + relative(removed) + ": the start-up caches are in "
                        + relative(config.startupCacheDirectory()) + " now");
            }
        } catch (IOException | RuntimeException e) {
            line("startup-cache", "could not remove the former start-up caches: " + e.getMessage());
        }
    }

    private void createStartupCaches(Platform platform) {
        StartupCache cache = new StartupCache(config.startupCacheDirectory());
        Path log = config.logDirectory().resolve("startup-cache.log");
        List<ServiceSpec> services = platform.servicesWithoutStartupCache();
        line("startup-cache", "creating the start-up caches of " + services.size() + " service(s) in the background"
                + " (training runs, log " + relative(log) + ")");
        int ready = 0;
        for (ServiceSpec service : services) {
            try {
                long began = System.nanoTime();
                if (cache.create(service, service.jar(config.projectRoot()), ServiceProcesses.jvmOptions(service, config),
                        platform.environment(service), log, config.projectRoot())) {
                    ready++;
                    line("startup-cache", String.format(Locale.ROOT, "%s ready (%.0f s)", service.name(),
                            (System.nanoTime() - began) / 1e9));
                } else if (!stopping) {
                    line("startup-cache", service.name() + " FAILED; it keeps starting without one. See "
                            + relative(log));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                line("startup-cache", service.name() + " FAILED: " + e.getMessage());
            }
            if (stopping) {
                return;
            }
        }
        line("startup-cache", ready + " of " + services.size() + " written to " + relative(
                config.startupCacheDirectory()) + "; the next ./accord up starts those services from them");
    }

    /** Whether everything stopped. */
    private boolean stopEverything() {
        stopping = true;
        Thread training = caching;
        if (training != null) {
            // a training run connects to the database: it ends before the database does
            training.interrupt();
            try {
                training.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.println();
        out.println("Stopping Accord...");
        Shutdown.stopAll(currentState().components(), message -> out.println("  " + message));
        List<String> survivors = currentState().components().stream().filter(ComponentState::isRunning)
                .map(component -> component.name() + " (pid " + component.pid() + ")").toList();
        deleteStateFile();
        if (!survivors.isEmpty()) {
            // the JVM goes on to exit with 128 + the signal (143 after ./accord down, 130 after Ctrl-C)
            out.println("still running: " + survivors);
            return false;
        }
        out.println("Accord stopped.");
        out.flush();
        return true;
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
