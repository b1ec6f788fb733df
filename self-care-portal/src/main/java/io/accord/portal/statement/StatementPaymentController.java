package io.accord.portal.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
import io.accord.portal.layout.Display;
import io.accord.portal.layout.TypedAmounts;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Finance records a payment of an issued statement from its page: amount, value date and the bank's reference, in
 * the statement's currency and the direction the page showed (what remains to be paid; settlement refuses it with
 * 409 when an issued note turned the balance since the page was loaded). Recorded: back to the statement with a notice (post-redirect-get); refused by the portal's own check
 * or by settlement (over-payment, a reference recorded already, a statement no longer ISSUED): the page again with
 * the reason and the input kept, nothing else sent.
 */
@Controller
class StatementPaymentController {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int REFERENCE_MAX = 140;

    private final Gateway gateway;
    private final StatementPage page;
    private final MessageSource messages;

    StatementPaymentController(Gateway gateway, StatementPage page, MessageSource messages) {
        this.gateway = gateway;
        this.page = page;
        this.messages = messages;
    }

    @PostMapping("/statements/{id}/payments")
    String record(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal,
                  @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String currency,
                  @RequestParam(defaultValue = "") String paidOn, @RequestParam(defaultValue = "") String reference,
                  @RequestParam(defaultValue = "") String direction,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(principal, Roles.FINANCE);
        Map<String, String> values = Map.of("amount", amount, "paidOn", paidOn, "reference", reference);
        Map<String, String> errors = new LinkedHashMap<>();
        // read in the user's language (1.234,50 in German), at most the currency's decimals
        BigDecimal typed = TypedAmounts.parse(amount, LocaleContextHolder.getLocale(),
                TypedAmounts.minorDigits(currency)).orElse(null);
        if (typed == null || typed.signum() == 0) {
            errors.put("amount", message("statement.payment.error.amount"));
        }
        if (!isDate(paidOn.strip())) {
            errors.put("paidOn", message("statement.payment.error.paidOn"));
        }
        if (reference.isBlank() || reference.strip().length() > REFERENCE_MAX) {
            errors.put("reference", message("statement.payment.error.reference"));
        }
        if (!CURRENCY.matcher(currency.strip()).matches()) {
            errors.put("currency", message("statement.payment.error.currency"));
        }
        if (!errors.isEmpty()) {
            return refused(id, principal, model, response, HttpStatus.BAD_REQUEST.value(),
                    new StatementPage.PaymentForm(values, errors, null));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("amount", typed.toPlainString());
        body.put("currency", currency.strip());
        body.put("paidOn", paidOn.strip());
        body.put("reference", reference.strip());
        if (direction.equals("PAYABLE") || direction.equals("RECEIVABLE")) {
            // the way the page said the payment goes: if a note turned the balance meanwhile, settlement refuses it
            body.put("direction", direction);
        }
        JsonNode payment;
        try {
            payment = gateway.send(HttpMethod.POST, StatementPage.API + "/payments", body, id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            return refused(id, principal, model, response, problem.status(),
                    new StatementPage.PaymentForm(values, problem.messagesByField(), problem.detail()));
        }
        String paymentCurrency = payment.path("currency").asString(currency.strip());
        redirect.addFlashAttribute("paymentNotice", messages.getMessage("statement.payment.recorded", new Object[] {
                Display.money(payment.path("amount"), paymentCurrency), payment.path("reference").asString(""),
                Display.money(payment.path("remainingAmount"), paymentCurrency)}, LocaleContextHolder.getLocale()));
        redirect.addFlashAttribute("recordedPaymentId", payment.path("id").asString(""));
        return "redirect:/statements/" + id;
    }

    private String refused(UUID id, OidcUser principal, Model model, HttpServletResponse response, int status,
                           StatementPage.PaymentForm form) {
        response.setStatus(status);
        model.addAttribute("paymentForm", form);
        return page.show(id, principal, model);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
