package io.accord.portal.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayProblem;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The partner cancels its order (TMF622 cancelProductOrder, docs/orchestration-orders.md "Cancellation and the point
 * of no return"): offered while the order is acknowledged or in progress; the service accepts it until an item's
 * outcome is made real, and otherwise answers 409 naming why, which the order's page shows at the form. Accepted, the
 * order is pendingCancellation and its progress panel follows it until it is cancelled.
 */
@Controller
class OrderCancellationController {

    static final String CANCELLATIONS = "/tmf-api/productOrderingManagement/v4/cancelProductOrder";
    /** The states in which the form is offered; the service decides on the point of no return. */
    static final Set<String> CANCELLABLE = Set.of("acknowledged", "inProgress");
    private static final int MAX_REASON = 2000;

    private final Gateway gateway;
    private final MessageSource messages;

    OrderCancellationController(Gateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    @PostMapping("/orders/{id}/cancellation")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            String message = messages.getMessage("orderCancel.error.reason", null, LocaleContextHolder.getLocale());
            return refused(id, reason, HttpStatus.BAD_REQUEST.value(), Map.of("cancellationReason", message), null,
                    model, response);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productOrder", Map.of("id", id.toString(), "@referredType", "ProductOrder"));
        body.put("cancellationReason", reason.strip());
        body.put("@type", "CancelProductOrder");
        JsonNode cancellation;
        try {
            cancellation = gateway.send(HttpMethod.POST, CANCELLATIONS, body);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            return refused(id, reason, problem.status(), problem.messagesByField(), problem.detail(), model,
                    response);
        }
        redirect.addFlashAttribute("noticeKey", "orderCancel.accepted");
        redirect.addFlashAttribute("cancellation", Map.of("id", cancellation.path("id").asString(""),
                "state", cancellation.path("state").asString("")));
        return "redirect:/orders/" + id;
    }

    /**
     * The order's page again, its current state read anew, with the reason kept and the errors at the field; an
     * order that can no longer be cancelled (it moved on meanwhile) gets no form again, only why it was refused.
     */
    private String refused(UUID id, String reason, int status, Map<String, String> errors, String detail, Model model,
                           HttpServletResponse response) {
        response.setStatus(status);
        JsonNode order = gateway.get(OrdersController.ORDERS + "/{id}", id);
        String state = order.path("state").asString("");
        if (!CANCELLABLE.contains(state) && detail == null) {
            detail = messages.getMessage("orderCancel.notCancellable", new Object[] {state},
                    LocaleContextHolder.getLocale());
        }
        model.addAttribute("order", order);
        model.addAttribute("running", OrdersController.isRunning(order));
        model.addAttribute("cancelReason", reason);
        model.addAttribute("cancelErrors", errors);
        model.addAttribute("cancelProblem", detail);
        return "orders-detail";
    }
}
