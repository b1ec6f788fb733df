package io.accord.portal.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
 * Finance corrects an issued (or paid) statement with a credit or debit note from the statement's page
 * (docs/settlement.md, "Credit and debit notes"): drafts it (type, reason, up to {@value #ROWS} lines of label,
 * amount in the user's language and optionally the statement line it corrects), approves a draft (four eyes:
 * settlement refuses the user who prepared it) and issues an approved one. The portal's own check refuses a form
 * that cannot be sent (400 at its fields, nothing sent); settlement's refusals (400 at the fields, 403, 409 a
 * statement not issued or four eyes, 422 more than the statement may still be corrected by) are shown on the page
 * with settlement's detail, never an error page. Anyone but finance: 403, nothing sent.
 */
@Controller
class StatementNotesController {

    static final List<String> TYPES = List.of("CREDIT_NOTE", "DEBIT_NOTE");
    /** How many line rows the form offers; blank rows are left out. */
    static final int ROWS = 3;
    static final List<Integer> ROW_INDEXES = IntStream.range(0, ROWS).boxed().toList();
    /** The form's inputs, named as settlement names its violations. */
    static final List<String> INPUTS = inputs();
    private static final int REASON_MAX = 1000;
    private static final int LABEL_MAX = 500;
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(.+)");

    private final Gateway gateway;
    private final StatementPage page;
    private final MessageSource messages;

    StatementNotesController(Gateway gateway, StatementPage page, MessageSource messages) {
        this.gateway = gateway;
        this.page = page;
        this.messages = messages;
    }

    @PostMapping("/statements/{id}/notes")
    String draft(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal,
                 @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        StaffActions.require(principal, Roles.FINANCE);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> values = new LinkedHashMap<>();
        INPUTS.forEach(input -> values.put(input, form.getOrDefault(input, "").strip()));
        Map<String, String> errors = new LinkedHashMap<>();
        String type = values.get("type");
        if (!TYPES.contains(type)) {
            errors.put("type", message("statement.noteForm.error.type"));
        }
        String reason = values.get("reason");
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            errors.put("reason", message("statement.noteForm.error.reason"));
        }
        int digits = TypedAmounts.minorDigits(form.getOrDefault("currency", "").strip());
        List<Map<String, Object>> lines = new ArrayList<>();
        // which form row each line sent is: settlement's lines[i] names the i-th line sent, not the i-th row
        List<Integer> rowOf = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            String label = values.get(field(row, "label"));
            String amount = values.get(field(row, "amount"));
            String number = values.get(field(row, "statementLineNumber"));
            if (label.isEmpty() && amount.isEmpty() && number.isEmpty()) {
                continue;
            }
            if (label.isEmpty() || label.length() > LABEL_MAX) {
                errors.put(field(row, "label"), message("statement.noteForm.error.label"));
            }
            BigDecimal typed = TypedAmounts.parse(amount, locale, digits).orElse(null);
            if (typed == null || typed.signum() <= 0) {
                errors.put(field(row, "amount"), message("statement.noteForm.error.amount"));
            }
            Integer lineNumber = lineNumber(number);
            if (!number.isEmpty() && lineNumber == null) {
                errors.put(field(row, "statementLineNumber"), message("statement.noteForm.error.lineNumber"));
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", label);
            line.put("amount", typed == null ? amount : typed.toPlainString());
            if (lineNumber != null) {
                line.put("statementLineNumber", lineNumber);
            }
            lines.add(line);
            rowOf.add(row);
        }
        if (lines.isEmpty()) {
            errors.put(field(0, "label"), message("statement.noteForm.error.noLines"));
        }
        if (!errors.isEmpty()) {
            return refused(id, principal, model, response, HttpStatus.BAD_REQUEST.value(),
                    new StatementForm(values, errors, null));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("reason", reason);
        body.put("lines", lines);
        JsonNode note;
        try {
            note = gateway.send(HttpMethod.POST, StatementPage.API + "/notes", body, id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            Map<String, String> refusals = new LinkedHashMap<>();
            problem.messagesByField().forEach((field, text) -> refusals.put(row(field, rowOf), text));
            // a 422 note-exceeds-statement names the field it is about (a line's amount, or totalAmount)
            String exceeded = problem.property("field");
            if (!exceeded.isEmpty()) {
                refusals.putIfAbsent(row(exceeded, rowOf), message("statement.noteForm.error.exceeds"));
            }
            return refused(id, principal, model, response, problem.status(),
                    new StatementForm(values, refusals, problem.detail()));
        }
        redirect.addFlashAttribute("statementNotice", messages.getMessage("statement.note.drafted." + type,
                new Object[] {Display.money(note.path("totalAmount"), note.path("currency").asString(""))},
                locale));
        return "redirect:/statements/" + id;
    }

    @PostMapping("/statements/{id}/notes/{noteId}/approval")
    String approve(@PathVariable UUID id, @PathVariable UUID noteId, @AuthenticationPrincipal OidcUser principal,
                   RedirectAttributes redirect) {
        StaffActions.require(principal, Roles.FINANCE);
        return step(id, redirect, "statement.note.approved", "statement.note.notApproved",
                () -> gateway.send(HttpMethod.POST, "/api/settlement/notes/{id}/approval", null, noteId));
    }

    @PostMapping("/statements/{id}/notes/{noteId}/issue")
    String issue(@PathVariable UUID id, @PathVariable UUID noteId, @AuthenticationPrincipal OidcUser principal,
                 RedirectAttributes redirect) {
        StaffActions.require(principal, Roles.FINANCE);
        return step(id, redirect, "statement.note.issued", "statement.note.notIssued",
                () -> gateway.send(HttpMethod.POST, "/api/settlement/notes/{id}/issue", null, noteId));
    }

    /** The step; then back to the statement with a notice, or settlement's refusal (403, 409, 422) and its detail. */
    private String step(UUID id, RedirectAttributes redirect, String doneKey, String refusedKey,
                        Supplier<JsonNode> call) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            JsonNode note = call.get();
            String number = note.path("documentNumber").asString("");
            redirect.addFlashAttribute("statementNotice", messages.getMessage(doneKey, new Object[] {
                    number.isBlank() ? Display.shortId(note.path("id").asString("")) : number}, locale));
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            redirect.addFlashAttribute("statementRefusal", messages.getMessage(refusedKey, null, locale));
            redirect.addFlashAttribute("statementRefusalDetail", problem.detail());
        }
        return "redirect:/statements/" + id;
    }

    private String refused(UUID id, OidcUser principal, Model model, HttpServletResponse response, int status,
                           StatementForm form) {
        response.setStatus(status);
        model.addAttribute("noteForm", form);
        return page.show(id, principal, model);
    }

    /** Settlement's {@code lines[i].x} as the form's row it came from; any other field as it is. */
    private static String row(String field, List<Integer> rowOf) {
        Matcher line = LINE_FIELD.matcher(field);
        if (line.matches()) {
            int sent = Integer.parseInt(line.group(1));
            if (sent < rowOf.size()) {
                return field(rowOf.get(sent), line.group(2));
            }
        }
        return field;
    }

    private static Integer lineNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            return number > 0 ? number : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static String field(int row, String name) {
        return "lines[" + row + "]." + name;
    }

    private static List<String> inputs() {
        List<String> inputs = new ArrayList<>(List.of("type", "reason"));
        for (int row = 0; row < ROWS; row++) {
            inputs.addAll(List.of(field(row, "label"), field(row, "amount"), field(row, "statementLineNumber")));
        }
        return List.copyOf(inputs);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
