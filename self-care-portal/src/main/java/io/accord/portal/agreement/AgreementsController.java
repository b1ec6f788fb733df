package io.accord.portal.agreement;

import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.security.PortalUser;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The partner's agreements (TMF651, onboarding-service): every version with its status, period and commercial
 * terms; a version proposed by the CSP ({@code PENDING_APPROVAL}) is countersigned by a partner admin once a second
 * CSP user has approved its terms ({@code termsApproval.approvedAt}); until then the page says it awaits that approval.
 * The countersignature sends the {@code ETag} of the version the page showed as {@code If-Match}: terms changed since
 * are not signed (onboarding's 412); the page says so and shows the version as it is now (docs/portal.md "Stale
 * forms").
 */
@Controller
class AgreementsController {

    static final String AGREEMENTS = "/tmf-api/agreementManagement/v4/agreement";
    private static final int PAGE_SIZE = 20;

    private final Gateway gateway;

    AgreementsController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/agreements")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = gateway.list(AGREEMENTS + "?offset={offset}&limit={limit}", offset, PAGE_SIZE);
        model.addAttribute("agreements", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", offset + listing.items().size() < listing.total());
        return "agreements";
    }

    @GetMapping("/agreements/{id}")
    String agreement(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id, Model model) {
        return show(principal, gateway.read(AGREEMENTS + "/{id}", id), model);
    }

    @PostMapping("/agreements/{id}/countersignature")
    String countersign(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id,
                       @RequestParam(defaultValue = "") String etag, Model model, RedirectAttributes redirect,
                       HttpServletResponse response) {
        try {
            gateway.sendIfMatch(etag, HttpMethod.POST, AGREEMENTS + "/{id}/countersignature", null, id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            // changed since the page was read (412), no longer proposed (countersigned or withdrawn meanwhile), or
            // not the user's to sign: say so; the button has no input to keep, the page shows the version as it is
            response.setStatus(problem.pageStatus().value());
            if (problem.isStale()) {
                model.addAttribute("problemKey", "form.stale");
            } else {
                model.addAttribute("problem", problem);
            }
            return show(principal, gateway.read(AGREEMENTS + "/{id}", id), model);
        }
        redirect.addFlashAttribute("noticeKey", "agreements.countersigned");
        return "redirect:/agreements/" + id;
    }

    private static String show(OidcUser principal, Gateway.Tagged read, Model model) {
        JsonNode agreement = read.resource();
        model.addAttribute("etag", read.entityTag());
        model.addAttribute("agreement", agreement);
        model.addAttribute("terms", agreement.path("terms"));
        boolean proposed = "PENDING_APPROVAL".equals(agreement.path("status").asString(""));
        // four-eyes (ADR 0005): a second CSP user approves the proposed terms before the partner may countersign
        // approvedAt, not approvedBy: a partner's users are shown no staff names (onboarding leaves them out)
        boolean termsApproved = !agreement.path("termsApproval").path("approvedAt").asString("").isBlank();
        model.addAttribute("signs", PortalUser.of(principal).hasRole(Roles.PARTNER_ADMIN) && proposed && termsApproved);
        model.addAttribute("awaitsCspApproval", proposed && !termsApproved);
        return "agreements-detail";
    }
}
