package io.accord.portal.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.PageBounds;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Co-creation consent (docs/catalog-model.md, "Co-creation consent"): the drafts of other partners that name the
 * user's partner as co-creator and that it has not accepted, with the shares proposed; its partner admins accept
 * (bound by the share once the offering launches) or decline (it leaves the draft), each after ticking a
 * confirmation. Partner users see the list only; catalog refuses their decision too.
 */
@Controller
class CoCreationController {

    static final String INVITATIONS = "/api/catalog/co-creation-invitations";
    private static final String DECISION = "/api/catalog/offerings/{id}/co-creation/decision";
    private static final Set<String> ANSWERS = Set.of("ACCEPT", "DECLINE");
    /** What the catalog answers when a decision cannot be taken: shown with its detail, nothing changed. */
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 409, 422);
    private static final int PAGE_SIZE = 25;
    private static final int REASON_MAX = 2000;

    private final Gateway gateway;
    private final PartnerNames partnerNames;

    CoCreationController(Gateway gateway, PartnerNames partnerNames) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
    }

    /** A co-creator named on the draft: its proposed share, consent, and who named it when. */
    record CoCreator(String partnerId, BigDecimal sharePercent, String consent, String invitedBy, String invitedAt) {
    }

    /** An invitation: the draft's name, the partner proposing it and every co-creator's share, the user's own apart. */
    record Invitation(String offeringId, String name, String ownerPartnerId, String offeringStatus,
                      List<CoCreator> coCreators, CoCreator own) {

        static Invitation of(JsonNode item, String partnerId) {
            List<CoCreator> coCreators = new ArrayList<>();
            CoCreator own = null;
            for (JsonNode c : item.path("coCreators")) {
                CoCreator coCreator = new CoCreator(c.path("partnerId").asString(""),
                        c.path("sharePercent").isNull() || c.path("sharePercent").isMissingNode() ? null
                                : c.path("sharePercent").decimalValue(),
                        c.path("consent").asString(""), c.path("invitedBy").asString(""),
                        Display.instant(c.path("invitedAt").asString("")));
                coCreators.add(coCreator);
                if (coCreator.partnerId().equalsIgnoreCase(partnerId == null ? "" : partnerId)) {
                    own = coCreator;
                }
            }
            return new Invitation(item.path("offeringId").asString(""), item.path("name").asString(""),
                    item.path("ownerPartnerId").asString(""), item.path("offeringStatus").asString(""),
                    coCreators, own);
        }
    }

    @GetMapping("/catalog/co-creation")
    String invitations(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        int current = Math.max(0, page);
        Gateway.Listing listing = gateway.list(INVITATIONS + "?offset={offset}&limit={limit}", current * PAGE_SIZE,
                PAGE_SIZE);
        String partnerId = PortalUser.of(user).partnerId();
        List<Invitation> invitations = new ArrayList<>();
        listing.items().forEach(item -> invitations.add(Invitation.of(item, partnerId)));
        List<String> partners = new ArrayList<>();
        invitations.forEach(i -> {
            partners.add(i.ownerPartnerId());
            i.coCreators().forEach(c -> partners.add(c.partnerId()));
        });
        model.addAttribute("invitations", invitations);
        model.addAttribute("partnerNames", partnerNames.of(partners));
        model.addAttribute("ownPartnerId", partnerId == null ? "" : partnerId);
        model.addAttribute("decides", StaffActions.mayAct(user, Roles.PARTNER_ADMIN));
        model.addAttribute("total", listing.total());
        model.addAttribute("page", current);
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < listing.total());
        return "catalog-cocreation";
    }

    /**
     * Sends the partner admin's answer. Bad input (no confirmation, an unknown answer, a reason too long) is a 400
     * with nothing sent; catalog's refusal (409 answered already or no longer a draft, 404 no longer named) is shown
     * with its status on the list, nothing changed.
     */
    @PostMapping("/catalog/co-creation/{id}/decision")
    String decide(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "false") boolean confirmed,
                  @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        StaffActions.require(user, Roles.PARTNER_ADMIN);
        String answer = decision.strip();
        String text = reason.strip();
        String invalid = !ANSWERS.contains(answer) ? "coCreation.decision.invalid"
                : !confirmed ? "coCreation.confirm.required"
                : text.length() > REASON_MAX ? "coCreation.reason.tooLong" : null;
        if (invalid != null) {
            return refused(HttpServletResponse.SC_BAD_REQUEST, invalid, null, user, model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", answer);
        if (!text.isEmpty()) {
            body.put("reason", text);
        }
        try {
            gateway.post(DECISION, body, id);
        } catch (GatewayException e) {
            if (!REFUSALS.contains(e.status())) {
                throw e;
            }
            String key = e.status() == 409 ? "coCreation.conflict"
                    : e.status() == 404 ? "coCreation.gone" : "coCreation.refused";
            return refused(e.status(), key, e.detail(), user, model, response);
        }
        redirect.addFlashAttribute("decidedKey", "ACCEPT".equals(answer) ? "coCreation.accepted"
                : "coCreation.declined");
        redirect.addFlashAttribute("decidedName", name.strip());
        return "redirect:/catalog/co-creation";
    }

    private String refused(int status, String errorKey, String detail, OidcUser user, Model model,
                           HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("errorDetail", detail);
        return invitations(user, 0, model);
    }
}
