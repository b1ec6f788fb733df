package io.accord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortOffsetTests {

    @Test
    void shiftsEveryPortByTheOffsetInTheEnvironment() {
        PlatformConfig shifted = PlatformConfig.fromEnvironment(Path.of("/work/accord"),
                Map.of("ACCORD_PORT_OFFSET", "2000"));

        assertThat(shifted.port(ServiceSpec.GATEWAY)).isEqualTo(10080);
        assertThat(shifted.keycloakPort()).isEqualTo(10180);
        assertThat(shifted.postgresPort()).isEqualTo(56320);
        assertThat(PlatformConfig.fromEnvironment(Path.of("/work/accord"), Map.of()).portOffset()).isZero();
    }

    @Test
    void aBusyMachineMayAllowTheComponentsMoreTimeToBecomeHealthy() {
        assertThat(PlatformConfig.fromEnvironment(Path.of("/work/accord"),
                Map.of("ACCORD_HEALTH_TIMEOUT_SECONDS", "600")).healthTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(PlatformConfig.fromEnvironment(Path.of("/work/accord"), Map.of()).healthTimeout())
                .isEqualTo(Duration.ofMinutes(5));
    }
}
