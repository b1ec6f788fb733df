package io.accord.portal.review;

import java.util.ArrayList;
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
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.security.PortalUser;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff: the onboarding review queue (applications IN_REVIEW, oldest first) with approve and decline. A decision
 * posted by htmx answers the application's row in its new state; without JavaScript the form posts and the queue is
 * shown again. Auditors see the queue without the decision buttons (and the service refuses them anyway).
 */
@Controller
class ReviewController {

    private static final String QUEUE = "/api/onboarding/admin/applications";
    private static final int REASON_MAX = 2000;

    private final Gateway gateway;

    ReviewController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal OidcUser user, Model model) {
        Gateway.Listing listing = gateway.list(QUEUE + "?limit=50");
        List<ApplicationRow> rows = new ArrayList<>();
        listing.items().forEach(item -> rows.add(ApplicationRow.of(item)));
        model.addAttribute("applications", rows);
        model.addAttribute("total", listing.total());
        model.addAttribute("decides", PortalUser.of(user).decidesApplications());
        return "review";
    }

    @PostMapping("/review/{id}/approval")
    String approve(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                   @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // auditors read the queue; the portal refuses their decisions before calling (onboarding would too)
        StaffActions.require(user, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
        return decided(() -> gateway.post(QUEUE + "/{id}/approval", Map.of(), id), id, htmx, model, redirect,
                response);
    }

    @PostMapping("/review/{id}/rejection")
    String decline(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                   @RequestParam(defaultValue = "") String reason,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
        String text = reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX) {
            // bad input: nothing is sent to the gateway; the row (or the queue) says what is missing
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String error = text.isEmpty() ? "review.reason.required" : "review.reason.tooLong";
            if (htmx != null) {
                model.addAttribute("item", ApplicationRow.of(gateway.get(QUEUE + "/{id}", id)));
                model.addAttribute("decides", true);
                model.addAttribute("errorKey", error);
                return "review :: answer";
            }
            redirect.addFlashAttribute("errorKey", error);
            redirect.addFlashAttribute("errorId", id.toString());
            response.setStatus(HttpStatus.SEE_OTHER.value());
            return "redirect:/review";
        }
        return decided(() -> gateway.post(QUEUE + "/{id}/rejection", Map.of("reason", text), id), id, htmx, model,
                redirect, response);
    }

    private String decided(java.util.function.Supplier<JsonNode> decision, UUID id, String htmx, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        ApplicationRow decided;
        try {
            decided = ApplicationRow.of(decision.get());
        } catch (GatewayException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            // decided meanwhile by someone else, or no longer decidable: show why, with the application as it is now
            response.setStatus(HttpStatus.CONFLICT.value());
            if (htmx == null) {
                redirect.addFlashAttribute("errorKey", "review.conflict");
                redirect.addFlashAttribute("errorId", id.toString());
                response.setStatus(HttpStatus.SEE_OTHER.value());
                return "redirect:/review";
            }
            model.addAttribute("item", ApplicationRow.of(gateway.get(QUEUE + "/{id}", id)));
            model.addAttribute("decides", true);
            model.addAttribute("errorKey", "review.conflict");
            return "review :: answer";
        }
        if (htmx == null) {
            redirect.addFlashAttribute("decided", decided);
            return "redirect:/review";
        }
        model.addAttribute("item", decided);
        model.addAttribute("decides", true);
        model.addAttribute("decidedNow", true);
        return "review :: answer";
    }

    /**
     * A check that did not pass: its name, outcome and {@code reasonCode} (codes the page shows in words, a reason code
     * without a text as it came) and the service's reason.
     */
    record FailedCheck(String check, String outcome, String reasonCode, String reason) {
    }

    /** An application as the queue shows it. */
    record ApplicationRow(String id, String legalName, String partnerType, String businessModel, String country,
                          String status, String submittedAt, List<FailedCheck> failedChecks, String decisionReason) {

        public boolean inReview() {
            return "IN_REVIEW".equals(status);
        }

        static ApplicationRow of(JsonNode view) {
            JsonNode form = view.path("application");
            List<FailedCheck> failed = new ArrayList<>();
            view.path("checks").forEach(check -> {
                String outcome = check.path("outcome").asString("");
                if (!outcome.isEmpty() && !"PASSED".equals(outcome)) {
                    failed.add(new FailedCheck(check.path("check").asString(""), outcome,
                            check.path("reasonCode").asString("").strip(), check.path("reason").asString("").strip()));
                }
            });
            return new ApplicationRow(view.path("id").asString(), form.path("legalName").asString(""),
                    form.path("partnerType").asString(""), form.path("businessModel").asString(""),
                    form.path("country").asString(""), view.path("status").asString(""),
                    view.path("submittedAt").asString(""), failed, view.path("decisionReason").asString(""));
        }
    }
}
