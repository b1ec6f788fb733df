package io.accord.portal.suspense;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.security.StaffActions;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff: the open suspense of rating, counted by reason, source and age, the oldest open records, and per reason
 * the two ways out (docs/rating-suspense.md): recycle (rate again against today's read models) or write off with a
 * reason. Ops and platform admins act; finance and auditors read.
 */
@Controller
class SuspenseController {

    /** A usage source as rating stores it (the recycle form offers the summary's sources). */
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    static final Set<String> REASONS = Set.of("NO_PRODUCT_INSTANCE", "NO_PRICE", "NO_AGREEMENT", "AMBIGUOUS_PRODUCT",
            "INVALID", "TOO_OLD");
    private static final String[] OPERATORS = {Roles.OPS, Roles.PLATFORM_ADMIN};
    private static final int PAGE_SIZE = 25;
    private static final int WRITE_OFF_REASON_MAX = 500;

    private final Gateway gateway;
    private final DisplayHelper display;

    SuspenseController(Gateway gateway, DisplayHelper display) {
        this.gateway = gateway;
        this.display = display;
    }

    record Count(String key, long count) {
    }

    /** One open record: what it is and why rating could not rate it. */
    record SuspendedRecord(String id, String source, String usageId, String subscriberId, String usageType,
                           String usageTime, String reason, String detail, String suspendedAt) {

        static SuspendedRecord of(JsonNode item) {
            return new SuspendedRecord(item.path("suspenseId").asString(""), item.path("source").asString(""),
                    item.path("usageId").asString(""), item.path("subscriberId").asString(""),
                    item.path("usageType").asString(""), Display.instant(item.path("usageTime").asString("")),
                    item.path("reason").asString(""), item.path("detail").asString(""),
                    Display.instant(item.path("suspendedAt").asString("")));
        }
    }

    @GetMapping("/suspense")
    String summary(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        String filter = REASONS.contains(reason) ? reason : "";
        JsonNode summary = gateway.get("/api/rating/suspense/summary?status=OPEN");
        model.addAttribute("total", summary.path("total").asLong(0));
        model.addAttribute("byReason", counts(summary.path("byReason")));
        model.addAttribute("bySource", counts(summary.path("bySource")));
        model.addAttribute("byAge", counts(summary.path("byAge")));
        int current = Math.max(0, page);
        Gateway.Listing records = filter.isEmpty()
                ? gateway.list("/api/rating/suspense?status=OPEN&offset={offset}&limit={limit}",
                current * PAGE_SIZE, PAGE_SIZE)
                : gateway.list("/api/rating/suspense?status=OPEN&reason={reason}&offset={offset}&limit={limit}",
                filter, current * PAGE_SIZE, PAGE_SIZE);
        List<SuspendedRecord> rows = new ArrayList<>();
        records.items().forEach(item -> rows.add(SuspendedRecord.of(item)));
        model.addAttribute("records", rows);
        model.addAttribute("recordsTotal", records.total());
        model.addAttribute("reason", filter);
        model.addAttribute("page", current);
        PageBounds.last(model, records.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < records.total());
        model.addAttribute("operates", StaffActions.mayAct(user, OPERATORS));
        return "suspense";
    }

    /** Recycles the open records of one reason, optionally of one source only (at most 10,000 per call, as rating takes them). */
    @PostMapping("/suspense/recycle")
    String recycle(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String source,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, OPERATORS);
        if (!REASONS.contains(reason)) {
            return refused(user, "suspense.reasonUnknown", model, response);
        }
        String from = source.strip();
        if (!from.isEmpty() && !SOURCE.matcher(from).matches()) {
            return refused(user, "suspense.recycle.error", model, response);
        }
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("reason", reason);
        if (!from.isEmpty()) {
            filter.put("source", from);
        }
        JsonNode answer = gateway.post("/api/rating/suspense/recycle", Map.of("filter", filter));
        redirect.addFlashAttribute("noticeKey", "suspense.recycled");
        redirect.addFlashAttribute("noticeArgs", List.of(answer.path("recycled").asLong(0),
                answer.path("stillSuspended").size(), display.code("SuspenseReason", reason)));
        return "redirect:/suspense";
    }

    /** Writes the open records of one reason off, with why (required, at most 500 characters). */
    @PostMapping("/suspense/write-off")
    String writeOff(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(defaultValue = "") String writeOffReason, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, OPERATORS);
        if (!REASONS.contains(reason)) {
            return refused(user, "suspense.reasonUnknown", model, response);
        }
        String why = writeOffReason.strip();
        if (why.isEmpty() || why.length() > WRITE_OFF_REASON_MAX) {
            // the message at that reason's field, the text typed kept
            model.addAttribute("writeOffRefused", reason);
            model.addAttribute("writeOffTyped", writeOffReason);
            return refused(user, why.isEmpty() ? "suspense.writeOffReason.required"
                    : "suspense.writeOffReason.tooLong", model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", Map.of("reason", reason));
        body.put("reason", why);
        JsonNode answer = gateway.post("/api/rating/suspense/write-off", body);
        redirect.addFlashAttribute("noticeKey", "suspense.writtenOff");
        redirect.addFlashAttribute("noticeArgs", List.of(answer.path("writtenOff").asLong(0),
                display.code("SuspenseReason", reason), why));
        return "redirect:/suspense";
    }

    private String refused(OidcUser user, String errorKey, Model model, HttpServletResponse response) {
        // bad input: nothing is changed; the page says what is missing
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errorKey", errorKey);
        return summary(user, "", 0, model);
    }

    private static List<Count> counts(JsonNode groups) {
        List<Count> counts = new ArrayList<>();
        groups.forEach(group -> counts.add(new Count(group.path("key").asString(), group.path("count").asLong(0))));
        return counts;
    }
}
