package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void defaultsToTheLastThirtyDays() {
        assertThat(TimeWindow.of(null, null, NOW))
                .isEqualTo(new TimeWindow(Instant.parse("2026-11-01T12:00:00Z"), NOW));
    }

    @Test
    void takesDatesAsMidnightUtcAndInstantsWithAnOffset() {
        assertThat(TimeWindow.of("2026-11-01", "2026-11-02T01:00:00+01:00", NOW)).isEqualTo(
                new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")));
    }

    @Test
    void refusesUnreadableEmptyAndOverlongWindowsNamingTheParameter() {
        assertThatThrownBy(() -> TimeWindow.of("yesterday", null, NOW)).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("from");
        assertThatThrownBy(() -> TimeWindow.of(null, "2026-13-01", NOW)).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> TimeWindow.of("2026-11-02", "2026-11-01", NOW)).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> TimeWindow.of("2024-01-01", "2026-01-01", NOW)).extracting("field")
                .isEqualTo("from");
    }
}
