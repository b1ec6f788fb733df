package io.accord.portal.statement;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.security.StaffActions;
import tools.jackson.databind.JsonNode;

/**
 * Finance: approve a drafted statement (four eyes: settlement refuses the user who prepared it, so a second finance
 * user approves) and issue an approved one (its number and PDF are made then). The page shows the service's refusal.
 * Everyone else who reads statements (platform admins, auditors, partner managers, ops, partners) is refused with 403
 * before anything is sent, as settlement would refuse them.
 */
@Controller
class StatementApprovalController {

    private final Gateway gateway;

    StatementApprovalController(Gateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/statements/{id}/approval")
    String approve(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal,
                   @RequestParam Map<String, String> back, RedirectAttributes redirect) {
        StaffActions.require(principal, Roles.FINANCE);
        return step(redirect, back, "statements.approved", "statements.fourEyes",
                () -> gateway.post("/api/settlement/statements/{id}/approval", null, id));
    }

    @PostMapping("/statements/{id}/issue")
    String issue(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal,
                 @RequestParam Map<String, String> back, RedirectAttributes redirect) {
        StaffActions.require(principal, Roles.FINANCE);
        return step(redirect, back, "statements.issued", "statements.notIssuable",
                () -> gateway.post("/api/settlement/statements/{id}/issue", null, id));
    }

    /** The step; then back to the list with its filters ({@code back}: the form's hidden fields) kept. */
    private static String step(RedirectAttributes redirect, Map<String, String> back, String doneKey, String conflictKey,
                               Supplier<JsonNode> call) {
        try {
            JsonNode statement = call.get();
            redirect.addFlashAttribute("statementNoticeKey", doneKey);
            redirect.addFlashAttribute("statementNotice", statement.path("documentNumber").asString(
                    statement.path("id").asString("")));
        } catch (GatewayException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            redirect.addFlashAttribute("statementErrorKey", conflictKey);
            redirect.addFlashAttribute("statementErrorDetail", e.detail());
        }
        StatementFilter.of(back).parameters().forEach(redirect::addAttribute);
        return "redirect:/statements";
    }
}
