package io.accord.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.accord.infra.Processes;

/** {@code ./accord logs NAME [-f] [-n LINES]}: the end of a component's log, optionally followed. */
final class LogsCommand {

    private final PlatformConfig config;
    private final PrintStream out;

    LogsCommand(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    int run(String name, int lines, boolean follow) {
        Optional<Path> logFile = logFile(canonicalName(name));
        if (logFile.isEmpty() || !Files.isRegularFile(logFile.get())) {
            out.println("no log for " + name + (logFile.map(file -> " at " + file).orElse(""))
                    + "; components: postgres, kafka, keycloak, mail, "
                    + String.join(", ", Preflight.services().stream().map(ServiceSpec::name).toList()));
            return 1;
        }
        out.println(Processes.tail(logFile.get(), lines));
        if (follow) {
            follow(logFile.get());
        }
        return 0;
    }

    /** Accepts the component name, the module name, a service's database key, and "gateway". */
    static String canonicalName(String name) {
        if (name.equals("gateway")) {
            return ServiceSpec.GATEWAY.name();
        }
        return Preflight.services().stream()
                .filter(service -> List.of(service.name(), service.module()).contains(name) || name.equals(service.key()))
                .map(ServiceSpec::name).findFirst().orElse(name);
    }

    private Optional<Path> logFile(String component) {
        Optional<Path> recorded = RunState.read(config.stateFile())
                .flatMap(state -> state.component(component)).map(ComponentState::logFile);
        if (recorded.isPresent()) {
            return recorded;
        }
        // not running: the places a previous run wrote to
        Path work = config.workDirectory();
        return Optional.of(switch (component) {
            case "postgres" -> work.resolve("postgres/postgres.log");
            case "kafka" -> work.resolve("kafka/broker.log");
            case "keycloak" -> work.resolve("keycloak/keycloak.log");
            default -> config.logDirectory().resolve(component + ".log");
        });
    }

    /** Prints what is appended until interrupted (Ctrl-C); starts over when the file is truncated. */
    private void follow(Path file) {
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            long position = reader.length();
            byte[] buffer = new byte[8192];
            while (!Thread.currentThread().isInterrupted()) {
                long length = reader.length();
                if (length < position) {
                    position = 0;
                }
                reader.seek(position);
                for (int read; (read = reader.read(buffer)) > 0; position += read) {
                    out.print(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
                out.flush();
                Thread.sleep(Duration.ofMillis(500));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
