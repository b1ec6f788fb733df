package io.accord.portal.invoicelist;

import io.accord.portal.layout.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.layout.PeriodLabels;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The partner's own submitted invoices, newest first, each with the status of its latest reconciliation (not yet,
 * matched, or differences beyond the tolerance, with the outcome counts) and its usage match, linking to the
 * invoice's page. Settlement scopes the list to the token's partner ({@code GET /api/settlement/partner-invoices}
 * ignores another {@code partnerId} for a partner), so the portal sends none.
 */
@Controller
class SubmittedInvoicesController {

    static final String API = "/api/settlement";
    private static final int PAGE_SIZE = 20;

    private final Gateway gateway;
    private final DisplayHelper display;

    SubmittedInvoicesController(Gateway gateway, DisplayHelper display) {
        this.gateway = gateway;
        this.display = display;
    }

    @GetMapping("/invoices/submitted")
    String list(@RequestParam(defaultValue = "") String periodId, @RequestParam(defaultValue = "0") int page,
                Model model, HttpServletResponse response) {
        int current = Math.max(0, page);
        String period = periodId.strip();
        Map<String, String> periods = periods();
        model.addAttribute("periods", periods);
        model.addAttribute("periodId", period);
        if (!period.isEmpty() && !Ids.isUuid(period)) {
            // bad input: nothing is asked; the filter says what is wrong
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("periodError", true);
            model.addAttribute("invoices", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("page", 0);
            model.addAttribute("hasNext", false);
            return "invoicelist";
        }
        Gateway.Listing listing = period.isEmpty()
                ? gateway.list(API + "/partner-invoices?offset={offset}&limit={limit}", current * PAGE_SIZE,
                PAGE_SIZE)
                : gateway.list(API + "/partner-invoices?periodId={period}&offset={offset}&limit={limit}", period,
                current * PAGE_SIZE, PAGE_SIZE);
        List<SubmittedInvoice> invoices = new ArrayList<>();
        listing.items().forEach(item -> invoices.add(SubmittedInvoice.of(item, periods)));
        model.addAttribute("periodError", false);
        model.addAttribute("invoices", invoices);
        model.addAttribute("total", listing.total());
        model.addAttribute("page", current);
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) current * PAGE_SIZE + listing.items().size() < listing.total());
        return "invoicelist";
    }

    /**
     * The partner's recent settlement periods, id → "start – end (state)" told apart from each other
     * ({@link PeriodLabels}: times of periods within one day, the id where still alike), for the filter and the rows.
     */
    private Map<String, String> periods() {
        return PeriodLabels.of(gateway.list(API + "/periods?offset=0&limit=24").items(),
                state -> display.code("PeriodState", state));
    }

    /**
     * One submitted invoice as the list shows it; {@code status} NOT_RECONCILED (our statement of its period is not
     * issued yet), MATCHED (every compared key within the tolerance) or DISCREPANCIES (some beyond it).
     */
    record SubmittedInvoice(String id, String invoiceNumber, String invoiceDate, String period, String totalAmount,
                            String currency, int lineCount, String submittedAt, String status,
                            List<Map.Entry<String, Integer>> outcomes, String usageMatch) {

        static SubmittedInvoice of(JsonNode invoice, Map<String, String> periods) {
            JsonNode latest = invoice.path("latestReconciliation");
            boolean reconciled = latest.isObject() && latest.has("id");
            String status = !reconciled ? "NOT_RECONCILED"
                    : latest.path("discrepancies").asBoolean(false) ? "DISCREPANCIES" : "MATCHED";
            List<Map.Entry<String, Integer>> outcomes = new ArrayList<>();
            latest.path("outcomes").properties().forEach(outcome -> {
                if (outcome.getValue().asInt(0) > 0) {
                    outcomes.add(Map.entry(outcome.getKey(), outcome.getValue().asInt(0)));
                }
            });
            String periodId = invoice.path("periodId").asString("");
            return new SubmittedInvoice(invoice.path("id").asString(), invoice.path("invoiceNumber").asString(""),
                    invoice.path("invoiceDate").asString(""), periods.getOrDefault(periodId, Display.shortId(periodId)),
                    Display.amount(invoice.path("totalAmount")), invoice.path("currency").asString(""),
                    invoice.path("lineCount").asInt(0), Display.instant(invoice.path("submittedAt").asString("")),
                    status, outcomes, invoice.path("latestUsageMatch").path("state").asString(""));
        }
    }
}
