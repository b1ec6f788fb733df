package io.accord.portal.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.layout.PageBounds;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff (partner managers and platform admins, the roles onboarding lets approve): the agreement versions whose terms
 * await the four-eyes approval of a second CSP user (ADR 0005), newest proposal first (also those sent back to their
 * proposer for changes, and those approved, each naming who and when; the sent-back ones also only those sent back to
 * the user, {@code mine=true}), and one version's page with its terms, what
 * changed since the previous version, Approve, Send back for changes (with a reason: a draft again for its proposer
 * to change and propose again) and Refuse (withdraws the version with a reason, its termination). Whoever proposed
 * the version sees Approve disabled with the reason; a creator or editor learns it from onboarding's 403
 * {@code four-eyes}, which the page says in words (the version does not name them).
 * <p>
 * Each action sends the {@code ETag} of the version the page showed (hidden field {@code etag}) as {@code If-Match}:
 * terms changed since the page was read are not approved, sent back or refused; onboarding answers 412, nothing is
 * changed and the page says so, showing the version, its terms and what changed as they are now, with the reason
 * typed kept (docs/portal.md "Stale forms").
 */
@Controller
class AgreementApprovalsController {

    private static final Logger log = LoggerFactory.getLogger(AgreementApprovalsController.class);

    private static final String AGREEMENTS = AgreementsController.AGREEMENTS;
    private static final int PAGE_SIZE = 20;
    private static final int REASON_MAX = 500;
    private static final String FIELDS = "id,name,agreementType,version,status,engagedParty,termsApproval";
    /** The model's entity tag of the version the page shows, sent back by its forms. */
    private static final String ETAG = "etag";
    /** The lists onboarding gives ({@code ?termsApproval=}): the worklist first. */
    static final List<String> VIEWS = List.of("pending", "sentBack", "approved");
    private static final String SENT_BACK = "sentBack";

    private final Gateway gateway;

    AgreementApprovalsController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/agreement-approvals")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "pending") String show,
                @RequestParam(defaultValue = "") String mine, Model model) {
        int current = Math.max(0, page);
        String view = VIEWS.contains(show) ? show : VIEWS.getFirst();
        // "Sent back to me": the versions the user created, changed or proposed (onboarding's ?preparedBy=me)
        boolean onlyMine = SENT_BACK.equals(view) && "true".equals(mine);
        model.addAttribute("show", view);
        model.addAttribute("views", VIEWS);
        model.addAttribute("mine", onlyMine);
        // onboarding filters and orders (newest first in the state asked for) and pages in its database
        Gateway.Listing listing = gateway.list(AGREEMENTS + "?termsApproval={view}&fields={fields}"
                + (onlyMine ? "&preparedBy=me" : "") + "&offset={offset}&limit={limit}", view, FIELDS,
                (long) current * PAGE_SIZE, PAGE_SIZE);
        List<JsonNode> agreements = new ArrayList<>();
        listing.items().forEach(agreements::add);
        model.addAttribute("agreements", agreements);
        model.addAttribute("total", listing.total());
        model.addAttribute("page", current);
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < listing.total());
        return "agreement-approvals";
    }

    @GetMapping("/agreement-approvals/{id}")
    String agreement(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id, Model model) {
        return show(principal, id, model);
    }

    @PostMapping("/agreement-approvals/{id}/approval")
    String approve(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id,
                   @RequestParam(defaultValue = "") String etag, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        try {
            gateway.sendIfMatch(etag, HttpMethod.POST, AGREEMENTS + "/{id}/approval", null, id);
        } catch (GatewayProblem problem) {
            return refused(principal, id, problem, etag, "agreementApprovals.notApproved", model, response);
        }
        redirect.addFlashAttribute("noticeKey", "agreementApprovals.approved");
        return "redirect:/agreement-approvals/" + id;
    }

    @PostMapping("/agreement-approvals/{id}/sendBack")
    String sendBack(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id,
                    @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String etag,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return withReason(new ReasonedAction("/sendBack", "agreementApprovals.sendBack.reasonRequired",
                "agreementApprovals.notSentBack", "agreementApprovals.sentBack"),
                principal, id, reason, etag, model, redirect, response);
    }

    @PostMapping("/agreement-approvals/{id}/refusal")
    String refuse(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String etag,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return withReason(new ReasonedAction("/termination", "agreementApprovals.reason.required",
                "agreementApprovals.notRefused", "agreementApprovals.refused"),
                principal, id, reason, etag, model, redirect, response);
    }

    /** An agreement action that needs a reason: its API path below the version, and its message keys. */
    private record ReasonedAction(String path, String reasonRequiredKey, String notDoneKey, String doneKey) {
    }

    private String withReason(ReasonedAction action, OidcUser principal, UUID id, String reason, String etag,
                              Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String text = reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX) {
            // nothing is sent: the form says what is missing and keeps what was typed
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("reasonErrorKey", text.isEmpty() ? action.reasonRequiredKey()
                    : "agreementApprovals.reason.tooLong");
            model.addAttribute("reason", reason);
            // the form still rests on the version it was read with: a change since is a 412 when it is sent
            model.addAttribute(ETAG, etag);
            return show(principal, id, model);
        }
        try {
            gateway.sendIfMatch(etag, HttpMethod.POST, AGREEMENTS + "/{id}" + action.path(), Map.of("reason", text),
                    id);
        } catch (GatewayProblem problem) {
            model.addAttribute("reason", reason);
            return refused(principal, id, problem, etag, action.notDoneKey(), model, response);
        }
        redirect.addFlashAttribute("noticeKey", action.doneKey());
        return "redirect:/agreement-approvals/" + id;
    }

    /**
     * Onboarding's refusal (403 four-eyes or role, 409 no longer awaiting it, 400, 412 changed since the page was
     * read) on the version as it is now. Stale: the page shows the current version with its current tag; else the
     * form keeps the tag it was read with.
     */
    private String refused(OidcUser principal, UUID id, GatewayProblem problem, String etag, String titleKey,
                           Model model, HttpServletResponse response) {
        if (!problem.isForTheForm()) {
            throw problem;
        }
        response.setStatus(problem.pageStatus().value());
        model.addAttribute("problemTitleKey", titleKey);
        if (problem.isStale()) {
            model.addAttribute("problemKey", "form.stale");
            return show(principal, id, model);
        }
        model.addAttribute(ETAG, etag);
        if (problem.status() == 403) {
            // four-eyes and role refusals are said in words (onboarding's detail is written for API clients)
            model.addAttribute("problemKey", !"four-eyes".equals(problem.slug()) ? "agreementApprovals.roleRefused"
                    : "agreementApprovals.notSentBack".equals(titleKey) ? "agreementApprovals.sendBack.fourEyes"
                    : "agreementApprovals.fourEyes");
        } else if (problem.detail() != null) {
            // a conflict's reason (approved or withdrawn meanwhile) as onboarding gives it
            model.addAttribute("problemDetail", problem.detail());
        }
        return show(principal, id, model);
    }

    private String show(OidcUser principal, UUID id, Model model) {
        Gateway.Tagged read = gateway.read(AGREEMENTS + "/{id}", id);
        JsonNode agreement = read.resource();
        if (!model.containsAttribute(ETAG)) {
            model.addAttribute(ETAG, read.entityTag());
        }
        model.addAttribute("agreement", agreement);
        model.addAttribute("terms", agreement.path("terms"));
        JsonNode approval = agreement.path("termsApproval");
        boolean awaiting = "PENDING_APPROVAL".equals(agreement.path("status").asString(""))
                && approval.path("approvedBy").asString("").isBlank();
        model.addAttribute("awaiting", awaiting);
        // onboarding names only the proposer; a creator or editor is refused by its 403 (said in words)
        boolean proposedIt = PortalUser.of(principal).username().equals(approval.path("proposedBy").asString(""));
        model.addAttribute("proposedIt", proposedIt);
        model.addAttribute("mayApprove", awaiting && !proposedIt);
        JsonNode previous;
        try {
            previous = previous(agreement);
        } catch (GatewayException unreadable) {
            // the terms are still worth showing; the page says the comparison is missing
            log.warn("previous version of agreement {} not available: {}", id, unreadable.getMessage());
            model.addAttribute("previousUnreadable", true);
            previous = null;
        }
        if (previous != null) {
            model.addAttribute("previous", previous);
        }
        if (previous != null) {
            model.addAttribute("changed", TermsChanges.between(previous.path("terms"), agreement.path("terms")));
        }
        return "agreement-approval";
    }

    /** The partner's version before this one, or null for a first version. */
    private JsonNode previous(JsonNode agreement) {
        int version = agreement.path("version").asInt(0);
        String partner = agreement.path("engagedParty").path(0).path("id").asString("");
        if (version <= 1 || partner.isBlank()) {
            return null;
        }
        Gateway.Listing listing = gateway.list(AGREEMENTS + "?engagedParty.id={partner}&version={version}"
                + "&offset=0&limit=1", partner, version - 1);
        return listing.items().isEmpty() ? null : listing.items().get(0);
    }
}
