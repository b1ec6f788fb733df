package io.accord.portal.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

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
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.layout.FormProblems;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Quotes (TMF648, orchestration-service): the partner's quotes with a state filter, a quote's items and prices, a
 * new quote for an offering with its characteristic values (each error shown at its characteristic), and the moves
 * approve, accept (which creates the product order) and reject. A move sends back the {@code ETag} the quote's page was
 * read with as {@code If-Match} (none while orchestration sends none): a quote someone changed meanwhile is not moved,
 * the page says so and shows the current quote.
 */
@Controller
class QuotesController {

    static final String QUOTES = "/tmf-api/quoteManagement/v4/quote";
    static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";
    static final String SPECIFICATIONS = "/tmf-api/productCatalogManagement/v4/productSpecification";
    static final List<String> STATES = List.of("inProgress", "approved", "accepted", "rejected", "expired");
    /** Orchestration's 409 for a CSP offering quoted by a partner that does not resell. */
    private static final String NOT_A_RESELLER = "is the CSP's own";
    private static final Set<String> MOVES = Set.of("approved", "accepted", "rejected");
    private static final int PAGE_SIZE = 20;
    private static final int FREE_ROWS = 5;
    /** Launched offerings per page of the form's picker. */
    static final int OFFERINGS_PAGE = 100;

    private final Gateway gateway;
    private final QuotableOfferings quotable;
    private final FormProblems formProblems;
    private final PartnerNames partnerNames;

    QuotesController(Gateway gateway, QuotableOfferings quotable, FormProblems formProblems,
                     PartnerNames partnerNames) {
        this.gateway = gateway;
        this.quotable = quotable;
        this.formProblems = formProblems;
        this.partnerNames = partnerNames;
    }

    @GetMapping("/quotes")
    String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "0") int page,
                Model model, HttpServletResponse response) {
        String filter = state.strip();
        model.addAttribute("states", STATES);
        if (!filter.isEmpty() && !STATES.contains(filter)) {
            Paging.refused(model, response, "quotes.filter.state", filter);
            model.addAttribute("quotes", List.of());
            model.addAttribute("state", "");
            return "orders-quotes";
        }
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = filter.isEmpty()
                ? gateway.list(QUOTES + "?offset={offset}&limit={limit}", offset, PAGE_SIZE)
                : gateway.list(QUOTES + "?state={state}&offset={offset}&limit={limit}", filter, offset, PAGE_SIZE);
        Paging.into(model, listing, page, offset, PAGE_SIZE);
        model.addAttribute("quotes", listing.items());
        model.addAttribute("state", filter);
        return "orders-quotes";
    }

    @GetMapping("/quotes/{id}")
    String quote(@PathVariable UUID id, @AuthenticationPrincipal OidcUser user, Model model) {
        return shown(gateway.read(QUOTES + "/{id}", id), user, model);
    }

    /**
     * The quote's page. "Approve" is offered only to whom orchestration lets approve it: a quote whose discount is
     * above the limit of the role that set it ({@code discountNeedsApproval}) only to a partner manager; anyone else
     * reads that a partner manager must approve it (until 2026-12-07 the button was offered and answered a 409 in
     * English).
     */
    private String shown(Gateway.Tagged read, OidcUser user, Model model) {
        JsonNode quote = read.resource();
        model.addAttribute("etag", read.entityTag());
        boolean needsManager = quote.path("discountNeedsApproval").asBoolean(false);
        boolean manager = user != null && PortalUser.of(user).hasRole(Roles.PARTNER_MANAGER);
        model.addAttribute("quote", quote);
        model.addAttribute("partnerNames", PartyNames.of(partnerNames, quote));
        model.addAttribute("mayApprove", !needsManager || manager);
        model.addAttribute("waitsForManager", needsManager && !manager);
        return "orders-quote";
    }

    /**
     * The form: the offering chosen (from the ones the user can read) and its characteristics. A malformed offering
     * id is a 400 and an offering the catalog does not show the user a 404, both on this page without the order
     * form; an offering whose specification names no characteristics (or cannot be read) gets free name/value rows.
     */
    @GetMapping("/quotes/new")
    String form(@RequestParam(defaultValue = "") String offering,
                @RequestParam(defaultValue = "0") int offeringsPage, @AuthenticationPrincipal OidcUser user,
                Model model, HttpServletResponse response) {
        return page(offering, offeringsPage, quotable.forPartner(PortalUser.of(user).partnerId()), model, response);
    }

    private String page(String offering, int offeringsPage, Predicate<JsonNode> quotableByUser, Model model,
                        HttpServletResponse response) {
        int page = Math.max(0, offeringsPage);
        Gateway.Listing offerings = gateway.list(OFFERINGS
                + "?lifecycleStatus=Launched&offset={offset}&limit={limit}", page * OFFERINGS_PAGE, OFFERINGS_PAGE);
        // only what orchestration would sell this partner (a SELL_THROUGH partner: none of the CSP's own)
        List<JsonNode> choices = new ArrayList<>();
        offerings.items().forEach(item -> {
            if (quotableByUser.test(item)) {
                choices.add(item);
            }
        });
        model.addAttribute("offerings", choices);
        model.addAttribute("offeringsPage", page);
        model.addAttribute("offeringsTotal", offerings.total());
        model.addAttribute("offeringsHasNext", (long) (page + 1) * OFFERINGS_PAGE < offerings.total());
        String id = offering.strip();
        model.addAttribute("offeringAsked", id);
        Offering chosen = id.isEmpty() ? Offering.NONE : offering(id, quotableByUser);
        if (chosen.status() != 200 && response.getStatus() < 400) {
            // a refused quote keeps its own status
            response.setStatus(chosen.status());
        }
        model.addAttribute("offering", chosen.status() == 200 ? id : "");
        model.addAttribute("offeringName", chosen.name().isBlank() ? id : chosen.name());
        model.addAttribute("offeringErrorKey", chosen.errorKey());
        model.addAttribute("characteristics", chosen.characteristics());
        model.addAttribute("specificationReadable", chosen.specificationReadable());
        model.addAttribute("freeRows", chosen.characteristics().isEmpty() ? FREE_ROWS : 0);
        model.addAttribute("maxQuantity", QuoteForm.MAX_QUANTITY);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of("quantity", "1"));
            model.addAttribute("errors", Map.of());
            model.addAttribute("characteristicErrors", Map.of());
        }
        return "orders-quote-new";
    }

    @PostMapping("/quotes")
    String create(@RequestParam Map<String, String> form, @AuthenticationPrincipal OidcUser user, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        String offering = form.getOrDefault("offeringId", "").strip();
        JsonNode created;
        try {
            created = gateway.send(HttpMethod.POST, QUOTES, QuoteForm.body(form));
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            response.setStatus(problem.status());
            model.addAttribute("problem", problem);
            if (problem.status() == 409 && problem.detail() != null && problem.detail().contains(NOT_A_RESELLER)) {
                // orchestration's reason names ids and its rule: said in plain words
                model.addAttribute("problemKey", "quotes.notAReseller");
            }
            // the service's English messages in the user's language, its detail for staff only
            model.addAttribute("errors", formProblems.localized(QuoteForm.fieldErrors(problem)));
            model.addAttribute("characteristicErrors",
                    formProblems.localized(QuoteForm.characteristicErrors(problem, form)));
            model.addAttribute("values", form);
            // the language switch of this answer leads to the form, not to the POST's address
            model.addAttribute("formPage", org.springframework.web.util.UriComponentsBuilder.fromPath("/quotes/new")
                    .queryParam("offering", offering).encode().build().toUriString());
            return page(offering, 0, quotable.forPartner(PortalUser.of(user).partnerId()), model, response);
        }
        redirect.addFlashAttribute("noticeKey", "quotes.created");
        return "redirect:/quotes/" + created.path("id").asString();
    }

    @PostMapping("/quotes/{id}/state")
    String move(@PathVariable UUID id, @RequestParam(defaultValue = "") String state,
                @RequestParam(defaultValue = "") String etag, @AuthenticationPrincipal OidcUser user, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        if (!MOVES.contains(state)) {
            response.setStatus(400);
            model.addAttribute("problemKey", "quotes.badMove");
            return shown(gateway.read(QUOTES + "/{id}", id), user, model);
        }
        try {
            gateway.sendIfMatch(etag, HttpMethod.PATCH, QUOTES + "/{id}", Map.of("state", state), id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            response.setStatus(problem.pageStatus().value());
            // the buttons have no input to keep: the page shows the quote as it is now, with its current tag
            Gateway.Tagged read = gateway.read(QUOTES + "/{id}", id);
            JsonNode quote = read.resource();
            if (problem.isStale()) {
                model.addAttribute("problemKey", "form.stale");
            } else if ("approved".equals(state) && problem.status() == 409
                    && quote.path("discountNeedsApproval").asBoolean(false)) {
                // orchestration's English "... a partner manager approves it", said in the user's language
                model.addAttribute("problemKey", "quotes.approveNeedsManager");
            } else {
                model.addAttribute("problem", problem);
            }
            return shown(read, user, model);
        }
        if ("accepted".equals(state)) {
            String order = orderOf(id.toString());
            if (order != null) {
                redirect.addFlashAttribute("noticeKey", "orders.fromQuote");
                return "redirect:/orders/" + order;
            }
        }
        redirect.addFlashAttribute("noticeKey", "quotes.moved." + state);
        return "redirect:/quotes/" + id;
    }

    /** The order an accepted quote created: one of the newest (orders are listed oldest first). */
    private String orderOf(String quoteId) {
        long total = gateway.list(OrdersController.ORDERS + "?offset=0&limit=1&fields=quote").total();
        long offset = Math.max(0, total - 20);
        for (JsonNode order : gateway.list(OrdersController.ORDERS + "?offset={offset}&limit=20&fields=quote",
                offset).items()) {
            if (quoteId.equals(order.path("quote").path(0).path("id").asString(""))) {
                return order.path("id").asString();
            }
        }
        return null;
    }

    /** A configurable characteristic of the offering's specification, as the form asks for it. */
    record Characteristic(String name, String valueType, boolean configurable, boolean required, List<String> values,
                          String min, String max, String unit, String fixedValue) {
    }

    /**
     * The offering as the form uses it: its status (200; 400 for a malformed id; 404 when the catalog does not show
     * it to the user, unknown or another partner's), a message key for the page when not 200, and its
     * characteristics. A specification the user cannot read (404, 403) leaves free name/value rows.
     */
    record Offering(int status, String errorKey, String name, List<Characteristic> characteristics,
                    boolean specificationReadable) {

        static final Offering NONE = new Offering(200, null, "", List.of(), true);
    }

    private Offering offering(String offeringId, Predicate<JsonNode> quotableByUser) {
        UUID id;
        try {
            id = UUID.fromString(offeringId);
        } catch (IllegalArgumentException malformed) {
            return new Offering(400, "quotes.offering.invalid", "", List.of(), true);
        }
        JsonNode offering;
        try {
            offering = gateway.get(OFFERINGS + "/{id}", id);
        } catch (GatewayException e) {
            if (e.status() != 404 && e.status() != 400 && e.status() != 403) {
                throw e;
            }
            return new Offering(404, "quotes.offering.unknown", "", List.of(), true);
        }
        String name = offering.path("name").asString("");
        if (!quotableByUser.test(offering)) {
            return new Offering(409, "quotes.offering.notQuotable", name, List.of(), true);
        }
        String spec = offering.path("productSpecification").path("id").asString("");
        if (spec.isEmpty()) {
            return new Offering(200, null, name, List.of(), true);
        }
        JsonNode specification;
        try {
            specification = gateway.get(SPECIFICATIONS + "/{id}", spec);
        } catch (GatewayException e) {
            if (e.status() != 404 && e.status() != 403) {
                throw e;
            }
            // not readable here: free name/value rows
            return new Offering(200, null, name, List.of(), false);
        }
        List<Characteristic> characteristics = new ArrayList<>();
        for (JsonNode c : specification.path("productSpecCharacteristic")) {
            List<String> values = new ArrayList<>();
            String min = "";
            String max = "";
            String unit = "";
            for (JsonNode v : c.path("productSpecCharacteristicValue")) {
                if (v.has("value")) {
                    values.add(v.path("value").asString(""));
                }
                min = v.path("valueFrom").asString(min);
                max = v.path("valueTo").asString(max);
                unit = v.path("unitOfMeasure").asString(unit);
            }
            boolean configurable = c.path("configurable").asBoolean(true);
            characteristics.add(new Characteristic(c.path("name").asString(""),
                    c.path("valueType").asString("string").toLowerCase(java.util.Locale.ROOT), configurable,
                    c.path("minCardinality").asInt(0) > 0, configurable ? values : List.of(), min, max, unit,
                    configurable || values.isEmpty() ? "" : values.getFirst()));
        }
        return new Offering(200, null, name, characteristics, true);
    }
}
