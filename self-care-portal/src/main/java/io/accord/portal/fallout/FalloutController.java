package io.accord.portal.fallout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import io.accord.portal.security.StaffActions;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff: orchestration's order fallout (docs/orchestration-saga.md): failed, compensated and stuck order sagas with
 * the failing step and its reason; ops and platform admins retry the step, skip it with a reason or cancel the saga
 * with a reason (its steps are compensated). Auditors read the queue.
 */
@Controller
class FalloutController {

    private static final String FALLOUT = "/api/orchestration/fallout";
    private static final String[] OPERATORS = {Roles.OPS, Roles.PLATFORM_ADMIN};
    private static final Set<String> STATES = Set.of("RUNNING", "FAILED", "COMPENSATING", "COMPENSATED");
    private static final int PAGE_SIZE = 25;
    private static final int REASON_MAX = 1000;

    private final Gateway gateway;

    FalloutController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/fallout")
    String queue(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String state,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        String filter = STATES.contains(state) ? state : "";
        Gateway.Listing listing = filter.isEmpty()
                ? gateway.list(FALLOUT + "?offset={offset}&limit={limit}", current * PAGE_SIZE, PAGE_SIZE)
                : gateway.list(FALLOUT + "?state={state}&offset={offset}&limit={limit}", filter,
                current * PAGE_SIZE, PAGE_SIZE);
        List<SagaRow> rows = new ArrayList<>();
        listing.items().forEach(item -> rows.add(SagaRow.ofFallout(item)));
        model.addAttribute("sagas", rows);
        model.addAttribute("total", listing.total());
        model.addAttribute("state", filter);
        model.addAttribute("states", List.of("FAILED", "RUNNING", "COMPENSATING", "COMPENSATED"));
        model.addAttribute("page", current);
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < listing.total());
        model.addAttribute("operates", StaffActions.mayAct(user, OPERATORS));
        return "fallout";
    }

    @PostMapping("/fallout/{sagaId}/retry")
    String retry(@AuthenticationPrincipal OidcUser user, @PathVariable UUID sagaId,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, OPERATORS);
        return acted(sagaId, "retry", Map.of(), htmx, model, redirect, response);
    }

    @PostMapping("/fallout/{sagaId}/skip")
    String skip(@AuthenticationPrincipal OidcUser user, @PathVariable UUID sagaId,
                @RequestParam(defaultValue = "") String reason,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, OPERATORS);
        return withReason(sagaId, "skip", reason, htmx, model, redirect, response);
    }

    @PostMapping("/fallout/{sagaId}/cancel")
    String cancel(@AuthenticationPrincipal OidcUser user, @PathVariable UUID sagaId,
                  @RequestParam(defaultValue = "") String reason,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, OPERATORS);
        return withReason(sagaId, "cancel", reason, htmx, model, redirect, response);
    }

    private String withReason(UUID sagaId, String action, String reason, String htmx, Model model,
                              RedirectAttributes redirect, HttpServletResponse response) {
        String text = reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX) {
            // bad input: nothing is sent to the gateway
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return failed(sagaId, text.isEmpty() ? "fallout.reason.required" : "fallout.reason.tooLong", null,
                    htmx, model, redirect, response);
        }
        return acted(sagaId, action, Map.of("reason", text), htmx, model, redirect, response);
    }

    private String acted(UUID sagaId, String action, Map<String, String> body, String htmx, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        SagaRow row;
        try {
            row = SagaRow.ofSaga(gateway.post(FALLOUT + "/{sagaId}/" + action, body, sagaId));
        } catch (GatewayException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            // completed meanwhile, or being worked right now: say why, with the saga as it is now
            response.setStatus(HttpStatus.CONFLICT.value());
            return failed(sagaId, "fallout.conflict", e.detail(), htmx, model, redirect, response);
        }
        if (htmx == null) {
            redirect.addFlashAttribute("acted", row);
            redirect.addFlashAttribute("actionKey", "fallout.done." + action);
            return "redirect:/fallout";
        }
        model.addAttribute("item", row);
        model.addAttribute("operates", true);
        model.addAttribute("rowNoticeKey", "fallout.done." + action);
        return "fallout :: row";
    }

    private String failed(UUID sagaId, String errorKey, String detail, String htmx, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        if (htmx == null) {
            redirect.addFlashAttribute("errorKey", errorKey);
            redirect.addFlashAttribute("errorDetail", detail);
            response.setStatus(HttpStatus.SEE_OTHER.value());
            return "redirect:/fallout";
        }
        model.addAttribute("item", SagaRow.ofSaga(gateway.get("/api/orchestration/sagas/{sagaId}", sagaId)));
        model.addAttribute("operates", true);
        model.addAttribute("rowErrorKey", errorKey);
        model.addAttribute("rowErrorDetail", detail);
        return "fallout :: row";
    }

    /** A saga in the queue: the order item it fulfils, where it is stuck and why. */
    record SagaRow(String sagaId, String reference, String orderId, String state, String reason, String stepType,
                   String stepState, int attempts, int maxAttempts, String nextAttemptAt, String updatedAt) {

        public String shortId() {
            return Display.shortId(sagaId);
        }

        /** Retry and skip work on a saga that is not final; cancel only on a running one. */
        public boolean actionable() {
            return !"COMPLETED".equals(state) && !"COMPENSATED".equals(state);
        }

        public boolean cancellable() {
            return "RUNNING".equals(state);
        }

        static SagaRow ofFallout(JsonNode item) {
            JsonNode step = item.path("step");
            return new SagaRow(item.path("sagaId").asString(), item.path("reference").asString(""),
                    orderOf(item.path("reference").asString("")), item.path("state").asString(""),
                    item.path("reason").asString(""), step.path("type").asString(""), step.path("state").asString(""),
                    step.path("attempts").asInt(0), step.path("maxAttempts").asInt(0),
                    Display.instant(step.path("nextAttemptAt").asString("")), "");
        }

        /** The same choice of step as the fallout queue makes: the one failing now, else the one that failed. */
        static SagaRow ofSaga(JsonNode saga) {
            JsonNode chosen = null;
            for (JsonNode step : saga.path("steps")) {
                String state = step.path("state").asString("");
                if (!step.path("lastError").isNull() && !step.path("lastError").isMissingNode()
                        && ("PENDING".equals(state) || "COMPENSATING".equals(state))) {
                    chosen = step;
                    break;
                }
            }
            if (chosen == null) {
                String failed = saga.path("failedStepId").asString("");
                for (JsonNode step : saga.path("steps")) {
                    if (!failed.isEmpty() && failed.equals(step.path("id").asString())) {
                        chosen = step;
                    }
                }
            }
            JsonNode step = chosen == null ? tools.jackson.databind.node.MissingNode.getInstance() : chosen;
            String lastError = step.path("lastError").asString("");
            String reference = saga.path("reference").asString("");
            return new SagaRow(saga.path("id").asString(), reference, orderOf(reference),
                    saga.path("state").asString(""),
                    lastError.isEmpty() ? saga.path("failureReason").asString("") : lastError,
                    step.path("type").asString(""), step.path("state").asString(""), step.path("attempts").asInt(0),
                    step.path("maxAttempts").asInt(0), Display.instant(step.path("nextAttemptAt").asString("")),
                    Display.instant(saga.path("updatedAt").asString("")));
        }

        /** {@code productOrder/<orderId>/<itemId>}: the order's id, else nothing. */
        private static String orderOf(String reference) {
            String[] parts = reference.split("/");
            return parts.length == 3 && "productOrder".equals(parts[0]) ? parts[1] : "";
        }
    }
}
