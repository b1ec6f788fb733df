package io.accord.portal.usage;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.offeringname.OfferingNames;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The usage explorer (rating-service): what became of one usage record (rated with its amounts, in suspense with
 * the reason, its duplicates, or not processed yet), and the rated usage of a date range by offering and usage type
 * from rating's rollups, and that range's rated records as CSV (rating's export). A partner sees only usage rated
 * with it among the parties (the service decides).
 */
@Controller
class UsageController {

    /** By query parameters: a usage id (or source) holding a slash fits no path segment. */
    static final String FATE = "/api/rating/usage/fate?source={source}&usageId={usageId}";
    static final String ROLLUPS = "/api/rating/rollups?from={from}&to={to}&granularity=day&groupBy=offering,usageType";
    /** Rating's export of the partner's rated records; the token decides whose (docs/rating-usage-api.md). */
    static final String RATED = "/api/rating/rated?from={from}&to={to}";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

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
                    Model model, HttpServletResponse response) {
        UsageRange range = UsageRange.of(from, to, LocalDate.now(clock));
        if (range.unreadable()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return page(source, usageId, from, to, range, range.errorKey(), model);
    }

    /**
     * The rated records of the page's range as one CSV file: rating's export ({@code GET /api/rating/rated}, with
     * {@code Accept: text/csv}) of usage time [from, to + 1 day), streamed through under rating's file name. No
     * partner is named: rating exports the token's own partner, as it answers the page's rollups. A day that cannot
     * be read, a range backwards or over rating's {@value UsageRange#EXPORT_MAX_DAYS} days: the page with a 400
     * saying so, nothing asked. Written on the request's own (virtual) thread, as the audit export, so that a refusal
     * can still be the page.
     */
    @GetMapping("/usage/export")
    String export(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                  Model model, HttpServletResponse response) throws IOException {
        UsageRange range = UsageRange.of(from, to, LocalDate.now(clock));
        String problem = range.exportProblem();
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page("", "", from, to, range, problem, model);
        }
        ResponseEntity<StreamingResponseBody> file = gateway.download(RATED, CSV,
                "usage-" + range.from() + "-" + range.to() + ".csv", range.from(), range.to().plusDays(1));
        response.setStatus(HttpStatus.OK.value());
        file.getHeaders().forEach((name, values) -> {
            response.setHeader(name, values.getFirst());
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        file.getBody().writeTo(response.getOutputStream());
        return null;
    }

    private String page(String source, String usageId, String from, String to, UsageRange range, String errorKey,
                        Model model) {
        model.addAttribute("source", source.strip());
        model.addAttribute("usageId", usageId.strip());
        if (!source.isBlank() && !usageId.isBlank()) {
            fate(source.strip(), usageId.strip(), model);
        } else if (!source.isBlank() || !usageId.isBlank()) {
            model.addAttribute("fateErrorKey", "usage.fate.both");
        }
        model.addAttribute("rangeErrorKey", errorKey);
        model.addAttribute("rangeErrorField", range.field());
        model.addAttribute("filterValue", range.typed());
        // the days as read (ISO, for the date fields), an unreadable one as it was typed
        model.addAttribute("from", range.unreadable() ? from.strip() : range.from().toString());
        model.addAttribute("to", range.unreadable() ? to.strip() : range.to().toString());
        model.addAttribute("exportMaxDays", UsageRange.EXPORT_MAX_DAYS);
        List<String> offeringIds = new ArrayList<>();
        Rollup rollup = null;
        if (!range.unreadable()) {
            // the range is inclusive on the page, the API's "to" is exclusive
            rollup = Rollup.of(gateway.get(ROLLUPS, range.from(), range.to().plusDays(1)).path("rows"));
            rollup.lines().forEach(line -> offeringIds.add(line.offeringId()));
            model.addAttribute("rangeFrom", range.from());
            model.addAttribute("rangeTo", range.to());
        }
        model.addAttribute("rollup", rollup);
        // the offerings by name (the rollup's and the looked-up record's), one catalog call per offering
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
}
