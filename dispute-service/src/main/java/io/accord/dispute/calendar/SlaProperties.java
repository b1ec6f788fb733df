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
import java.util.UUID;

/**
 * Dispute SLAs, under {@code accord.dispute.sla}: business-day targets per category, optionally per partner, and
 * the calendar they are counted in.
 *
 * @param zone       the time zone business days are counted in
 * @param weekend    the days that are never business days
 * @param holidays   dates that are not business days
 * @param defaults   the targets of a category not listed in {@code categories}
 * @param categories targets per category name ({@code RATE}, {@code TAX}...)
 * @param partners   targets per partner id, replacing the category's for that partner's disputes
 */
@ConfigurationProperties("accord.dispute.sla")
@Validated
record SlaProperties(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue({"SATURDAY", "SUNDAY"}) List<DayOfWeek> weekend,
        @DefaultValue List<LocalDate> holidays,
        @NotNull @Valid @DefaultValue Targets defaults,
        Map<String, @Valid Targets> categories,
        Map<UUID, @Valid Targets> partners) {

    SlaProperties {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /**
     * @param firstResponse business days until staff first respond (start the review, comment or propose)
     * @param resolution    business days until a resolution is accepted
     */
    record Targets(@DefaultValue("2") @Min(0) int firstResponse, @DefaultValue("10") @Min(1) int resolution) {
    }
}
