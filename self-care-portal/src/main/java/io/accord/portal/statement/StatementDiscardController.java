package io.accord.portal.statement;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Finance discards a DRAFT or APPROVED statement found wrong, with the reason (docs/settlement.md, "Discarding a
 * draft"): the next run drafts its period afresh. Discarded: back to the statement, now DISCARDED, with a notice. No
 * reason or one over {@value #REASON_MAX} characters: 400 at the field, nothing sent; settlement's refusal (403, 409 an
 * issued statement or one of a later period of the partner, 400) on the page with its detail and the reason kept.
 * Anyone but finance: 403, nothing sent.
 */
@Controller
class StatementDiscardController {

    static final int REASON_MAX = 1000;

    private final Gateway gateway;
    private final StatementPage page;
    private final MessageSource messages;

    StatementDiscardController(Gateway gateway, StatementPage page, MessageSource messages) {
        this.gateway = gateway;
        this.page = page;
        this.messages = messages;
    }

    @PostMapping("/statements/{id}/discard")
    String discard(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal,
                   @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        StaffActions.require(principal, Roles.FINANCE);
        String given = reason.strip();
        Map<String, String> values = Map.of("reason", given);
        if (given.isEmpty() || given.length() > REASON_MAX) {
            return refused(id, principal, model, response, HttpStatus.BAD_REQUEST.value(), new StatementForm(values,
                    Map.of("reason", message("statement.discard.error.reason")), null));
        }
        JsonNode statement;
        try {
            statement = gateway.send(HttpMethod.POST, StatementPage.API + "/discard", Map.of("reason", given), id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            return refused(id, principal, model, response, problem.status(),
                    new StatementForm(values, problem.messagesByField(), problem.detail()));
        }
        String number = statement.path("documentNumber").asString("");
        redirect.addFlashAttribute("statementNotice", messages.getMessage("statement.discard.done", new Object[] {
                number.isBlank() ? id.toString().substring(0, 8) : number}, LocaleContextHolder.getLocale()));
        return "redirect:/statements/" + id;
    }

    private String refused(UUID id, OidcUser principal, Model model, HttpServletResponse response, int status,
                           StatementForm form) {
        response.setStatus(status);
        model.addAttribute("discardForm", form);
        return page.show(id, principal, model);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
