package io.accord.dispute.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;

/** The dispute SLA deadlines: the entry point of the calendar feature. */
@Component
@EnableConfigurationProperties(SlaProperties.class)
public class SlaPolicy {

    private final SlaProperties properties;
    private final BusinessCalendar calendar;

    SlaPolicy(SlaProperties properties) {
        this.properties = properties;
        this.calendar = new BusinessCalendar(properties.zone(), new HashSet<>(properties.weekend()),
                properties.holidays().rules());
    }

    /** The deadlines of a dispute of {@code category} for {@code partner} opened at {@code openedAt}. */
    public Deadlines deadlines(UUID partner, String category, Instant openedAt) {
        SlaProperties.Targets targets = properties.partners().getOrDefault(partner,
                properties.categories().getOrDefault(category, properties.defaults()));
        return new Deadlines(calendar.plusBusinessDays(openedAt, targets.firstResponse()),
                calendar.plusBusinessDays(openedAt, targets.resolution()), targets.firstResponse(),
                targets.resolution());
    }

    /**
     * A deadline paused at {@code pausedAt} (a dispute awaiting the partner's information) and running again at
     * {@code resumedAt}: moved on by the whole business days paused, counted as the deadlines are (by local date: asked
     * on a Friday and answered the next Monday moves it one business day; answered the same day, none).
     */
    public Instant resumed(Instant due, Instant pausedAt, Instant resumedAt) {
        int paused = calendar.businessDaysBetween(pausedAt, resumedAt);
        return paused == 0 ? due : calendar.plusBusinessDays(due, paused);
    }

    /** When the first response and the resolution are due, and the business-day targets they came from. */
    public record Deadlines(Instant firstResponseDue, Instant resolutionDue, int firstResponseDays,
                            int resolutionDays) {
    }
}
