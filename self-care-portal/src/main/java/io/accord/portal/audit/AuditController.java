package io.accord.portal.audit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.layout.Codes;
import io.accord.portal.layout.Dates;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.Ids;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Auditors and platform admins: the audit trail of every service in one list, newest first, as the gateway merges it
 * ({@code GET /api/audit}, filtered by partner, resource type, resource id, actor, action and days, paged), and each service's hash-chain
 * verification ({@code GET /api/audit/verification}): verified or broken (the first broken entry and why), entries
 * checked, entries not sealed yet and how long the oldest has waited. The same filters export every matching entry
 * as CSV ({@code GET /api/audit/export}).
 */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;
    /** The gateway answers at most the newest 1000 entries of a filter: offset + limit ≤ 1000. */
    private static final int LAST_PAGE = 1000 / PAGE_SIZE - 1;
    private static final int FILTER_MAX = 200;
    /** The gateway's bound on an export: {@code to} at most 92 days after {@code from}. */
    static final int EXPORT_MAX_DAYS = 92;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final Gateway gateway;

    AuditController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(defaultValue = "") String partnerId, @RequestParam(defaultValue = "") String resourceType,
                 @RequestParam(defaultValue = "") String resourceId, @RequestParam(defaultValue = "") String actor,
                 @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String from,
                 @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page,
                 Model model, HttpServletResponse response) {
        Map<String, String> filters = filters(partnerId, resourceType, resourceId, actor, action, from, to);
        int current = Math.min(LAST_PAGE, Math.max(0, page));
        String errorKey = problem(filters);
        if (errorKey != null) {
            return refused(filters, current, errorKey, model, response);
        }
        shown(filters, current, model);
        StringBuilder uri = new StringBuilder("/api/audit?offset={offset}&limit={limit}");
        List<Object> variables = new ArrayList<>(List.of(current * PAGE_SIZE, PAGE_SIZE));
        Gateway.Listing listing = gateway.list(withFilters(uri, variables, filters), variables.toArray());
        List<Entry> entries = new ArrayList<>();
        listing.items().forEach(item -> entries.add(Entry.of(item)));
        model.addAttribute("entries", entries);
        model.addAttribute("total", listing.total());
        // the gateway's depth caps the last page too
        PageBounds.last(model, Math.min(listing.total(), (long) (LAST_PAGE + 1) * PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("hasNext", current < LAST_PAGE && (long) (current + 1) * PAGE_SIZE < listing.total());
        return "audit";
    }

    /**
     * The page's filters as one CSV file of every matching entry of every service ({@code GET /api/audit/export},
     * without the list's depth of 1000), streamed through under the gateway's file name ({@code
     * audit-<from>-<to>.csv}). The export needs both days, at most {@value #EXPORT_MAX_DAYS} apart (the gateway's
     * bound): else, or with a filter the page refuses, the page says so with a 400 and nothing is asked. A file the
     * gateway says is partial (a service did not answer) is refused (502, naming them) rather than saved incomplete.
     * Written on the request's own (virtual) thread, so that the refusal can still be the page.
     */
    @GetMapping("/audit/export")
    String export(@RequestParam(defaultValue = "") String partnerId, @RequestParam(defaultValue = "") String resourceType,
                  @RequestParam(defaultValue = "") String resourceId, @RequestParam(defaultValue = "") String actor,
                  @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String from,
                  @RequestParam(defaultValue = "") String to, Model model, HttpServletResponse response)
            throws IOException {
        Map<String, String> filters = filters(partnerId, resourceType, resourceId, actor, action, from, to);
        String errorKey = problem(filters);
        if (errorKey == null) {
            errorKey = exportProblem(filters);
        }
        if (errorKey != null) {
            return refused(filters, 0, errorKey, model, response);
        }
        StringBuilder uri = new StringBuilder("/api/audit/export?");
        List<Object> variables = new ArrayList<>();
        String exportUri = withFilters(uri, variables, filters).replace("?&", "?");
        ResponseEntity<StreamingResponseBody> file = gateway.downloadWhole(exportUri, CSV,
                "audit-" + filters.get("from") + "-" + filters.get("to") + ".csv",
                "The export would be incomplete: %s did not answer the audit export. Try again in a moment.",
                variables.toArray());
        response.setStatus(HttpStatus.OK.value());
        // the gateway's headers replace the portal's defaults (its Cache-Control among them)
        file.getHeaders().forEach((name, values) -> {
            response.setHeader(name, values.getFirst());
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        file.getBody().writeTo(response.getOutputStream());
        return null;
    }

    private static Map<String, String> filters(String partnerId, String resourceType, String resourceId,
                                               String actor, String action, String from, String to) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("partnerId", partnerId.strip());
        filters.put("resourceType", resourceType.strip());
        filters.put("resourceId", resourceId.strip());
        filters.put("actor", actor.strip());
        filters.put("action", action.strip());
        filters.put("from", iso(from));
        filters.put("to", iso(to));
        return filters;
    }

    /** A day as the gateway takes it (ISO), also when typed as German pages write it ({@code 07.12.2026}). */
    private static String iso(String day) {
        try {
            return Dates.typedDay(day).map(LocalDate::toString).orElse("");
        } catch (Dates.Unreadable unreadable) {
            // as typed: the filter says it cannot be read
            return unreadable.typed();
        }
    }

    /** The URI with each filter given as a variable ({@code &name={name}}), its value added to the variables. */
    private static String withFilters(StringBuilder uri, List<Object> variables, Map<String, String> filters) {
        filters.forEach((name, value) -> {
            if (!value.isEmpty()) {
                uri.append('&').append(name).append("={").append(name).append('}');
                variables.add(value);
            }
        });
        return uri.toString();
    }

    private static void shown(Map<String, String> filters, int page, Model model) {
        model.addAllAttributes(filters);
        model.addAttribute("resourceTypes", Codes.KNOWN.get("AuditResource"));
        model.addAttribute("page", page);
        model.addAttribute("exportMaxDays", EXPORT_MAX_DAYS);
    }

    /** Bad input: no call; the filter says what is wrong. */
    private static String refused(Map<String, String> filters, int page, String errorKey, Model model,
                                  HttpServletResponse response) {
        shown(filters, page, model);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("entries", List.of());
        model.addAttribute("total", 0L);
        model.addAttribute("hasNext", false);
        return "audit";
    }

    /** What the export needs beyond the list's checks: both days, at most {@value #EXPORT_MAX_DAYS} apart. */
    private static String exportProblem(Map<String, String> filters) {
        if (filters.get("from").isEmpty() || filters.get("to").isEmpty()) {
            return "audit.export.daysRequired";
        }
        LocalDate start = LocalDate.parse(filters.get("from"));
        LocalDate end = LocalDate.parse(filters.get("to"));
        return start.plusDays(EXPORT_MAX_DAYS).isBefore(end) ? "audit.export.tooLong" : null;
    }

    /**
     * What is wrong with the filters (a message key), or {@code null}: the partner id is a UUID, the texts at most
     * 200 characters, the days dates ({@link Dates#typedDay}: ISO as the browser's date field sends them, or German
     * {@code 07.12.2026}) with {@code to} after {@code from}.
     */
    private static String problem(Map<String, String> filters) {
        String partner = filters.get("partnerId");
        if (!partner.isEmpty() && !Ids.isUuid(partner)) {
            return "audit.partnerId.invalid";
        }
        for (String text : List.of("resourceType", "resourceId", "actor", "action")) {
            if (filters.get(text).length() > FILTER_MAX) {
                return "audit.filter.tooLong";
            }
        }
        LocalDate start;
        LocalDate end;
        try {
            start = Dates.typedDay(filters.get("from")).orElse(null);
            end = Dates.typedDay(filters.get("to")).orElse(null);
        } catch (Dates.Unreadable notADay) {
            return "audit.day.invalid";
        }
        return start != null && end != null && !end.isAfter(start) ? "audit.days.backwards" : null;
    }

    /** The verification alone (htmx loads it into the trail page), or as its own page without JavaScript. */
    @GetMapping("/audit/verification")
    String verification(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        JsonNode answer = gateway.get("/api/audit/verification");
        List<ServiceVerification> services = new ArrayList<>();
        answer.path("services").forEach(service -> services.add(ServiceVerification.of(service)));
        List<String> unanswered = new ArrayList<>();
        answer.path("unanswered").forEach(service -> unanswered.add(service.asString()));
        model.addAttribute("verified", answer.path("verified").asBoolean(false));
        model.addAttribute("services", services);
        model.addAttribute("unanswered", unanswered);
        return htmx == null ? "auditverification" : "auditverification :: result";
    }

    /** One audit entry: which service, who, when, what, and the state before and after. */
    record Entry(String service, long id, String occurredAt, String actor, String partnerId, String resourceType,
                 String resourceId, String action, String before, String after, String correlationId) {

        public boolean hasStates() {
            return !before.isEmpty() || !after.isEmpty();
        }

        static Entry of(JsonNode entry) {
            return new Entry(entry.path("service").asString(""), entry.path("id").asLong(0),
                    Display.instant(entry.path("occurredAt").asString("")), entry.path("actor").asString(""),
                    entry.path("partnerId").asString(""), entry.path("resourceType").asString(""),
                    entry.path("resourceId").asString(""), entry.path("action").asString(""),
                    state(entry.path("before")), state(entry.path("after")),
                    entry.path("correlationId").asString(""));
        }

        private static String state(JsonNode state) {
            return state.isMissingNode() || state.isNull() ? "" : state.toPrettyString();
        }
    }

    /** One service's hash chain: verified or where it breaks, and what is still waiting to be sealed. */
    record ServiceVerification(String service, boolean verified, long entries, String firstBrokenEntryId,
                               String reason, long pendingEntries, String oldestPendingAge) {

        static ServiceVerification of(JsonNode answer) {
            JsonNode age = answer.path("oldestPendingAgeMillis");
            return new ServiceVerification(answer.path("service").asString(""),
                    answer.path("verified").asBoolean(false), answer.path("entries").asLong(0),
                    answer.path("firstBrokenEntryId").isIntegralNumber()
                            ? answer.path("firstBrokenEntryId").asString() : "",
                    answer.path("reason").asString(""), answer.path("pendingEntries").asLong(0),
                    age.isIntegralNumber() ? Display.duration(age.asLong()) : "");
        }
    }
}
