package io.accord.portal.invoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.layout.FormProblems;
import io.accord.portal.layout.TypedAmounts;
import io.accord.portal.offeringname.OfferingNames;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The partner's own invoice for a settlement period (settlement-service, docs/settlement-reconciliation.md): entered
 * line by line in the form or uploaded as a CSV of lines, with an optional PDF and an optional CDR file; then its
 * reconciliation against our statement (line outcomes) and the usage match of the CDR file (counts per outcome,
 * the unmatched records as CSV).
 */
@Controller
class InvoicesController {

    static final String SETTLEMENT = "/api/settlement";
    static final String INVOICES = SETTLEMENT + "/partner-invoices";
    private static final Set<String> MATCH_MODES = Set.of("USAGE_ID", "KEYS");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final Gateway gateway;
    private final OfferingNames offeringNames;
    private final DisplayHelper display;
    private final FormProblems formProblems;
    private final MessageSource messages;

    InvoicesController(Gateway gateway, OfferingNames offeringNames, DisplayHelper display, FormProblems formProblems,
                       MessageSource messages) {
        this.gateway = gateway;
        this.offeringNames = offeringNames;
        this.display = display;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    @GetMapping("/invoices")
    String form(Model model) {
        model.addAttribute("periods",
                PeriodOption.of(gateway.list(SETTLEMENT + "/periods?offset=0&limit=24").items(),
                        state -> display.code("PeriodState", state)));
        model.addAttribute("rows", InvoiceForm.ROWS);
        model.addAttribute("columns", InvoiceForm.HEADER);
        model.addAttribute("sides", InvoiceForm.SIDES);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
            model.addAttribute("errors", List.of());
        }
        if (!model.containsAttribute("cellErrors")) {
            model.addAttribute("cellErrors", Map.of());
        }
        return "invoices";
    }

    @PostMapping("/invoices")
    String submit(@RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) MultipartFile pdf,
                  @RequestParam(required = false) MultipartFile usageFile, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Gateway.Upload lines = upload(file, CSV);
        Gateway.Upload document = upload(pdf, MediaType.APPLICATION_PDF);
        Locale locale = LocaleContextHolder.getLocale();
        InvoiceForm.Lines typed = InvoiceForm.lines(form, locale);
        if (lines == null && !typed.refused().isEmpty()) {
            // the portal's own reading of the typed numbers: nothing is sent, each cell says what it takes
            Map<String, String> cellErrors = new LinkedHashMap<>();
            typed.refused().forEach((cell, refusal) -> cellErrors.put(cell, messages.getMessage(refusal.key(),
                    new Object[] {refusal.decimals(), TypedAmounts.example(locale)}, locale)));
            response.setStatus(400);
            model.addAttribute("cellErrors", cellErrors);
            model.addAttribute("errors", List.of());
            model.addAttribute("values", form);
            return form(model);
        }
        JsonNode invoice;
        try {
            if (lines == null && document == null) {
                invoice = gateway.send(HttpMethod.POST, INVOICES, InvoiceForm.json(form, typed));
            } else {
                Map<String, Gateway.Upload> files = new LinkedHashMap<>();
                files.put("file", lines != null ? lines : InvoiceForm.csv(typed));
                files.put("pdf", document);
                invoice = gateway.sendParts(INVOICES + "/upload", files, InvoiceForm.fields(form));
            }
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            response.setStatus(problem.status());
            model.addAttribute("problem", problem);
            refusedAtCells(problem, lines == null ? typed : null, model);
            model.addAttribute("values", form);
            return form(model);
        }
        String id = invoice.path("id").asString();
        redirect.addFlashAttribute("noticeKey", "invoices.submitted");
        Gateway.Upload cdrs = upload(usageFile, CSV);
        if (cdrs == null) {
            return "redirect:/invoices/" + id;
        }
        try {
            return matched(UUID.fromString(id), cdrs, form.getOrDefault("mode", "USAGE_ID"), redirect);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            // the invoice is stored; its page says why the CDR file was not
            redirect.addFlashAttribute("usageProblem", InvoiceForm.describe(problem));
            return "redirect:/invoices/" + id;
        }
    }

    /** Opens an invoice by its id (e.g. from the submission's answer; all of them: /invoices/submitted). */
    @GetMapping("/invoices/open")
    String open(@RequestParam UUID id) {
        return "redirect:/invoices/" + id;
    }

    @GetMapping("/invoices/{id}")
    String invoice(@PathVariable UUID id, @RequestParam(required = false) UUID match, Model model) {
        JsonNode invoice = gateway.get(INVOICES + "/{id}", id);
        model.addAttribute("invoice", invoice);
        String reconciliation = invoice.path("latestReconciliation").path("id").asString("");
        JsonNode reconciled = reconciliation.isEmpty() ? null
                : gateway.get(SETTLEMENT + "/reconciliations/{id}", reconciliation);
        model.addAttribute("reconciliation", reconciled);
        List<String> offerings = new ArrayList<>();
        if (reconciled != null) {
            reconciled.path("lines").forEach(line -> offerings.add(line.path("offeringId").asString("")));
        }
        model.addAttribute("offeringNames", offeringNames.of(offerings));
        if (match != null) {
            model.addAttribute("match", gateway.get(SETTLEMENT + "/usage-matches/{id}", match));
        }
        return "invoices-detail";
    }

    /** The usage match panel alone, for htmx's polling while the match runs. */
    @GetMapping("/invoices/{id}/matches/{match}")
    String matchPanel(@PathVariable UUID id, @PathVariable UUID match, Model model) {
        model.addAttribute("invoiceId", id.toString());
        model.addAttribute("match", gateway.get(SETTLEMENT + "/usage-matches/{id}", match));
        return "invoices-detail :: match";
    }

    @PostMapping("/invoices/{id}/reconciliations")
    String reconcile(@PathVariable UUID id, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        try {
            gateway.send(HttpMethod.POST, INVOICES + "/{id}/reconciliations", null, id);
        } catch (GatewayProblem problem) {
            return failed(problem, id, model, response);
        }
        redirect.addFlashAttribute("noticeKey", "invoices.reconciled");
        return "redirect:/invoices/" + id;
    }

    @PostMapping("/invoices/{id}/usage-file")
    String usageFile(@PathVariable UUID id, @RequestParam(required = false) MultipartFile usageFile,
                     @RequestParam(defaultValue = "USAGE_ID") String mode, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        Gateway.Upload cdrs = upload(usageFile, CSV);
        if (cdrs == null) {
            response.setStatus(400);
            model.addAttribute("problemKey", "invoices.usageFile.required");
            return invoice(id, null, model);
        }
        try {
            return matched(id, cdrs, mode, redirect);
        } catch (GatewayProblem problem) {
            return failed(problem, id, model, response);
        }
    }

    /** The records the match did not match, as the service writes them (CSV). */
    @GetMapping("/invoices/matches/{match}/unmatched")
    ResponseEntity<StreamingResponseBody> unmatched(@PathVariable UUID match) {
        return gateway.download(SETTLEMENT + "/usage-matches/{id}/unmatched", CSV, "unmatched-" + match + ".csv",
                match);
    }

    @GetMapping("/invoices/{id}/pdf")
    ResponseEntity<StreamingResponseBody> pdf(@PathVariable UUID id) {
        return gateway.download(INVOICES + "/{id}/pdf", MediaType.APPLICATION_PDF, "invoice-" + id + ".pdf", id);
    }

    /** Stores the CDR file and starts its match; a problem with either is shown on the invoice's page. */
    private String matched(UUID id, Gateway.Upload cdrs, String mode, RedirectAttributes redirect) {
        gateway.sendFile(HttpMethod.PUT, INVOICES + "/{id}/usage-file?fileName={name}", cdrs, id, cdrs.filename());
        JsonNode match = gateway.send(HttpMethod.POST, INVOICES + "/{id}/usage-matches",
                Map.of("mode", MATCH_MODES.contains(mode) ? mode : "USAGE_ID"), id);
        redirect.addFlashAttribute("noticeKey", "invoices.matchStarted");
        return "redirect:/invoices/" + id + "?match=" + match.path("id").asString();
    }

    /**
     * Settlement's violations in the user's language: those of a line typed into the form at its cell, the others
     * (the invoice's fields, a row of the user's own CSV) listed above the form.
     */
    private void refusedAtCells(GatewayProblem problem, InvoiceForm.Lines typed, Model model) {
        Map<String, String> cellErrors = new LinkedHashMap<>();
        List<GatewayProblem.Violation> listed = new ArrayList<>();
        for (GatewayProblem.Violation violation : problem.violations()) {
            String message = formProblems.localized(Map.of("m", violation.message())).get("m");
            String cell = typed == null ? null : typed.cellOf(violation, true);
            if (cell != null) {
                cellErrors.putIfAbsent(cell, message);
            } else {
                listed.add(new GatewayProblem.Violation(violation.field(), message, violation.row()));
            }
        }
        model.addAttribute("cellErrors", cellErrors);
        model.addAttribute("errors", listed);
    }

    private String failed(GatewayProblem problem, UUID id, Model model, HttpServletResponse response) {
        if (!problem.isForTheForm()) {
            throw problem;
        }
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        return invoice(id, null, model);
    }

    private static Gateway.Upload upload(MultipartFile file, MediaType type) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        return Gateway.Upload.of(file, type);
    }
}
