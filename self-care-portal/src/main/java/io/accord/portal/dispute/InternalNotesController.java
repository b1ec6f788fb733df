package io.accord.portal.dispute;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff-internal notes on a dispute ({@code POST /api/disputes/{id}/internal-notes}): finance, partner managers and
 * platform admins write them, auditors read them, partners never see them (the service keeps them out of every view
 * a partner gets, and the portal does not ask for them on a partner's behalf).
 */
@Controller
class InternalNotesController {

    private static final int MAX_TEXT = 4000;

    private final DisputePage page;

    InternalNotesController(DisputePage page) {
        this.page = page;
    }

    @PostMapping("/disputes/{id}/internal-notes")
    String add(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
               @AuthenticationPrincipal OidcUser principal, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        StaffActions.require(principal, DisputePage.WORKERS);
        DisputePage.Step step = new DisputePage.Step(id, principal, "internalNote", "internal-notes",
                Map.of("text", text));
        if (text.isBlank() || text.length() > MAX_TEXT) {
            return page.invalid(step, "text", "disputeSteps.error.noteText", model, response);
        }
        return page.submit(step, Map.of("text", text.strip()), "disputeSteps.done.internalNote", redirect, model,
                response);
    }
}
