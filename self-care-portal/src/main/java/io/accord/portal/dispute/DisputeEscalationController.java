package io.accord.portal.dispute;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The partner leaves its dispute (withdrawal, with a reason, until it is resolved) or takes it higher (escalation to
 * the service's escalation role, reason optional, from open or in review); staff who work disputes escalate too
 * (docs/disputes.md, "States"). A role the service would refuse is refused here with 403 before anything is sent.
 */
@Controller
class DisputeEscalationController {

    private static final int MAX_REASON = 2000;

    private final DisputePage page;

    DisputeEscalationController(DisputePage page) {
        this.page = page;
    }

    @PostMapping("/disputes/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                    @AuthenticationPrincipal OidcUser principal, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        StaffActions.require(principal, Roles.PARTNER_ADMIN, Roles.PARTNER_USER);
        DisputePage.Step step = new DisputePage.Step(id, principal, "withdrawal", "withdrawal",
                Map.of("reason", reason));
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            return page.invalid(step, "reason", "disputeSteps.error.withdrawalReason", model, response);
        }
        return page.submit(step, Map.of("reason", reason.strip()), "disputeSteps.done.withdrawal", redirect, model,
                response);
    }

    @PostMapping("/disputes/{id}/escalation")
    String escalate(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                    @AuthenticationPrincipal OidcUser principal, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        StaffActions.require(principal, Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.FINANCE,
                Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN);
        DisputePage.Step step = new DisputePage.Step(id, principal, "escalation", "escalation",
                Map.of("reason", reason));
        if (reason.length() > MAX_REASON) {
            return page.invalid(step, "reason", "disputeSteps.error.escalationReason", model, response);
        }
        // no reason: the service records "requested by <user>"
        Map<String, String> body = new LinkedHashMap<>();
        if (!reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return page.submit(step, body, "disputeSteps.done.escalation", redirect, model, response);
    }
}
