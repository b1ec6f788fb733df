package io.accord.portal.order;

import io.accord.portal.layout.Ids;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Product instances (TMF637, orchestration-service): a partner sees the instances of its offerings (as owner or
 * co-creation participant) and the ones it bought as a reseller; the list says which is which and filters by status
 * and offering.
 */
@Controller
class ProductsController {

    static final String PRODUCTS = "/tmf-api/productInventory/v4/product";
    static final List<String> STATUSES = List.of("created", "active", "suspended", "terminated", "cancelled");
    private static final int PAGE_SIZE = 20;

    private final Gateway gateway;
    private final PartnerNames partnerNames;

    ProductsController(Gateway gateway, PartnerNames partnerNames) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
    }

    @GetMapping("/products")
    String list(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String offering, @RequestParam(defaultValue = "0") int page,
                Model model, HttpServletResponse response) {
        String filter = status.strip();
        String offeringId = offering.strip();
        model.addAttribute("statuses", STATUSES);
        if (!filter.isEmpty() && !STATUSES.contains(filter) || !offeringId.isEmpty() && !Ids.isUuid(offeringId)) {
            boolean badStatus = !filter.isEmpty() && !STATUSES.contains(filter);
            Paging.refused(model, response, badStatus ? "products.filter.status" : "products.filter.offering",
                    badStatus ? filter : offeringId);
            model.addAttribute("filterField", badStatus ? "status" : "offering");
            model.addAttribute("products", List.of());
            model.addAttribute("status", badStatus ? "" : filter);
            model.addAttribute("offering", offeringId);
            return "orders-products";
        }
        int offset = Math.max(0, page) * PAGE_SIZE;
        StringBuilder uri = new StringBuilder(PRODUCTS + "?offset={offset}&limit={limit}");
        List<Object> variables = new java.util.ArrayList<>(List.of(offset, PAGE_SIZE));
        if (!filter.isEmpty()) {
            uri.append("&status={status}");
            variables.add(filter);
        }
        if (!offeringId.isEmpty()) {
            uri.append("&productOffering.id={offering}");
            variables.add(offeringId);
        }
        Gateway.Listing listing = gateway.list(uri.toString(), variables.toArray());
        Paging.into(model, listing, page, offset, PAGE_SIZE);
        String partnerId = PortalUser.of(principal).partnerId();
        List<Row> rows = new java.util.ArrayList<>();
        listing.items().forEach(item -> rows.add(new Row(item, relation(item, partnerId))));
        model.addAttribute("products", rows);
        model.addAttribute("status", filter);
        model.addAttribute("offering", offeringId);
        return "orders-products";
    }

    /**
     * An instance. Its orders are listed (and linked) only for the partner that bought it, or staff: the owner of
     * the offering cannot open a reseller's orders (the service answers 404), and their ids are the buyer's.
     */
    @GetMapping("/products/{id}")
    String product(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id, Model model) {
        JsonNode product = gateway.get(PRODUCTS + "/{id}", id);
        String partnerId = PortalUser.of(principal).partnerId();
        model.addAttribute("product", product);
        model.addAttribute("partnerNames", PartyNames.of(partnerNames, product));
        model.addAttribute("relation", relation(product, partnerId));
        model.addAttribute("ordersShown", partnerId == null || boughtBy(product, partnerId));
        return "orders-product";
    }

    /** An instance and how the partner relates to it. */
    record Row(JsonNode product, String relation) {
    }

    /**
     * How the partner relates to an instance: {@code Buyer} (it bought it, also when the offering is its own) or
     * {@code Owner}/{@code Participant}; none ({@code ""}) for staff.
     */
    static String relation(JsonNode product, String partnerId) {
        if (partnerId == null) {
            return "";
        }
        if (boughtBy(product, partnerId)) {
            return "Buyer";
        }
        for (JsonNode party : product.path("relatedParty")) {
            if (party.path("id").asString("").equals(partnerId)) {
                return party.path("role").asString("");
            }
        }
        return "";
    }

    /** Whether the partner is the instance's buyer: it placed the instance's orders. */
    static boolean boughtBy(JsonNode product, String partnerId) {
        for (JsonNode party : product.path("relatedParty")) {
            if ("Buyer".equals(party.path("role").asString("")) && party.path("id").asString("").equals(partnerId)) {
                return true;
            }
        }
        return false;
    }
}
