package io.accord.portal.statement;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Dates;
import tools.jackson.databind.JsonNode;

/**
 * The settlement periods the statements list filters by (settlement's {@code periodId}), named by their bounds as a
 * person says them, never by id: a calendar month {@code 2026-11} (German {@code 11.2026}), a quarter
 * {@code 2026-Q4} ({@code Q4 2026}), a half year {@code 2026-H2} ({@code H2 2026}), a year {@code 2026}; any other
 * (a period closed early) by its start and end as pages show them, the end exclusive, {@code 2026-11-01 –
 * 2026-11-15 14:30 UTC}. Periods are a partner's: staff choose from the chosen partner's, a partner from its own.
 */
@Component
class StatementPeriods {

    /** Ten years of monthly periods, newest first. */
    static final int LIMIT = 120;
    private static final Logger log = LoggerFactory.getLogger(StatementPeriods.class);

    private final Gateway gateway;

    StatementPeriods(Gateway gateway) {
        this.gateway = gateway;
    }

    /** A period to choose: its id (what the filter sends) and how it is named. */
    record Choice(String id, String label) {
    }

    /**
     * The periods to choose from, newest first: a partner user's own ({@code own}), else the partner's named
     * ({@code partnerId}; blank: none, staff choose a partner first), with {@code selected} (a period id, or blank)
     * among them even when it is not, named from its own resource; none when settlement cannot list them (the list
     * is shown without the choice rather than not at all).
     */
    List<Choice> choices(boolean own, String partnerId, String selected) {
        List<Choice> choices = new ArrayList<>();
        try {
            JsonNode periods = own ? gateway.list("/api/settlement/periods?offset=0&limit={limit}", LIMIT).items()
                    : partnerId.isBlank() ? null
                    : gateway.list("/api/settlement/periods?partnerId={partnerId}&offset=0&limit={limit}", partnerId,
                            LIMIT).items();
            if (periods != null) {
                periods.forEach(period -> choices.add(choice(period)));
            }
            if (!selected.isBlank() && choices.stream().noneMatch(choice -> choice.id().equals(selected))) {
                choices.add(0, choice(gateway.get("/api/settlement/periods/{id}", selected)));
            }
        } catch (GatewayException e) {
            log.warn("settlement periods not available for the statement filter: {}", e.getMessage());
        }
        return choices;
    }

    static Choice choice(JsonNode period) {
        return new Choice(period.path("id").asString(""), label(period.path("startAt").asString(""),
                period.path("endAt").asString(""), LocaleContextHolder.getLocale()));
    }

    /** The period {@code [start, end)} as a person names it (see the class). */
    static String label(String start, String end, Locale locale) {
        LocalDateTime from = utc(start);
        LocalDateTime to = utc(end);
        boolean german = "de".equals(locale.getLanguage());
        if (from != null && to != null && midnightOnTheFirst(from) && midnightOnTheFirst(to)) {
            int year = from.getYear();
            int months = (to.getYear() - year) * 12 + to.getMonthValue() - from.getMonthValue();
            int month = from.getMonthValue();
            if (months == 1) {
                return german ? "%02d.%d".formatted(month, year) : "%d-%02d".formatted(year, month);
            }
            if (months == 3 && month % 3 == 1) {
                return part(german, year, "Q" + (month / 3 + 1));
            }
            if (months == 6 && month % 6 == 1) {
                return part(german, year, "H" + (month / 6 + 1));
            }
            if (months == 12 && month == 1) {
                return String.valueOf(year);
            }
        }
        boolean timed = from != null && !from.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                || to != null && !to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        return timed ? Dates.instant(start, locale) + " – " + Dates.instant(end, locale) + " UTC"
                : Dates.date(start, locale) + " – " + Dates.date(end, locale);
    }

    private static String part(boolean german, int year, String part) {
        return german ? part + " " + year : year + "-" + part;
    }

    private static boolean midnightOnTheFirst(LocalDateTime time) {
        return time.getDayOfMonth() == 1 && time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    private static LocalDateTime utc(String instant) {
        try {
            return OffsetDateTime.parse(instant.strip()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }
}
