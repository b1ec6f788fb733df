package io.accord.platform.time;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The one {@link Clock} of a service: UTC, ticking in microseconds. Inject it (constructor injection) wherever the
 * current time is needed; never call {@code Clock.systemUTC()} or {@code Instant.now()} (the architecture rules in
 * test-support refuse both). A test supplies its own {@code Clock} bean (fixed or movable) and this one steps back.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /**
     * PostgreSQL keeps {@code timestamptz} in microseconds. An instant read from this clock is stored exactly as it
     * is, so a time compared in Java ("is this version due?") and the same time compared in SQL agree.
     */
    public static final Duration PRECISION = Duration.ofNanos(1_000);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), PRECISION);
    }
}
