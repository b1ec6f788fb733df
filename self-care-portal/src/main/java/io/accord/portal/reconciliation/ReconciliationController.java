package io.accord.portal.reconciliation;

import io.accord.portal.layout.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.offeringname.OfferingNames;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff: partner invoices and how they reconciled (docs/settlement-reconciliation.md): per invoice the outcome of
 * each compared line (our amount, theirs, the difference and the tolerance, and the issued credit and debit notes our
 * amount includes) and the record-level usage match (counts and amounts per outcome). Read-only: reconciling is the partner's and finance's work through the invoice itself.
 */
@Controller
class ReconciliationController {

    private static final String API = "/api/settlement";
    private static final int PAGE_SIZE = 25;

    private final Gateway gateway;
    private final PartnerNames partnerNames;
    private final OfferingNames offeringNames;

    ReconciliationController(Gateway gateway, PartnerNames partnerNames, OfferingNames offeringNames) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
        this.offeringNames = offeringNames;
    }

    @GetMapping("/reconciliation")
    String invoices(@RequestParam(defaultValue = "") String partnerId, @RequestParam(defaultValue = "0") int page,
                    Model model, HttpServletResponse response) {
        int current = Math.max(0, page);
        String partner = partnerId.strip();
        if (!partner.isEmpty() && !Ids.isUuid(partner)) {
            // bad input: no call; the filter says what is wrong
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorKey", "reconciliation.partnerId.invalid");
            model.addAttribute("invoices", List.of());
            model.addAttribute("partnerNames", PartnerNames.Names.NONE);
            model.addAttribute("total", 0L);
            model.addAttribute("partnerId", partner);
            model.addAttribute("page", 0);
            model.addAttribute("hasNext", false);
            return "reconciliation";
        }
        Gateway.Listing listing = partner.isEmpty()
                ? gateway.list(API + "/partner-invoices?offset={offset}&limit={limit}", current * PAGE_SIZE, PAGE_SIZE)
                : gateway.list(API + "/partner-invoices?partnerId={partner}&offset={offset}&limit={limit}", partner,
                current * PAGE_SIZE, PAGE_SIZE);
        List<Invoice> rows = new ArrayList<>();
        listing.items().forEach(item -> rows.add(Invoice.of(item)));
        model.addAttribute("invoices", rows);
        model.addAttribute("partnerNames", partnerNames.of(rows.stream().map(Invoice::partnerId).toList()));
        model.addAttribute("total", listing.total());
        model.addAttribute("partnerId", partner);
        model.addAttribute("page", current);
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < listing.total());
        return "reconciliation";
    }

    @GetMapping("/reconciliation/{invoiceId}")
    String invoice(@PathVariable UUID invoiceId, Model model) {
        JsonNode invoice = gateway.get(API + "/partner-invoices/{id}", invoiceId);
        Invoice shown = Invoice.of(invoice);
        model.addAttribute("invoice", shown);
        model.addAttribute("partnerNames", partnerNames.of(List.of(shown.partnerId())));
        String reconciliationId = invoice.path("latestReconciliation").path("id").asString("");
        if (!reconciliationId.isEmpty()) {
            JsonNode reconciliation = gateway.get(API + "/reconciliations/{id}", reconciliationId);
            List<IncludedNote> notes = new ArrayList<>();
            reconciliation.path("notes").forEach(note -> notes.add(IncludedNote.of(note)));
            Map<String, String> numbers = new java.util.HashMap<>();
            notes.forEach(note -> numbers.put(note.id(), note.number()));
            List<ResultLine> lines = new ArrayList<>();
            reconciliation.path("lines").forEach(line -> lines.add(ResultLine.of(line, numbers)));
            model.addAttribute("reconciliation", Reconciliation.of(reconciliation));
            model.addAttribute("notes", notes);
            model.addAttribute("lines", lines);
            model.addAttribute("offeringNames", offeringNames.of(lines.stream().map(ResultLine::offeringId).toList()));
        }
        String matchId = invoice.path("latestUsageMatch").path("id").asString("");
        if (!matchId.isEmpty()) {
            JsonNode match = gateway.get(API + "/usage-matches/{id}", matchId);
            List<MatchOutcome> outcomes = new ArrayList<>();
            match.path("outcomes").properties().forEach(outcome ->
                    outcomes.add(MatchOutcome.of(outcome.getKey(), outcome.getValue())));
            model.addAttribute("match", UsageMatch.of(match));
            model.addAttribute("matchOutcomes", outcomes);
        }
        return "reconciliationinvoice";
    }

    /**
     * A partner invoice with the outcome counts of its latest reconciliation; {@code state} {@code SUBMITTED}, or
     * {@code SUPERSEDED} by the later invoice of its period ({@code supersededById}, {@code supersededByNumber}).
     */
    record Invoice(String id, String partnerId, String periodId, String invoiceNumber, String invoiceDate,
                   String currency, String totalAmount, int lineCount, String usageFile, long usageRows,
                   String submittedBy, String submittedAt, Map<String, Integer> outcomes, boolean reconciled,
                   boolean discrepancies, String state, String supersededById, String supersededByNumber) {

        public String partnerShort() {
            return Display.shortId(partnerId);
        }

        /** Whether a later invoice of the period replaced it (no longer reconciled). */
        public boolean superseded() {
            return "SUPERSEDED".equals(state);
        }

        static Invoice of(JsonNode invoice) {
            JsonNode latest = invoice.path("latestReconciliation");
            Map<String, Integer> outcomes = new TreeMap<>();
            latest.path("outcomes").properties().forEach(outcome ->
                    outcomes.put(outcome.getKey(), outcome.getValue().asInt(0)));
            return new Invoice(invoice.path("id").asString(), invoice.path("partnerId").asString(""),
                    invoice.path("periodId").asString(""), invoice.path("invoiceNumber").asString(""),
                    invoice.path("invoiceDate").asString(""), invoice.path("currency").asString(""),
                    Display.amount(invoice.path("totalAmount")), invoice.path("lineCount").asInt(0),
                    invoice.path("usageFile").path("fileName").asString(""),
                    invoice.path("usageFile").path("rows").asLong(0), invoice.path("submittedBy").asString(""),
                    Display.instant(invoice.path("submittedAt").asString("")), outcomes,
                    latest.isObject(), latest.path("discrepancies").asBoolean(false),
                    invoice.path("state").asString(""), invoice.path("supersededBy").path("id").asString(""),
                    invoice.path("supersededBy").path("invoiceNumber").asString(""));
        }
    }

    /** The latest reconciliation's statement (id and number), totals and the tolerance it held the lines to. */
    record Reconciliation(String statementId, String documentNumber, List<String> keys, String currency, String absoluteTolerance,
                          String percentTolerance, String statementTotal, String invoiceTotal, String difference,
                          boolean discrepancies, String reconciledBy, String reconciledAt) {

        static Reconciliation of(JsonNode reconciliation) {
            List<String> keys = new ArrayList<>();
            reconciliation.path("keys").forEach(key -> keys.add(key.asString()));
            return new Reconciliation(reconciliation.path("statementId").asString(""),
                    reconciliation.path("documentNumber").asString(""), List.copyOf(keys),
                    reconciliation.path("currency").asString(""),
                    Display.amount(reconciliation.path("absoluteTolerance")),
                    reconciliation.path("percentTolerance").asString(""),
                    Display.amount(reconciliation.path("statementTotal")),
                    Display.amount(reconciliation.path("invoiceTotal")), Display.amount(reconciliation.path("difference")),
                    reconciliation.path("discrepancies").asBoolean(false),
                    reconciliation.path("reconciledBy").asString(""),
                    Display.instant(reconciliation.path("reconciledAt").asString("")));
        }
    }

    /**
     * An issued credit or debit note our side of the reconciliation included (docs/settlement-reconciliation.md,
     * "Notes"): {@code type} {@code CREDIT_NOTE} or {@code DEBIT_NOTE}, its number, issued at (ISO).
     */
    record IncludedNote(String id, String type, String documentNumber, String issuedAt) {

        /** Its document number, else the start of its id. */
        public String number() {
            return documentNumber.isEmpty() ? Display.shortId(id) : documentNumber;
        }

        static IncludedNote of(JsonNode note) {
            return new IncludedNote(note.path("id").asString(""), note.path("type").asString(""),
                    note.path("documentNumber").asString(""), note.path("issuedAt").asString(""));
        }
    }

    /**
     * One compared key: our amount, theirs, the difference (theirs − ours) and the tolerance; {@code side}
     * {@code REVENUE_SHARE} (the partner's supply) or {@code WHOLESALE} (ours), empty when the keys left it out;
     * {@code notes} the numbers of the issued notes whose lines our amount includes ({@code noteLineIds}).
     */
    record ResultLine(int lineNo, String outcome, boolean beyondTolerance, String offeringId, String usageType,
                      String period, String reference, String statementAmount, String invoiceAmount,
                      String difference, String tolerance, String side, List<String> notes) {

        /**
         * The parts of the key it compared by after the offering in the user's words, e.g. {@code Voice · this
         * period} ({@code VOICE · CURRENT}); the reference as it came.
         */
        public String keyRest(DisplayHelper display) {
            return java.util.stream.Stream.of(display.code("UsageType", usageType),
                            display.code("ReconciliationPeriod", period), reference)
                    .filter(part -> !part.isEmpty()).collect(java.util.stream.Collectors.joining(" · "));
        }

        /** The included notes' numbers, joined by {@code ", "}. */
        public String noteNumbers() {
            return String.join(", ", notes);
        }

        /**
         * @param numbers the included notes' numbers by id; a note line of a note not among them (not expected) is
         *                named by the start of its note's id
         */
        static ResultLine of(JsonNode line, Map<String, String> numbers) {
            java.util.Set<String> notes = new java.util.LinkedHashSet<>();
            line.path("noteLineIds").forEach(noteLineId -> {
                // <note id>-<line number>
                String lineId = noteLineId.asString("");
                String noteId = lineId.substring(0, Math.max(0, lineId.lastIndexOf('-')));
                if (!noteId.isEmpty()) {
                    notes.add(numbers.getOrDefault(noteId, Display.shortId(noteId)));
                }
            });
            return new ResultLine(line.path("lineNo").asInt(0), line.path("outcome").asString(""),
                    line.path("beyondTolerance").asBoolean(false), line.path("offeringId").asString(""),
                    line.path("usageType").asString(""), line.path("period").asString(""),
                    line.path("reference").asString(""), Display.amount(line.path("statementAmount")),
                    Display.amount(line.path("invoiceAmount")), Display.amount(line.path("difference")),
                    Display.amount(line.path("tolerance")), line.path("side").asString(""), List.copyOf(notes));
        }
    }

    /** The record-level usage match: its state, mode and tolerances. */
    record UsageMatch(String state, String error, String mode, String requestedBy, String requestedAt,
                      String completedAt) {

        public boolean completed() {
            return "COMPLETED".equals(state);
        }

        static UsageMatch of(JsonNode match) {
            return new UsageMatch(match.path("state").asString(""), match.path("error").asString(""),
                    match.path("mode").asString(""), match.path("requestedBy").asString(""),
                    Display.instant(match.path("requestedAt").asString("")),
                    Display.instant(match.path("completedAt").asString("")));
        }
    }

    /** Per outcome of the usage match: how many records and the sums of both sides. */
    record MatchOutcome(String outcome, long count, String ourQuantity, String theirQuantity, String ourAmount,
                        String theirAmount) {

        static MatchOutcome of(String outcome, JsonNode totals) {
            return new MatchOutcome(outcome, totals.path("count").asLong(0), totals.path("ourQuantity").asString(""),
                    totals.path("theirQuantity").asString(""), Display.amount(totals.path("ourAmount")),
                    Display.amount(totals.path("theirAmount")));
        }
    }
}
