package io.accord.platform.time;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClockConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockConfiguration.class));

    @Test
    void theClockIsUtcAndTicksInMicrosecondsAsPostgresqlStoresThem() {
        contexts.run(context -> {
            Clock clock = context.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            for (int i = 0; i < 1000; i++) {
                Instant now = clock.instant();
                assertThat(now.truncatedTo(ChronoUnit.MICROS)).isEqualTo(now);
            }
        });
    }

    @Test
    void aTestsOwnClockReplacesIt() {
        Clock fixed = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        contexts.withUserConfiguration(FixedClock.class).run(context ->
                assertThat(context.getBean(Clock.class).instant()).isEqualTo(fixed.instant()));
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        }
    }
}
