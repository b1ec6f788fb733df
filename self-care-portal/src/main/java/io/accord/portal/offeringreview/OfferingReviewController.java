package io.accord.portal.offeringreview;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.contracts.TimeRange;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.StaffActions;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff: catalog's review queue (offerings, and launched offerings' changes, submitted for review; oldest first)
 * with approve (now, or launching on a date) and reject with a reason (docs/catalog-model.md). Partner managers and
 * platform admins decide; ops and auditors read the queue.
 */
@Controller
class OfferingReviewController {

    private static final String QUEUE = "/api/catalog/review-queue";
    private static final String DECISION = "/api/catalog/offerings/{id}/decision";
    private static final String[] DECIDERS = {Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN};
    private static final int PAGE_SIZE = 25;
    private static final int REASON_MAX = 2000;

    private final Gateway gateway;
    private final PartnerNames partnerNames;

    OfferingReviewController(Gateway gateway, PartnerNames partnerNames) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
    }

    @GetMapping("/offering-review")
    String queue(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        Gateway.Listing listing = gateway.list(QUEUE + "?offset={offset}&limit={limit}", current * PAGE_SIZE,
                PAGE_SIZE);
        List<OfferingRow> rows = new ArrayList<>();
        listing.items().forEach(item -> rows.add(OfferingRow.ofQueueItem(item)));
        model.addAttribute("offerings", rows);
        model.addAttribute("partnerNames", partnerNames.of(rows.stream().map(OfferingRow::owner).toList()));
        model.addAttribute("total", listing.total());
        model.addAttribute("page", current);
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < listing.total());
        model.addAttribute("decides", StaffActions.mayAct(user, DECIDERS));
        return "offeringreview";
    }

    @PostMapping("/offering-review/{id}/approval")
    String approve(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                   @RequestParam(defaultValue = "") String launchOn, @RequestParam(defaultValue = "") String name,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, DECIDERS);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision", "APPROVE");
        if (!launchOn.isBlank()) {
            try {
                LocalDate launch = LocalDate.parse(launchOn.strip());
                if (!TimeRange.contains(launch)) {
                    return refused(id, name, "offeringReview.launchOn.invalid", htmx, model, redirect, response);
                }
                decision.put("launchAt", launch.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            } catch (DateTimeParseException malformed) {
                return refused(id, name, "offeringReview.launchOn.invalid", htmx, model, redirect, response);
            }
        }
        return decided(id, name, decision, htmx, model, redirect, response);
    }

    @PostMapping("/offering-review/{id}/rejection")
    String reject(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String name,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, DECIDERS);
        String text = reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX) {
            return refused(id, name, text.isEmpty() ? "offeringReview.reason.required"
                    : "offeringReview.reason.tooLong", htmx, model, redirect, response);
        }
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision", "REJECT");
        decision.put("reason", text);
        return decided(id, name, decision, htmx, model, redirect, response);
    }

    private String decided(UUID id, String name, Map<String, Object> decision, String htmx, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        OfferingRow row;
        try {
            row = OfferingRow.ofOffering(gateway.post(DECISION, decision, id));
        } catch (GatewayException e) {
            if (e.status() != 400 && e.status() != 409 && e.status() != 422) {
                throw e;
            }
            // decided meanwhile, or a launch date the catalog does not take: say why, change nothing
            response.setStatus(e.status() == 400 ? 400 : HttpStatus.CONFLICT.value());
            return problem(id, name, e.status() == 400 ? "offeringReview.rejected" : "offeringReview.conflict",
                    e.detail(), htmx, model, redirect, response);
        }
        if (htmx == null) {
            redirect.addFlashAttribute("decided", row);
            return "redirect:/offering-review";
        }
        model.addAttribute("item", row);
        model.addAttribute("decides", true);
        return "offeringreview :: row";
    }

    private String refused(UUID id, String name, String errorKey, String htmx, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        // bad input: nothing is sent to the gateway
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return problem(id, name, errorKey, null, htmx, model, redirect, response);
    }

    private static String problem(UUID id, String name, String errorKey, String detail, String htmx, Model model,
                                  RedirectAttributes redirect, HttpServletResponse response) {
        if (htmx == null) {
            redirect.addFlashAttribute("errorKey", errorKey);
            redirect.addFlashAttribute("errorDetail", detail);
            response.setStatus(HttpStatus.SEE_OTHER.value());
            return "redirect:/offering-review";
        }
        model.addAttribute("item", OfferingRow.pending(id.toString(), name));
        model.addAttribute("decides", true);
        model.addAttribute("rowErrorKey", errorKey);
        model.addAttribute("rowErrorDetail", detail);
        return "offeringreview :: row";
    }

    /**
     * An offering as the queue shows it; {@code decided} once the catalog answered a decision. {@code changes} are
     * what a launched offering's pending change would change, old → new, one line each (docs/catalog-model.md).
     */
    record OfferingRow(String id, String name, String externalId, String owner, String status, String pendingChange,
                       String category, String submittedAt, String statusReason, boolean decided,
                       List<String> changes) {

        public boolean inReview() {
            return !decided;
        }

        public String ownerShort() {
            return Display.shortId(owner);
        }

        static OfferingRow ofQueueItem(JsonNode item) {
            return new OfferingRow(item.path("offeringId").asString(), item.path("name").asString(""),
                    item.path("externalId").asString(""), item.path("ownerPartnerId").asString(""),
                    item.path("status").asString(""), item.path("pendingChange").asString(""),
                    item.path("categoryCode").asString(""), Display.instant(item.path("submittedAt").asString("")),
                    "", false, changes(item.path("change")));
        }

        static OfferingRow ofOffering(JsonNode offering) {
            // a rejected change of a launched offering keeps its reason with the change, not in statusReason
            String reason = offering.path("statusReason").asString(
                    offering.path("rejectedChange").path("reason").asString(""));
            return new OfferingRow(offering.path("id").asString(), offering.path("name").asString(""),
                    offering.path("externalId").asString(""), "", offering.path("lifecycleStatus").asString(""),
                    offering.path("pendingChange").asString(""), "", "", reason, true, List.of());
        }

        /** The row of a decision that was refused: still in review, as far as the portal knows. */
        static OfferingRow pending(String id, String name) {
            return new OfferingRow(id, name, "", "", "IN_REVIEW", "", "", "", "", false, List.of());
        }

        /** Each changed field and price of a pending change, old → new. */
        static List<String> changes(JsonNode change) {
            List<String> lines = new ArrayList<>();
            change.path("fields").forEach(field -> lines.add(field.path("field").asString() + ": "
                    + value(field.path("from")) + " → " + value(field.path("to"))));
            change.path("prices").forEach(price -> {
                String percent = price.path("changePercent").isMissingNode() ? ""
                        : " (" + (price.path("changePercent").decimalValue().signum() > 0 ? "+" : "")
                        + price.path("changePercent").decimalValue().toPlainString() + " %)";
                lines.add(price.path("name").asString("") + " [" + price.path("externalId").asString("") + ", "
                        + price.path("change").asString("") + "]: " + version(price.path("current")) + " → "
                        + version(price.path("proposed")) + percent);
            });
            return lines;
        }

        /** A price version: type, amount or tiers, currency per unit or period, rounding, minimums, validity. */
        private static String version(JsonNode version) {
            if (version.isMissingNode() || version.isNull()) {
                return "–";
            }
            JsonNode p = version.path("definition");
            StringBuilder text = new StringBuilder(p.path("type").asString(""));
            if (p.hasNonNull("amount")) {
                text.append(' ').append(p.path("amount").decimalValue().toPlainString());
            }
            List<String> tiers = new ArrayList<>();
            p.path("tiers").forEach(tier -> tiers.add(tier.path("from").decimalValue().toPlainString() + "-"
                    + (tier.hasNonNull("to") ? tier.path("to").decimalValue().toPlainString() : "") + ":"
                    + tier.path("rate").decimalValue().toPlainString()));
            if (!tiers.isEmpty()) {
                text.append(' ').append(p.path("tierMode").asString("")).append(' ').append(String.join(" ", tiers));
            }
            text.append(' ').append(p.path("currency").asString(""));
            if (p.hasNonNull("unit")) {
                text.append('/').append(p.path("unit").asString());
            }
            if (p.hasNonNull("period")) {
                text.append('/').append(p.path("period").asString());
            }
            if (p.hasNonNull("roundingFirst")) {
                text.append(", rounding ").append(p.path("roundingFirst").asInt()).append('/')
                        .append(p.path("roundingNext").asInt());
            }
            if (p.hasNonNull("minimumQuantity")) {
                text.append(", min. quantity ").append(p.path("minimumQuantity").decimalValue().toPlainString());
            }
            if (p.hasNonNull("minimumCharge")) {
                text.append(", min. charge ").append(p.path("minimumCharge").decimalValue().toPlainString());
            }
            text.append(", ").append(Display.instant(version.path("validFrom").asString(""))).append(" – ")
                    .append(version.hasNonNull("validTo") ? Display.instant(version.path("validTo").asString()) : "…");
            return text.toString();
        }

        private static String value(JsonNode value) {
            String text = value.isNull() || value.isMissingNode() ? "–" : value.isString() ? value.asString()
                    : value.toString();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }
}
