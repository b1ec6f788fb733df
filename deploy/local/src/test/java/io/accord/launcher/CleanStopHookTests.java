package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code ./accord down} (SIGTERM) ends {@code ./accord up} with 0 when everything stopped, not with 143. */
class CleanStopHookTests {

    @Test
    void aCleanStopOnSigtermExitsWithZero() throws Exception {
        assertThat(exitCodeAfterSigterm("clean")).isZero();
    }

    @Test
    void aStopThatLeftSomethingRunningKeepsTheSignalsExitCode() throws Exception {
        assertThat(exitCodeAfterSigterm("unclean")).isEqualTo(143);
    }

    private static int exitCodeAfterSigterm(String outcome) throws Exception {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CleanStopHookChild.class.getName(), outcome))
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("ready");
            child.destroy();   // SIGTERM, as ./accord down sends it
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return child.exitValue();
        } finally {
            child.destroyForcibly();
        }
    }
}
