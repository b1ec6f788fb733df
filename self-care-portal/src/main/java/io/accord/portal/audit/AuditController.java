package io.accord.portal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.layout.Display;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Auditors and platform admins: the audit trail of every service in one list, newest first, as the gateway merges it
 * ({@code GET /api/audit}, filtered by partner, resource type and resource id, paged), and each service's hash-chain
 * verification ({@code GET /api/audit/verification}): verified or broken (the first broken entry and why), entries
 * checked, entries not sealed yet and how long the oldest has waited.
 */
@Controller
class AuditController {

    private static final int PAGE_SIZE = 50;
    /** The gateway answers at most the newest 1000 entries of a filter: offset + limit ≤ 1000. */
    private static final int LAST_PAGE = 1000 / PAGE_SIZE - 1;
    private static final int FILTER_MAX = 200;

    private final Gateway gateway;

    AuditController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/audit")
    String trail(@RequestParam(defaultValue = "") String partnerId, @RequestParam(defaultValue = "") String resourceType,
                 @RequestParam(defaultValue = "") String resourceId, @RequestParam(defaultValue = "0") int page,
                 Model model, HttpServletResponse response) {
        String partner = partnerId.strip();
        String type = resourceType.strip();
        String resource = resourceId.strip();
        int current = Math.min(LAST_PAGE, Math.max(0, page));
        model.addAttribute("partnerId", partner);
        model.addAttribute("resourceType", type);
        model.addAttribute("resourceId", resource);
        model.addAttribute("page", current);
        if (!partner.isEmpty() && !isUuid(partner) || type.length() > FILTER_MAX || resource.length() > FILTER_MAX) {
            // bad input: no call; the filter says what is wrong
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorKey", type.length() > FILTER_MAX || resource.length() > FILTER_MAX
                    ? "audit.filter.tooLong" : "audit.partnerId.invalid");
            model.addAttribute("entries", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("hasNext", false);
            return "audit";
        }
        StringBuilder uri = new StringBuilder("/api/audit?offset={offset}&limit={limit}");
        List<Object> variables = new ArrayList<>(List.of(current * PAGE_SIZE, PAGE_SIZE));
        if (!partner.isEmpty()) {
            uri.append("&partnerId={partnerId}");
            variables.add(partner);
        }
        if (!type.isEmpty()) {
            uri.append("&resourceType={resourceType}");
            variables.add(type);
        }
        if (!resource.isEmpty()) {
            uri.append("&resourceId={resourceId}");
            variables.add(resource);
        }
        Gateway.Listing listing = gateway.list(uri.toString(), variables.toArray());
        List<Entry> entries = new ArrayList<>();
        listing.items().forEach(item -> entries.add(Entry.of(item)));
        model.addAttribute("entries", entries);
        model.addAttribute("total", listing.total());
        model.addAttribute("hasNext", current < LAST_PAGE && (long) (current + 1) * PAGE_SIZE < listing.total());
        return "audit";
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

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
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
