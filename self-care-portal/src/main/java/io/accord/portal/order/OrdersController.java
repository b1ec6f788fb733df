package io.accord.portal.order;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Product orders (TMF622, orchestration-service): the partner's orders with a state filter, and an order's progress
 * per item (state, the failing step and why); a running order's progress panel refreshes itself (htmx).
 */
@Controller
class OrdersController {

    static final String ORDERS = "/tmf-api/productOrderingManagement/v4/productOrder";
    static final List<String> STATES = List.of("acknowledged", "inProgress", "pendingCancellation", "completed",
            "partial", "failed", "cancelled");
    private static final Set<String> FINAL = Set.of("completed", "partial", "failed", "cancelled");
    private static final int PAGE_SIZE = 20;

    private final Gateway gateway;

    OrdersController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/orders")
    String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "0") int page,
                Model model, HttpServletResponse response) {
        String filter = state.strip();
        model.addAttribute("states", STATES);
        if (!filter.isEmpty() && !STATES.contains(filter)) {
            Paging.refused(model, response, "orders.filter.state", filter);
            model.addAttribute("orders", List.of());
            model.addAttribute("state", "");
            return "orders";
        }
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = filter.isEmpty()
                ? gateway.list(ORDERS + "?offset={offset}&limit={limit}", offset, PAGE_SIZE)
                : gateway.list(ORDERS + "?state={state}&offset={offset}&limit={limit}", filter, offset, PAGE_SIZE);
        Paging.into(model, listing, page, offset, PAGE_SIZE);
        model.addAttribute("orders", listing.items());
        model.addAttribute("state", filter);
        return "orders";
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable UUID id, Model model) {
        progress(id, model);
        return "orders-detail";
    }

    /** The progress panel alone, for htmx's polling while the order runs. */
    @GetMapping("/orders/{id}/progress")
    String progressPanel(@PathVariable UUID id, Model model) {
        progress(id, model);
        return "orders-detail :: progress";
    }

    private void progress(UUID id, Model model) {
        JsonNode order = gateway.get(ORDERS + "/{id}", id);
        model.addAttribute("order", order);
        model.addAttribute("running", isRunning(order));
    }

    static boolean isRunning(JsonNode order) {
        return !FINAL.contains(order.path("state").asString(""));
    }
}
