package io.accord.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * CPU time of the platform's components from Linux's {@code /proc}, to say what a bench run cost each of them.
 * The components and their pids come from {@code ./accord up}'s run state. A component's time is its process tree:
 * the process, its live descendants (PostgreSQL's backends under the postmaster, Keycloak's JVM under its script)
 * and the children they have already reaped ({@code cutime}, {@code cstime}: backends and autovacuum workers that
 * ended during the run). Figures per unit of work vary much less between runs on a shared machine than the
 * throughput does, which is why the benches print them.
 */
final class ProcessCpu {

    /** Below this share of the total, components are summed as "others". */
    private static final double OTHERS_BELOW = 0.02;

    /** Linux's USER_HZ, the unit of /proc's CPU times, 100 on every architecture the platform runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Properties state;
    private final Map<String, Long> pids;

    private ProcessCpu(Properties state, Map<String, Long> pids) {
        this.state = state;
        this.pids = pids;
    }

    /** The components of the run state (none if it cannot be read: then every snapshot is empty). */
    static ProcessCpu of(Path runState) {
        Map<String, Long> pids = new LinkedHashMap<>();
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(runState)) {
            state.load(in);
            for (String name : state.getProperty("components", "").split(",")) {
                String pid = state.getProperty(name.strip() + ".pid");
                if (!name.isBlank() && pid != null) {
                    pids.put(name.strip(), Long.parseLong(pid.strip()));
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            pids.clear();
        }
        return new ProcessCpu(state, pids);
    }

    /** The pid the run state gives a component (e.g. {@code orchestration}); {@code null} if it names none. */
    Long pid(String component) {
        String pid = state.getProperty(component + ".pid");
        try {
            return pid == null ? null : Long.valueOf(pid.strip());
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    /** CPU seconds so far per component; components whose process is gone are left out. */
    Snapshot snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = treeTicks(pid);
            if (ticks >= 0) {
                seconds.put(name, ticks / TICKS_PER_SECOND);
            }
        });
        return new Snapshot(seconds, machineBusy());
    }

    private static long treeTicks(long pid) {
        long own = ticks(pid);
        if (own < 0) {
            return -1;
        }
        long descendants = ProcessHandle.of(pid).map(ProcessHandle::descendants).orElse(Stream.empty())
                .mapToLong(child -> Math.max(0, ticks(child.pid()))).sum();
        return own + descendants;
    }

    private static long ticks(long pid) {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /**
     * utime + stime + cutime + cstime of a {@code /proc/PID/stat} line, in clock ticks. The command name (field 2)
     * is in parentheses and may itself hold spaces and parentheses, so fields are counted after its last ')'.
     */
    static long parseTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        // after the name: state is field 3, so utime (14), stime (15), cutime (16), cstime (17) are at 11 to 14
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }

    /** Busy and total clock ticks of all CPUs ({@code /proc/stat}); zeros if unreadable. */
    private static long[] machineBusy() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.findFirst().map(ProcessCpu::parseMachine).orElse(new long[2]);
        } catch (IOException | RuntimeException unreadable) {
            return new long[2];
        }
    }

    /** The first line of {@code /proc/stat}: busy ticks (all but idle and iowait) and all ticks. */
    static long[] parseMachine(String cpuLine) {
        String[] fields = cpuLine.strip().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) { // user nice system idle iowait irq softirq steal
            long value = Long.parseLong(fields[i]);
            total += value;
            if (i == 4 || i == 5) {
                idle += value;
            }
        }
        return new long[] {total - idle, total};
    }

    /**
     * CPU seconds per component, and the machine's busy and total clock ticks: at one moment, or used between two
     * ({@link #since}).
     */
    record Snapshot(Map<String, Double> seconds, long[] machine) {

        static final Snapshot NONE = new Snapshot(Map.of(), new long[2]);

        /** What was used from {@code earlier} to this snapshot, for the components both hold. */
        Snapshot since(Snapshot earlier) {
            Map<String, Double> used = new LinkedHashMap<>();
            seconds.forEach((name, now) -> {
                Double before = earlier.seconds().get(name);
                if (before != null) {
                    used.put(name, Math.max(0, now - before));
                }
            });
            return new Snapshot(used, new long[] {machine[0] - earlier.machine()[0], machine[1] - earlier.machine()[1]});
        }

        /** Two amounts of use together (e.g. the slices of one path). */
        Snapshot plus(Snapshot other) {
            Map<String, Double> sum = new LinkedHashMap<>(seconds);
            other.seconds().forEach((name, used) -> sum.merge(name, used, Double::sum));
            return new Snapshot(sum, new long[] {machine[0] + other.machine()[0], machine[1] + other.machine()[1]});
        }

        /**
         * This use per unit of work, the largest first, e.g. {@code cpu per order: orchestration 6.30 ms, postgres
         * 7.90 ms, ..., all 19.70 ms; machine 93 % busy} (the machine's share counts every process, the bench's
         * own included); empty if nothing could be read.
         */
        String perUnit(long units, String unit) {
            if (units <= 0 || seconds.isEmpty()) {
                return "";
            }
            List<Map.Entry<String, Double>> used = new ArrayList<>(seconds.entrySet());
            double all = used.stream().mapToDouble(Map.Entry::getValue).sum();
            used.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
            StringBuilder line = new StringBuilder("cpu per ").append(unit).append(':');
            double others = 0;
            for (Map.Entry<String, Double> entry : used) {
                if (all > 0 && entry.getValue() / all < OTHERS_BELOW) {
                    others += entry.getValue();
                } else {
                    line.append(' ').append(entry.getKey()).append(' ').append(millis(entry.getValue(), units))
                            .append(" ms,");
                }
            }
            if (others > 0) {
                line.append(" others ").append(millis(others, units)).append(" ms,");
            }
            line.append(" all ").append(millis(all, units)).append(" ms");
            if (machine[1] > 0) {
                line.append(String.format(Locale.ROOT, "; machine %.0f %% busy", 100.0 * machine[0] / machine[1]));
            }
            return line.toString();
        }

        private static String millis(double seconds, long units) {
            return String.format(Locale.ROOT, "%.2f", seconds * 1000 / units);
        }
    }
}
