package io.accord.portal.dispute;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.TypedAmounts;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One dispute, worked by both sides: its thread of comments, evidence, history and SLA clock; the partner accepts or
 * rejects finance's proposal, staff review, propose an adjustment and close (withdrawal, escalation and internal
 * notes: {@link DisputeEscalationController}, {@link InternalNotesController}). Every step is the service's own
 * ({@code /api/disputes/{id}/...}); the service refuses what the user's role or the dispute's state does not allow.
 */
@Controller
class DisputeController {

    private static final String API = "/api/disputes/{id}";
    private static final long MAX_EVIDENCE = 10L * 1024 * 1024;

    private final Gateway gateway;
    private final DisputePage page;

    DisputeController(Gateway gateway, DisputePage page) {
        this.gateway = gateway;
        this.page = page;
    }

    @GetMapping("/disputes/{id}")
    String dispute(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal, Model model) {
        return page.show(id, principal, model);
    }

    /** A comment: blank or too long, or refused by the service, the page again with the text kept at its field. */
    @PostMapping("/disputes/{id}/comments")
    String comment(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
                   @AuthenticationPrincipal OidcUser principal, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        DisputePage.Step step = new DisputePage.Step(id, principal, "comment", "comments", Map.of("text", text));
        if (text.isBlank() || text.length() > 4000) {
            return page.invalid(step, "text", "disputes.error.comment", model, response);
        }
        return page.submit(step, Map.of("text", text.strip()), "disputes.done.comment", redirect, model, response);
    }

    @PostMapping("/disputes/{id}/evidence")
    String evidence(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                    @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return failed(redirect, id, "disputes.error.file", null);
        }
        if (file.getSize() > MAX_EVIDENCE) {
            return failed(redirect, id, "disputes.error.fileTooLarge", null);
        }
        Gateway.Upload upload = Gateway.Upload.of(file, MediaType.parseMediaType(
                Optional.ofNullable(file.getContentType()).orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE)));
        Map<String, String> fields = name.isBlank() ? Map.of() : Map.of("name", name.strip());
        return step(redirect, id, "disputes.done.evidence",
                () -> gateway.upload(API + "/attachments", "file", upload, fields, id));
    }

    @PostMapping("/disputes/{id}/review")
    String review(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(redirect, id, "disputes.done.review", () -> gateway.post(API + "/review", null, id));
    }

    @PostMapping("/disputes/{id}/proposal")
    String propose(@PathVariable UUID id, @RequestParam(defaultValue = "") String direction,
                   @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String currency, RedirectAttributes redirect) {
        // read in the user's language (1.000,50 in German); the dispute's currency bounds the decimals
        BigDecimal value = TypedAmounts.parse(amount, LocaleContextHolder.getLocale(),
                TypedAmounts.minorDigits(currency)).orElse(null);
        if (value == null) {
            return failed(redirect, id, "disputes.error.amount", null);
        }
        if (!"CREDIT_PARTNER".equals(direction) && !"DEBIT_PARTNER".equals(direction)) {
            return failed(redirect, id, "disputes.error.direction", null);
        }
        if (reason.isBlank() || reason.length() > 2000) {
            return failed(redirect, id, "disputes.error.reason", null);
        }
        return step(redirect, id, "disputes.done.proposal", () -> gateway.post(API + "/proposal",
                Map.of("direction", direction, "amount", value.toPlainString(), "reason", reason.strip()), id));
    }

    @PostMapping("/disputes/{id}/acceptance")
    String accept(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(redirect, id, "disputes.done.acceptance", () -> gateway.post(API + "/acceptance", null, id));
    }

    @PostMapping("/disputes/{id}/rejection")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (reason.isBlank() || reason.length() > 2000) {
            return failed(redirect, id, "disputes.error.reason", null);
        }
        return step(redirect, id, "disputes.done.rejection", () -> gateway.post(API + "/rejection",
                Map.of("reason", reason.strip()), id));
    }

    @PostMapping("/disputes/{id}/closure")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(redirect, id, "disputes.done.closure", () -> gateway.post(API + "/closure", null, id));
    }

    /** One step; a refusal the user can act on (bad input, a state that moved on) is shown on the dispute. */
    private static String step(RedirectAttributes redirect, UUID id, String doneKey, Supplier<?> call) {
        try {
            call.get();
        } catch (GatewayException e) {
            if (e.status() != 400 && e.status() != 409 && e.status() != 413 && e.status() != 415
                    && e.status() != 422) {
                throw e;
            }
            return failed(redirect, id, "disputes.error.refused", e.detail());
        }
        redirect.addFlashAttribute("noticeKey", doneKey);
        return "redirect:/disputes/" + id;
    }

    private static String failed(RedirectAttributes redirect, UUID id, String errorKey, String detail) {
        redirect.addFlashAttribute("errorKey", errorKey);
        redirect.addFlashAttribute("errorDetail", detail);
        return "redirect:/disputes/" + id;
    }
}
