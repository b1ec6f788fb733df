package io.accord.portal.dispute;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Ids;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pending information and assignment (docs/disputes.md, "States", "Assignment"): staff who work disputes ask the
 * partner a question (in review or escalated), the partner answers it (back in review); staff take a dispute
 * ("assign to me"), give it back, or take several of the queue at once (all or nothing, as the service assigns them).
 * A role the service would refuse is refused here with 403 before anything is sent; the service's refusals (a state
 * that moved on, a concurrent change) are shown on the page.
 */
@Controller
class DisputeInformationController {

    private static final int MAX_TEXT = 2000;
    /** The service's bulk limit. */
    private static final int MAX_BULK = 500;

    private final DisputePage page;
    private final Gateway gateway;

    DisputeInformationController(DisputePage page, Gateway gateway) {
        this.page = page;
        this.gateway = gateway;
    }

    @PostMapping("/disputes/{id}/information-request")
    String ask(@PathVariable UUID id, @RequestParam(defaultValue = "") String question,
               @AuthenticationPrincipal OidcUser principal, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        StaffActions.require(principal, DisputePage.WORKERS);
        DisputePage.Step step = new DisputePage.Step(id, principal, "informationRequest", "information-request",
                Map.of("question", question));
        if (question.isBlank() || question.length() > MAX_TEXT) {
            return page.invalid(step, "question", "disputeInfo.error.question", model, response);
        }
        return page.submit(step, Map.of("question", question.strip()), "disputeInfo.done.asked", redirect, model,
                response);
    }

    @PostMapping("/disputes/{id}/information")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
                  @AuthenticationPrincipal OidcUser principal, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        StaffActions.require(principal, Roles.PARTNER_ADMIN, Roles.PARTNER_USER);
        DisputePage.Step step = new DisputePage.Step(id, principal, "information", "information",
                Map.of("text", text));
        if (text.isBlank() || text.length() > 4000) {
            return page.invalid(step, "text", "disputeInfo.error.answer", model, response);
        }
        return page.submit(step, Map.of("text", text.strip()), "disputeInfo.done.answered", redirect, model,
                response);
    }

    /** Takes the dispute (the service's {@code me}: the caller). */
    @PostMapping("/disputes/{id}/assignee")
    String assignToMe(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(principal, DisputePage.WORKERS);
        DisputePage.Step step = new DisputePage.Step(id, principal, "assignment", "assignee", Map.of());
        return page.submit(step, HttpMethod.PUT, Map.of("assignee", "me"), "disputeInfo.done.assigned", redirect,
                model, response);
    }

    @PostMapping("/disputes/{id}/assignee/removal")
    String unassign(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(principal, DisputePage.WORKERS);
        DisputePage.Step step = new DisputePage.Step(id, principal, "assignment", "assignee", Map.of());
        return page.submit(step, HttpMethod.DELETE, null, "disputeInfo.done.unassigned", redirect, model, response);
    }

    /**
     * The queue's selected disputes to the user, all or none (the service's bulk assignment): back to the queue with
     * a notice, or with the service's reason (which names the disputes it could not assign) and none assigned.
     */
    @PostMapping("/disputes/assignments")
    String assignSelected(@RequestParam(name = "disputeId", required = false) List<String> disputeIds,
                          @RequestParam(defaultValue = "") String back,
                          @AuthenticationPrincipal OidcUser principal, RedirectAttributes redirect) {
        StaffActions.require(principal, DisputePage.WORKERS);
        // back to the queue as it was filtered (only a path of the queue itself)
        String queue = back.startsWith("/disputes?") || "/disputes".equals(back) ? back : "/disputes";
        List<String> ids = disputeIds == null ? List.of()
                : disputeIds.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX_BULK || !ids.stream().allMatch(Ids::isUuid)) {
            redirect.addFlashAttribute("errorKey", "disputeInfo.error.selection");
            return "redirect:" + queue;
        }
        try {
            gateway.send(HttpMethod.POST, "/api/disputes/assignments", Map.of("disputeIds", ids, "assignee", "me"));
        } catch (GatewayException e) {
            if (e.status() < 400 || e.status() > 499 || e.status() == 401) {
                throw e;
            }
            redirect.addFlashAttribute("errorKey", "disputeInfo.error.bulkRefused");
            redirect.addFlashAttribute("errorDetail", e.detail());
            return "redirect:" + queue;
        }
        redirect.addFlashAttribute("noticeKey", "disputeInfo.done.bulkAssigned");
        redirect.addFlashAttribute("noticeCount", ids.size());
        return "redirect:" + queue;
    }
}
