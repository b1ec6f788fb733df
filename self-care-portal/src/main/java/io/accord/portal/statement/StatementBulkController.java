package io.accord.portal.statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.Ids;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Finance at month end: approve or issue the statements selected on the list, at most a page of them
 * ({@value StatementList#PAGE_SIZE}), confirmed by a checkbox. Each goes through settlement's own single-statement
 * call, one after another ({@code POST /api/settlement/statements/{id}/approval} or {@code .../issue}), so settlement
 * decides each as it would one click (four eyes, issuing in order); a refusal is noted with settlement's problem
 * detail and the next statement still goes. The list then says, statement by statement, which were approved or issued
 * and which were refused and why, with its filters and page kept. Roles that may not approve (everyone but finance):
 * 403, nothing sent; no selection, more than a page, an id that is not one or no confirmation: 400, nothing sent.
 */
@Controller
class StatementBulkController {

    private static final Set<String> ACTIONS = Set.of("approve", "issue");

    private final Gateway gateway;
    private final StatementList list;

    StatementBulkController(Gateway gateway, StatementList list) {
        this.gateway = gateway;
        this.list = list;
    }

    /** One selected statement's outcome: done, or refused with settlement's detail (or its status). */
    record Result(String id, String documentNumber, boolean done, int status, String detail) {

        public String shortId() {
            return Display.shortId(id);
        }

        public boolean unreachable() {
            return status == GatewayException.UNREACHABLE;
        }
    }

    @PostMapping("/statements/bulk")
    String act(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "") String action,
               @RequestParam(name = "id", required = false) List<String> ids,
               @RequestParam(defaultValue = "false") boolean confirmed,
               @RequestParam(required = false) String partnerId, @RequestParam(required = false) String state,
               @RequestParam(required = false) String direction, @RequestParam(required = false) String documentNumber,
               @RequestParam(required = false) String issuedFrom, @RequestParam(required = false) String issuedTo,
               @RequestParam(required = false) String periodId,
               @RequestParam(defaultValue = "0") int page, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        StaffActions.require(principal, Roles.FINANCE);
        StatementFilter filter = StatementFilter.of(partnerId, state, direction, documentNumber, issuedFrom,
                issuedTo, periodId);
        Set<String> selected = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(selected::add);
        }
        String problem = !ACTIONS.contains(action) ? "statements.bulk.action"
                : selected.isEmpty() ? "statements.bulk.none"
                : selected.size() > StatementList.PAGE_SIZE ? "statements.bulk.tooMany"
                : !selected.stream().allMatch(Ids::isUuid) ? "statements.bulk.invalid"
                : !confirmed ? "statements.bulk.unconfirmed" : null;
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("bulkErrorKey", problem);
            return list.show(principal, filter, page, model, response);
        }
        String step = "approve".equals(action) ? "/approval" : "/issue";
        List<Result> results = new ArrayList<>();
        for (String id : selected) {
            UUID statement = UUID.fromString(id);
            try {
                JsonNode answer = gateway.post("/api/settlement/statements/{id}" + step, null, statement);
                results.add(new Result(statement.toString(), answer.path("documentNumber").asString(""), true, 200,
                        null));
            } catch (GatewayException refused) {
                // noted, and the next one still goes: one refusal does not stop the month's close
                results.add(new Result(statement.toString(), "", false, refused.status(), refused.detail()));
            }
        }
        redirect.addFlashAttribute("bulkAction", action);
        redirect.addFlashAttribute("bulkResults", results);
        redirect.addFlashAttribute("bulkDone", results.stream().filter(Result::done).count());
        redirect.addFlashAttribute("bulkRefused", results.stream().filter(result -> !result.done()).count());
        filter.parameters().forEach(redirect::addAttribute);
        if (page > 0) {
            redirect.addAttribute("page", page);
        }
        return "redirect:/statements";
    }
}
