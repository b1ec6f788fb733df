package io.accord.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Memory of a process, or of a process tree, from Linux's {@code /proc}. */
final class ProcessMemory {

    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB\\s*$");
    private static final Pattern PSS = Pattern.compile("(?m)^Pss:\\s+(\\d+)\\s+kB\\s*$");

    private ProcessMemory() {
    }

    /** Resident bytes of one process (VmRSS of /proc/PID/status). */
    static OptionalLong residentBytes(long pid) {
        return read(pid, "status", VM_RSS);
    }

    /**
     * Memory of the process and all its descendants: Keycloak's JVM runs under kc.sh and PostgreSQL's
     * backends under the postmaster. Summing their RSS would count PostgreSQL's shared buffers once per
     * backend (several times the truth), so this sums the proportional set size (PSS), which splits
     * each shared page among the processes sharing it. Falls back to RSS where smaps_rollup is missing.
     */
    static OptionalLong treeBytes(long pid) {
        OptionalLong own = proportionalOrResident(pid);
        if (own.isEmpty()) {
            return own;
        }
        long children = ProcessHandle.of(pid).map(ProcessHandle::descendants).orElse(Stream.empty())
                .flatMapToLong(child -> toStream(proportionalOrResident(child.pid()))).sum();
        return OptionalLong.of(own.getAsLong() + children);
    }

    /** The {@code VmRSS} line of a /proc status file in bytes; empty for kernel threads and zombies. */
    static OptionalLong parseVmRss(String status) {
        return parse(status, VM_RSS);
    }

    /** The {@code Pss} line of a /proc smaps_rollup file in bytes. */
    static OptionalLong parsePss(String smapsRollup) {
        return parse(smapsRollup, PSS);
    }

    static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? (bytes.getAsLong() + 512 * 1024) / (1024 * 1024) + " MB" : "-";
    }

    private static OptionalLong proportionalOrResident(long pid) {
        OptionalLong proportional = read(pid, "smaps_rollup", PSS);
        return proportional.isPresent() ? proportional : residentBytes(pid);
    }

    private static OptionalLong read(long pid, String file, Pattern line) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.ISO_8859_1),
                    line);
        } catch (IOException e) {
            // the process ended, or this is not Linux: no figure rather than a wrong one
            return OptionalLong.empty();
        }
    }

    private static OptionalLong parse(String text, Pattern line) {
        Matcher matcher = line.matcher(text);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1)) * 1024) : OptionalLong.empty();
    }

    private static LongStream toStream(OptionalLong value) {
        return value.isPresent() ? LongStream.of(value.getAsLong()) : LongStream.empty();
    }
}
