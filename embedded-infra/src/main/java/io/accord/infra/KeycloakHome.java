package io.accord.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The working directory of one Keycloak instance: the unpacked distribution ({@code dist/}), the log
 * ({@code keycloak.log}, the one before it {@code keycloak.previous.log}) and the pid file ({@code keycloak.pid}),
 * which lets a separate {@code down} process find the server again.
 */
record KeycloakHome(Path directory) {

    Path distDirectory() {
        return directory.resolve("dist");
    }

    Path logFile() {
        return directory.resolve("keycloak.log");
    }

    /** The log of the run before, kept by {@link #rotateLog()}. */
    Path previousLogFile() {
        return directory.resolve("keycloak.previous.log");
    }

    Path pidFile() {
        return directory.resolve("keycloak.pid");
    }

    Optional<Long> readPid() {
        Path file = pidFile();
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void writePid(long pid) throws IOException {
        Files.writeString(pidFile(), Long.toString(pid), StandardCharsets.US_ASCII);
    }

    void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The pid of a live Keycloak started from this home, if the pid file names one. */
    Optional<Long> runningKeycloak() {
        return readPid().filter(this::isKeycloakOfThisHome);
    }

    /** Keeps the log of the previous run as {@code keycloak.previous.log}. */
    void rotateLog() throws IOException {
        if (Files.exists(logFile())) {
            Files.move(logFile(), previousLogFile(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last lines of the log file (for error messages). */
    String logTail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            return String.join("\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    // a recycled pid may belong to anything by now; only a process run from this home's distribution counts
    private boolean isKeycloakOfThisHome(long pid) {
        String dist = distDirectory().toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().commandLine())
                .map(commandLine -> commandLine.contains(dist))
                .orElse(false);
    }
}
