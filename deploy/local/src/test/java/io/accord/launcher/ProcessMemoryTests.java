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
    void measuresThisJvm() {
        long bytes = ProcessMemory.residentBytesWithChildren(ProcessHandle.current().pid()).orElseThrow();

        assertThat(bytes).isBetween(10L * 1024 * 1024, 4L * 1024 * 1024 * 1024);
    }

    @Test
    void printsWholeMegabytes() {
        assertThat(ProcessMemory.megabytes(OptionalLong.of(254_012L * 1024))).isEqualTo("248 MB");
        assertThat(ProcessMemory.megabytes(OptionalLong.empty())).isEqualTo("-");
    }
}
