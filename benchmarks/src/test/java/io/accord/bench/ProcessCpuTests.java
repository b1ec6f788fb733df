package io.accord.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTests {

    @Test
    void ticksAreUserSystemAndReapedChildrenCountedAfterTheLastParenthesisOfTheName() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        String stat = "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 900 0 0 0 1234 56 700 8 20 0 1 0";

        assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1234 + 56 + 700 + 8);
    }

    @Test
    void theMachineIsBusyForAllButIdleAndIoWait() {
        long[] machine = ProcessCpu.parseMachine("cpu  100 5 40 800 50 3 2 0 0 0");

        assertThat(machine).containsExactly(100 + 5 + 40 + 3 + 2, 1000);
    }

    @Test
    void usePerUnitIsTheDifferenceLargestFirstWithSmallOnesAsOthers() {
        var earlier = snapshot(Map.of("orchestration", 10.0, "postgres", 20.0, "mail", 1.0), 1_000, 10_000);
        var later = snapshot(Map.of("orchestration", 16.3, "postgres", 27.9, "mail", 1.1), 1_930, 11_000);

        assertThat(later.since(earlier).perUnit(1000, "order")).isEqualTo("cpu per order: postgres 7.90 ms,"
                + " orchestration 6.30 ms, others 0.10 ms, all 14.30 ms; machine 93 % busy");
    }

    @Test
    void slicesAddUpAndAComponentGoneMeanwhileIsLeftOut() {
        var first = snapshot(Map.of("gateway", 1.0, "onboarding", 2.0), 10, 100)
                .since(snapshot(Map.of("gateway", 0.5, "onboarding", 1.0), 0, 0));
        var second = snapshot(Map.of("gateway", 2.0), 30, 200)
                .since(snapshot(Map.of("gateway", 1.0, "onboarding", 2.0), 10, 100));

        assertThat(ProcessCpu.Snapshot.NONE.plus(first).plus(second).perUnit(500, "request"))
                .isEqualTo("cpu per request: gateway 3.00 ms, onboarding 2.00 ms, all 5.00 ms; machine 15 % busy");
    }

    @Test
    void readsTheComponentsOfTheRunStateAndThisProcessUsesCpu(@TempDir Path directory) throws IOException {
        Path state = directory.resolve("state.properties");
        Files.writeString(state, "components=bench,gone\nbench.pid=" + ProcessHandle.current().pid()
                + "\ngone.pid=999999999\n");
        long spin = 0;
        for (int i = 0; i < 20_000_000; i++) {
            spin += Long.numberOfTrailingZeros(i ^ spin);
        }

        ProcessCpu.Snapshot now = ProcessCpu.of(state).snapshot();

        assertThat(spin).isPositive();
        assertThat(ProcessCpu.of(state).pid("bench")).isEqualTo(ProcessHandle.current().pid());
        assertThat(ProcessCpu.of(state).pid("orchestration")).isNull();
        assertThat(now.seconds()).containsOnlyKeys("bench");
        assertThat(now.seconds().get("bench")).isPositive();
        assertThat(ProcessCpu.of(directory.resolve("missing")).snapshot().perUnit(1, "order")).isEmpty();
    }

    private static ProcessCpu.Snapshot snapshot(Map<String, Double> seconds, long busy, long total) {
        return new ProcessCpu.Snapshot(new LinkedHashMap<>(seconds), new long[] {busy, total});
    }
}
