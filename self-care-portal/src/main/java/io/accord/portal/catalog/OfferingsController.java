package io.accord.portal.catalog;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.security.PortalUser;
import io.accord.portal.layout.PageBounds;
import tools.jackson.databind.JsonNode;

/**
 * A partner's catalog (TMF620 through the gateway): the catalog shows a partner its own offerings, those it
 * co-creates and the CSP's launched ones; a column says whose each is.
 */
@Controller
class OfferingsController {

    private static final int PAGE_SIZE = 25;
    private static final Logger log = LoggerFactory.getLogger(OfferingsController.class);

    private final Gateway gateway;

    OfferingsController(Gateway gateway) {
        this.gateway = gateway;
    }

    /** {@code owner}: {@code YOURS}, {@code CO_CREATED} (another's, the partner participates) or {@code CSP}. */
    record Row(String id, String name, String lifecycleStatus, String version, String lastUpdate, String validFrom,
               String owner) {
    }

    @GetMapping("/catalog")
    String offerings(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal OidcUser user,
                     Model model) {
        String partnerId = PortalUser.of(user).partnerId();
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = gateway.list(
                "/tmf-api/productCatalogManagement/v4/productOffering?offset={offset}&limit={limit}", offset,
                PAGE_SIZE);
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : listing.items()) {
            rows.add(new Row(item.path("id").asString(), item.path("name").asString(""),
                    item.path("lifecycleStatus").asString(""), item.path("version").asString(""),
                    item.path("lastUpdate").asString(""), item.path("validFor").path("startDateTime").asString(""),
                    owner(item, partnerId)));
        }
        model.addAttribute("offerings", rows);
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", offset + rows.size() < listing.total());
        model.addAttribute("pendingInvitations", pendingInvitations());
        return "catalog";
    }

    /**
     * How many co-creation invitations wait for the partner's answer (the count beside the link to them); 0 when
     * the catalog does not tell: the catalog page shows without it rather than fail.
     */
    private long pendingInvitations() {
        try {
            return gateway.list(CoCreationController.INVITATIONS + "?offset=0&limit=1").total();
        } catch (GatewayException e) {
            log.warn("co-creation invitations not available: {}", e.getMessage());
            return 0;
        }
    }

    /** Whose the offering is, as the partner reads it: the catalog lists the CSP's launched offerings too. */
    private static String owner(JsonNode offering, String partnerId) {
        String owner = "";
        boolean participates = false;
        for (JsonNode party : offering.path("relatedParty")) {
            String id = party.path("id").asString("");
            if ("Owner".equalsIgnoreCase(party.path("role").asString(""))) {
                owner = id;
            } else if (partnerId != null && partnerId.equalsIgnoreCase(id)) {
                participates = true;
            }
        }
        if (owner.isBlank()) {
            return "CSP";
        }
        return partnerId != null && partnerId.equalsIgnoreCase(owner) ? "YOURS" : participates ? "CO_CREATED" : "OTHER";
    }
}
