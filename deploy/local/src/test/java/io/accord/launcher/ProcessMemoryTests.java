package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcessMemoryTests {

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            VmPeak:\t 3007432 kB
            VmHWM:\t  301234 kB
            VmRSS:\t  254012 kB
            RssAnon:\t  230000 kB
            Threads:\t38
            """;

    @Test
    void readsVmRssInBytes() {
        assertThat(ProcessMemory.parseVmRss(STATUS)).isEqualTo(OptionalLong.of(254_012L * 1024));
    }

    @Test
    void hasNoFigureForProcessesWithoutResidentMemory() {
        assertThat(ProcessMemory.parseVmRss("Name:\tkthreadd\nState:\tS (sleeping)\n")).isEmpty();
    }

    @Test
    void readsPssFromSmapsRollup() {
        String rollup = """
                55d0c0a00000-7ffd5e3f9000 ---p 00000000 00:00 0                          [rollup]
                Rss:              346664 kB
                Pss:              325415 kB
                Pss_Anon:         301000 kB
                """;

        assertThat(ProcessMemory.parsePss(rollup)).isEqualTo(OptionalLong.of(325_415L * 1024));
    }

    @Test
    void measuresThisJvmAloneAndAsATree() {
        long pid = ProcessHandle.current().pid();
        long resident = ProcessMemory.residentBytes(pid).orElseThrow();

        assertThat(resident).isBetween(10L * 1024 * 1024, 4L * 1024 * 1024 * 1024);
        assertThat(ProcessMemory.treeBytes(pid).orElseThrow()).isBetween(resident / 4, resident * 2);
    }

    @Test
    void printsWholeMegabytes() {
        assertThat(ProcessMemory.megabytes(OptionalLong.of(254_012L * 1024))).isEqualTo("248 MB");
        assertThat(ProcessMemory.megabytes(OptionalLong.empty())).isEqualTo("-");
    }
}
