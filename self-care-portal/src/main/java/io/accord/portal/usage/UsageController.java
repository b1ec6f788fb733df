package io.accord.portal.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.contracts.TimeRange;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.offeringname.OfferingNames;
import tools.jackson.databind.JsonNode;

/**
 * The usage explorer (rating-service): what became of one usage record (rated with its amounts, in suspense with
 * the reason, its duplicates, or not processed yet), and the rated usage of a date range by offering and usage type
 * from rating's rollups. A partner sees only usage rated with it among the parties (the service decides).
 */
@Controller
class UsageController {

    /** By query parameters: a usage id (or source) holding a slash fits no path segment. */
    static final String FATE = "/api/rating/usage/fate?source={source}&usageId={usageId}";
    static final String ROLLUPS = "/api/rating/rollups?from={from}&to={to}&granularity=day&groupBy=offering,usageType";
    private static final int MAX_DAYS = 400;

    private final Gateway gateway;
    private final Clock clock;

    private final OfferingNames offeringNames;

    UsageController(Gateway gateway, Clock clock, OfferingNames offeringNames) {
        this.gateway = gateway;
        this.offeringNames = offeringNames;
        this.clock = clock.withZone(java.time.ZoneOffset.UTC);
    }

    @GetMapping("/usage")
    String explorer(@RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String usageId,
                    @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                    Model model) {
        model.addAttribute("source", source.strip());
        model.addAttribute("usageId", usageId.strip());
        if (!source.isBlank() && !usageId.isBlank()) {
            fate(source.strip(), usageId.strip(), model);
        } else if (!source.isBlank() || !usageId.isBlank()) {
            model.addAttribute("fateErrorKey", "usage.fate.both");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = date(from, today.withDayOfMonth(1));
        LocalDate end = date(to, today);
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            model.addAttribute("rangeErrorKey", "usage.range.invalid");
            start = today.withDayOfMonth(1);
            end = today;
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        // the range is inclusive on the page, the API's "to" is exclusive
        Rollup rollup = Rollup.of(gateway.get(ROLLUPS, start, end.plusDays(1)).path("rows"));
        model.addAttribute("rollup", rollup);
        // the offerings by name (the rollup's and the looked-up record's), one catalog call per offering
        List<String> offeringIds = new ArrayList<>(rollup.lines().stream().map(Rollup.Line::offeringId).toList());
        if (model.getAttribute("fate") instanceof JsonNode fate) {
            fate.path("ratings").forEach(rating -> offeringIds.add(rating.path("offeringId").asString("")));
        }
        model.addAttribute("offeringNames", offeringNames.of(offeringIds));
        return "usage";
    }

    private void fate(String source, String usageId, Model model) {
        try {
            model.addAttribute("fate", gateway.get(FATE, source, usageId));
        } catch (GatewayException e) {
            if (e.status() != 404 && e.status() != 400) {
                throw e;
            }
            // never received, still waiting on the topic, or not the partner's: the service answers alike
            model.addAttribute("fateErrorKey", e.status() == 404 ? "usage.fate.unknown" : "usage.fate.invalid");
            // the service's 404 says the same as our sentence, for API clients (naming its API): not shown
            model.addAttribute("fateDetail", e.status() == 404 ? null : e.detail());
        }
    }

    /**
     * The date asked for, or {@code otherwise} for none, an unreadable one, or one outside Accord's times with its
     * next day (the API's {@code to} is exclusive).
     */
    private static LocalDate date(String value, LocalDate otherwise) {
        try {
            LocalDate date = value.isBlank() ? otherwise : LocalDate.parse(value.strip());
            return TimeRange.contains(date) && TimeRange.contains(date.plusDays(1)) ? date : otherwise;
        } catch (DateTimeParseException notADate) {
            return otherwise;
        }
    }
}
