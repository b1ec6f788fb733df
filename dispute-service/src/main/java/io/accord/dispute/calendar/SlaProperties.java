package io.accord.dispute.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Dispute SLAs, under {@code accord.dispute.sla}: business-day targets per category, optionally per partner, and
 * the calendar they are counted in.
 *
 * @param zone       the time zone business days are counted in
 * @param weekend    the days that are never business days
 * @param holidays   the days that are not business days, by rule for any year ({@link Holidays})
 * @param defaults   the targets of a category not listed in {@code categories}
 * @param categories targets per category name ({@code RATE}, {@code TAX}...)
 * @param partners   targets per partner id, replacing the category's for that partner's disputes
 */
@ConfigurationProperties("accord.dispute.sla")
@Validated
record SlaProperties(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue({"SATURDAY", "SUNDAY"}) List<DayOfWeek> weekend,
        @NotNull @Valid @DefaultValue Holidays holidays,
        @NotNull @Valid @DefaultValue Targets defaults,
        Map<String, @Valid Targets> categories,
        Map<UUID, @Valid Targets> partners) {

    SlaProperties {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /**
     * The holidays of every year. The defaults are Germany's national holidays (New Year, Good Friday, Easter Monday,
     * 1 May, Ascension, Whit Monday, 3 October, Christmas and Boxing Day) and Christmas Eve, as the dated list they
     * replace had them; a list given replaces its default ({@code fixed: []} for none).
     *
     * @param fixed         days of the year, {@code MM-dd} ({@code 12-24}); {@code 02-29} in leap years only
     * @param easterOffsets days from Easter Sunday (Gregorian): -2 Good Friday, 1 Easter Monday, 39 Ascension, 50 Whit
     *                      Monday (49 Whit Sunday, 60 Corpus Christi)
     * @param dates         single extra dates ({@code 2027-06-14}), e.g. a one-off or regional holiday
     */
    record Holidays(@DefaultValue({"01-01", "05-01", "10-03", "12-24", "12-25", "12-26"}) List<String> fixed,
                    @DefaultValue({"-2", "1", "39", "50"}) List<Integer> easterOffsets,
                    @DefaultValue List<LocalDate> dates) {

        Holidays {
            fixed = fixed == null ? List.of() : List.copyOf(fixed);
            easterOffsets = easterOffsets == null ? List.of() : List.copyOf(easterOffsets);
            dates = dates == null ? List.of() : List.copyOf(dates);
            // a malformed day fails the binding at startup, naming the property
            HolidayRules.monthDays(fixed);
        }

        HolidayRules rules() {
            return new HolidayRules(HolidayRules.monthDays(fixed), Set.copyOf(easterOffsets), Set.copyOf(dates));
        }
    }

    /**
     * @param firstResponse business days until staff first respond with a step the partner sees (review, comment,
     *                      evidence, proposal, escalation)
     * @param resolution    business days until a resolution is accepted
     */
    record Targets(@DefaultValue("2") @Min(0) int firstResponse, @DefaultValue("10") @Min(1) int resolution) {
    }
}
