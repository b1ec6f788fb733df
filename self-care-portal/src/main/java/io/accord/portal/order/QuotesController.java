package io.accord.portal.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpMethod;
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
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Quotes (TMF648, orchestration-service): the partner's quotes with a state filter, a quote's items and prices, a
 * new quote for an offering with its characteristic values (each error shown at its characteristic), and the moves
 * approve, accept (which creates the product order) and reject.
 */
@Controller
class QuotesController {

    static final String QUOTES = "/tmf-api/quoteManagement/v4/quote";
    static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";
    static final String SPECIFICATIONS = "/tmf-api/productCatalogManagement/v4/productSpecification";
    static final List<String> STATES = List.of("inProgress", "approved", "accepted", "rejected", "expired");
    private static final Set<String> MOVES = Set.of("approved", "accepted", "rejected");
    private static final int PAGE_SIZE = 20;
    private static final int FREE_ROWS = 5;

    private final Gateway gateway;

    QuotesController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/quotes")
    String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "0") int page,
                Model model) {
        String filter = STATES.contains(state) ? state : "";
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = filter.isEmpty()
                ? gateway.list(QUOTES + "?offset={offset}&limit={limit}", offset, PAGE_SIZE)
                : gateway.list(QUOTES + "?state={state}&offset={offset}&limit={limit}", filter, offset, PAGE_SIZE);
        Paging.into(model, listing, page, offset);
        model.addAttribute("quotes", listing.items());
        model.addAttribute("state", filter);
        model.addAttribute("states", STATES);
        return "orders-quotes";
    }

    @GetMapping("/quotes/{id}")
    String quote(@PathVariable UUID id, Model model) {
        model.addAttribute("quote", gateway.get(QUOTES + "/{id}", id));
        return "orders-quote";
    }

    /** The form: the offering chosen (from the ones the user can read) and its characteristics, if readable. */
    @GetMapping("/quotes/new")
    String form(@RequestParam(defaultValue = "") String offering, Model model) {
        model.addAttribute("offerings", gateway.list(OFFERINGS + "?lifecycleStatus=Launched&offset=0&limit=100")
                .items());
        model.addAttribute("offering", offering.strip());
        List<Characteristic> characteristics = offering.isBlank() ? List.of() : characteristics(offering.strip());
        model.addAttribute("characteristics", characteristics);
        model.addAttribute("freeRows", characteristics.isEmpty() ? FREE_ROWS : 0);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of("quantity", "1"));
            model.addAttribute("errors", Map.of());
            model.addAttribute("characteristicErrors", Map.of());
        }
        return "orders-quote-new";
    }

    @PostMapping("/quotes")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
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
            model.addAttribute("errors", QuoteForm.fieldErrors(problem));
            model.addAttribute("characteristicErrors", QuoteForm.characteristicErrors(problem));
            model.addAttribute("values", form);
            return form(offering, model);
        }
        redirect.addFlashAttribute("noticeKey", "quotes.created");
        return "redirect:/quotes/" + created.path("id").asString();
    }

    @PostMapping("/quotes/{id}/state")
    String move(@PathVariable UUID id, @RequestParam(defaultValue = "") String state, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        if (!MOVES.contains(state)) {
            response.setStatus(400);
            model.addAttribute("quote", gateway.get(QUOTES + "/{id}", id));
            model.addAttribute("problemKey", "quotes.badMove");
            return "orders-quote";
        }
        try {
            gateway.send(HttpMethod.PATCH, QUOTES + "/{id}", Map.of("state", state), id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            response.setStatus(problem.status());
            model.addAttribute("quote", gateway.get(QUOTES + "/{id}", id));
            model.addAttribute("problem", problem);
            return "orders-quote";
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

    private List<Characteristic> characteristics(String offeringId) {
        try {
            JsonNode offering = gateway.get(OFFERINGS + "/{id}", offeringId);
            String spec = offering.path("productSpecification").path("id").asString("");
            if (spec.isEmpty()) {
                return List.of();
            }
            List<Characteristic> characteristics = new ArrayList<>();
            for (JsonNode c : gateway.get(SPECIFICATIONS + "/{id}", spec).path("productSpecCharacteristic")) {
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
            return characteristics;
        } catch (GatewayException unreadable) {
            // another partner's offering (a reseller may quote it) is not readable here: free name/value rows
            return List.of();
        }
    }
}
