package io.accord.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Resident memory of a process (and its children) from Linux's {@code /proc/PID/status}. */
final class ProcessMemory {

    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB\\s*$");

    private ProcessMemory() {
    }

    /**
     * Resident bytes of the process plus all its descendants: Keycloak's JVM runs under kc.sh and
     * PostgreSQL's backends under the postmaster. Pages the processes share (PostgreSQL's shared
     * buffers) count once per process, so for PostgreSQL this overstates a little.
     */
    static OptionalLong residentBytesWithChildren(long pid) {
        OptionalLong own = residentBytes(pid);
        if (own.isEmpty()) {
            return own;
        }
        long children = ProcessHandle.of(pid).map(ProcessHandle::descendants).orElse(Stream.empty())
                .mapToLong(child -> residentBytes(child.pid()).orElse(0)).sum();
        return OptionalLong.of(own.getAsLong() + children);
    }

    static OptionalLong residentBytes(long pid) {
        try {
            return parseVmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // the process ended, or this is not Linux: no figure rather than a wrong one
            return OptionalLong.empty();
        }
    }

    /** The VmRSS line of a /proc status file, in bytes; empty for kernel threads and zombies, which have none. */
    static OptionalLong parseVmRss(String status) {
        Matcher matcher = VM_RSS.matcher(status);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1)) * 1024) : OptionalLong.empty();
    }

    static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? (bytes.getAsLong() + 512 * 1024) / (1024 * 1024) + " MB" : "-";
    }
}
