package io.accord.portal.statement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import io.accord.portal.offeringname.OfferingNames;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import io.accord.portal.security.StaffActions;
import tools.jackson.databind.JsonNode;

/**
 * One statement's page (settlement-service, docs/settlement.md): its figures and lines, what was paid on it and what
 * remains, its credit and debit notes, and for finance the forms that record a payment, draft, approve and issue a
 * note ({@link StatementNotesController}) and discard a statement not issued ({@link StatementDiscardController}).
 * Shared by the page and those forms, which show the page again when settlement refuses them.
 */
@Component
class StatementPage {

    static final String API = "/api/settlement/statements/{id}";
    /** The statement as a TMF678 customer bill: its {@code paymentDueDate}. */
    static final String CUSTOMER_BILL = "/tmf-api/customerBillManagement/v4/customerBill/{id}";
    private static final Logger log = LoggerFactory.getLogger(StatementPage.class);
    private static final int NOTES_LIMIT = 100;

    private final Gateway gateway;
    private final PartnerNames partnerNames;
    private final OfferingNames offeringNames;
    private final Clock clock;
    private final StatementDisputes disputes;

    StatementPage(Gateway gateway, PartnerNames partnerNames, OfferingNames offeringNames, Clock clock,
                  StatementDisputes disputes) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
        this.offeringNames = offeringNames;
        this.clock = clock;
        this.disputes = disputes;
    }

    /**
     * The statement's figures. {@code remainingAmount} is what is still to pay: the statement's own when settlement
     * says it, else what the latest payment left, else |total| − paid once issued ({@code null} before);
     * {@code paymentDirection} which way a payment goes now (the form sends it: settlement refuses it with 409 when
     * a note turned the balance meanwhile, rather than record the opposite of what happened).
     */
    record Header(String id, String documentNumber, String partnerId, String state, String direction,
                  String currency, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount,
                  BigDecimal paidAmount, BigDecimal notesAmount, BigDecimal remainingAmount, String issuedAt,
                  String periodId, String taxNote, boolean downloadable, String paymentDirection) {

        /** The number when issued, else the first eight characters of its id. */
        public String shownNumber() {
            return documentNumber.isEmpty() ? Display.shortId(id) : documentNumber;
        }
    }

    /**
     * A statement line: its number (1, 2, ... as disputes name it), label (settlement's, in English), type, amount at
     * the minor unit, what it is of (offering, usage type, reference: the parts a label in another language is made
     * of) and, when converted from another currency, the source amount and the rate ({@code null} otherwise). A
     * usage line also says what it counts (docs/settlement.md, "What a usage line counts"): its {@code quantity} in
     * {@code unit}, the rated records behind it ({@code recordCount}, net of reversals) and the one price per unit they
     * were charged at ({@code unitPrice}, in the usage currency) and the one revenue share in percent they were
     * computed with ({@code shareRate}, {@code 30} = 30 %); each {@code null} when settlement does not say it.
     * {@code id} is how disputes name the line ({@code <statement id>-<number>}).
     */
    record Line(int number, String label, String type, BigDecimal amount, String offeringId, String usageType,
                String reference, BigDecimal sourceAmount, String sourceCurrency, BigDecimal fxRate,
                BigDecimal quantity, String unit, Long recordCount, BigDecimal unitPrice, BigDecimal shareRate,
                String id) {

        /** The amount a dispute of the line starts with: its size, whichever way it goes ({@code 5.35}, {@code 10}). */
        public String disputedAmount() {
            return amount == null ? "" : amount.abs().stripTrailingZeros().toPlainString();
        }

        /** Whether the amount was converted from another currency (the page shows "20.70 XAU × 2,500.123456"). */
        public boolean converted() {
            return sourceAmount != null && fxRate != null && !sourceCurrency.isEmpty();
        }

        /** Whether the quantity is shown with its unit ("1,274.5 MB"): only when settlement says the unit. */
        public boolean counted() {
            return quantity != null && unit != null;
        }

        /** Whether the line says anything of its usage (the "Usage: 2 rated records, …" beneath its label). */
        public boolean countsUsage() {
            return recordCount != null || counted();
        }

        /** The currency {@code unitPrice} is in: the usage's, a converted line's source currency. */
        public String usageCurrency(String statementCurrency) {
            return converted() ? sourceCurrency : statementCurrency;
        }
    }

    /**
     * What was paid on the statement, each way apart (settlement's {@code paidAmount} nets them: the partner paid
     * 4.80, we refunded 2.00, "paid 2.80"): the sums of the partner's payments to us and of ours to the partner.
     */
    record Paid(BigDecimal byPartner, BigDecimal byUs) {

        static Paid of(List<Payment> payments) {
            BigDecimal byPartner = BigDecimal.ZERO;
            BigDecimal byUs = BigDecimal.ZERO;
            for (Payment payment : payments) {
                BigDecimal amount = payment.amount() == null ? BigDecimal.ZERO : payment.amount();
                if ("RECEIVABLE".equals(payment.direction())) {
                    byPartner = byPartner.add(amount);
                } else if ("PAYABLE".equals(payment.direction())) {
                    byUs = byUs.add(amount);
                }
            }
            return new Paid(byPartner, byUs);
        }

        public boolean partnerPaid() {
            return byPartner.signum() != 0;
        }

        public boolean wePaid() {
            return byUs.signum() != 0;
        }
    }

    /** A recorded payment; {@code direction} PAYABLE (we paid the partner) or RECEIVABLE (the partner paid us). */
    record Payment(String id, BigDecimal amount, String currency, String paidOn, String reference,
                   BigDecimal remainingAmount, String recordedBy, String recordedAt, String direction) {
    }

    /**
     * A credit or debit note; its PDF exists once issued. {@code preparedBy} and {@code approvedBy} (finance users)
     * are empty to a partner, as settlement sends them.
     */
    record Note(String id, String documentNumber, String type, String state, String currency,
                BigDecimal totalAmount, String issuedAt, boolean downloadable, String preparedBy, String approvedBy) {

        /** The number once issued, else the first eight characters of its id. */
        public String shownNumber() {
            return documentNumber.isEmpty() ? Display.shortId(id) : documentNumber;
        }
    }

    /**
     * What keeps a DRAFT or APPROVED statement from its next step until it is fixed elsewhere (settlement's
     * {@code warnings}, e.g. {@code PARTNER_TAX_ID_MISSING}); {@code message} is settlement's, in English.
     */
    record Warning(String code, String message) {

        /** The codes the portal words itself; any other is shown as its code, with settlement's message to staff. */
        static final java.util.Set<String> KNOWN = java.util.Set.of("PARTNER_TAX_ID_MISSING");

        public boolean known() {
            return KNOWN.contains(code);
        }

        public boolean taxIdMissing() {
            return "PARTNER_TAX_ID_MISSING".equals(code);
        }
    }

    /** An agreement version the statement was computed with (settlement's {@code agreements}, oldest first). */
    record AgreementVersion(String agreementId, int version) {
    }

    /** A period's bounds in UTC to the minute, the end exclusive as settlement keeps it. */
    record Period(String start, String end) {
    }

    /** The payment form as the user filled it in, with each field's error (empty: none). */
    record PaymentForm(Map<String, String> values, Map<String, String> errors, String detail) {

        private static final java.util.Set<String> INPUTS = java.util.Set.of("amount", "paidOn", "reference");

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        /** The errors of fields the form has no input for (e.g. the currency it sends along), each as "field: …". */
        public List<String> otherErrors() {
            return errors.entrySet().stream().filter(e -> !INPUTS.contains(e.getKey()))
                    .map(e -> e.getKey() + ": " + e.getValue()).toList();
        }

        /** Whether the form was refused (by the portal's check or by settlement). */
        /** How many of the form's own inputs are marked with an error (the summary counts them). */
        public long markedFields() {
            return errors.keySet().stream().filter(INPUTS::contains).count();
        }

        public boolean refused() {
            return detail != null || !errors.isEmpty();
        }
    }

    /** Shows the statement; an unknown or another partner's one is the gateway's 404, the not-found page. */
    String show(UUID id, OidcUser principal, Model model) {
        JsonNode statement = gateway.get(API, id);
        List<Payment> payments = payments(gateway.get(API + "/payments", id));
        Gateway.Listing notes = gateway.list("/api/settlement/notes?statementId={id}&offset=0&limit={limit}", id,
                NOTES_LIMIT);
        Header header = header(statement, payments);
        List<Line> lines = lines(statement);
        boolean staff = principal != null && PortalUser.of(principal).partnerId() == null;
        model.addAttribute("statement", header);
        model.addAttribute("lines", lines);
        // settlement's labels are English: another language names each line by its offering and usage type
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("offeringNames", english ? OfferingNames.Names.NONE
                : offeringNames.of(lines.stream().map(Line::offeringId).toList()));
        model.addAttribute("payments", payments);
        model.addAttribute("paid", Paid.of(payments));
        model.addAttribute("dueDate", header.downloadable() ? dueDate(statement, id) : null);
        model.addAttribute("notes", notes(notes.items()));
        model.addAttribute("notesTotal", notes.total());
        model.addAttribute("period", period(header.periodId()));
        model.addAttribute("agreements", agreements(statement));
        model.addAttribute("showsPartner", staff);
        model.addAttribute("warnings", warnings(statement));
        model.addAttribute("disputes", disputes.of(principal, header,
                statement.path("issuedAt").asString(""), lines));
        // the roles onboarding lets set a partner's tax id (PATCH of the organization's organizationIdentification)
        model.addAttribute("setsTaxId", principal != null
                && StaffActions.mayAct(principal, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN));
        model.addAttribute("partnerNames", staff && !header.partnerId().isBlank()
                ? partnerNames.of(List.of(header.partnerId())) : PartnerNames.Names.NONE);
        boolean finance = principal != null && StaffActions.mayAct(principal, Roles.FINANCE);
        model.addAttribute("recordsPayments", finance && "ISSUED".equals(header.state()));
        // finance corrects an issued (or paid) statement by a note, approves (four eyes) and issues notes, and
        // discards a statement not issued yet (settlement refuses anyone else, and these steps in other states)
        model.addAttribute("draftsNotes", finance && header.downloadable());
        model.addAttribute("actsOnNotes", finance);
        model.addAttribute("discards", finance && ("DRAFT".equals(header.state())
                || "APPROVED".equals(header.state())));
        model.addAttribute("noteTypes", StatementNotesController.TYPES);
        model.addAttribute("noteRows", StatementNotesController.ROW_INDEXES);
        model.addAttribute("noteInputs", StatementNotesController.INPUTS);
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", StatementForm.EMPTY);
        }
        if (!model.containsAttribute("discardForm")) {
            model.addAttribute("discardForm", StatementForm.EMPTY);
        }
        if (!model.containsAttribute("paymentForm")) {
            model.addAttribute("paymentForm", new PaymentForm(Map.of("paidOn",
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString()), Map.of(), null));
        }
        return "statement";
    }

    static Header header(JsonNode statement, List<Payment> payments) {
        String state = statement.path("state").asString("");
        boolean issued = "ISSUED".equals(state) || "PAID".equals(state);
        BigDecimal total = StatementsController.amount(statement, "totalAmount");
        BigDecimal paid = StatementsController.amount(statement, "paidAmount");
        BigDecimal remaining = StatementsController.amount(statement, "remainingAmount");
        if (remaining == null && !payments.isEmpty()) {
            remaining = payments.getLast().remainingAmount();
        }
        if (remaining == null && issued && total != null) {
            remaining = total.abs().subtract(paid == null ? BigDecimal.ZERO : paid);
        }
        return new Header(statement.path("id").asString(), statement.path("documentNumber").asString(""),
                statement.path("partnerId").asString(""), state, statement.path("direction").asString(""),
                statement.path("currency").asString(""), StatementsController.amount(statement, "netAmount"),
                StatementsController.amount(statement, "taxAmount"), total, paid,
                StatementsController.amount(statement, "notesAmount"), remaining,
                Display.instant(statement.path("issuedAt").asString("")), statement.path("periodId").asString(""),
                statement.path("taxNote").asString(""), issued, paymentDirection(statement));
    }

    /**
     * Which way a payment now goes: what remains to be paid (issued notes can turn it, e.g. a credit note after a
     * receivable statement was paid: we owe the partner), else the statement's own direction.
     */
    private static String paymentDirection(JsonNode statement) {
        String remaining = statement.path("remainingDirection").asString("");
        return remaining.isEmpty() ? statement.path("direction").asString("") : remaining;
    }

    private static List<Line> lines(JsonNode statement) {
        List<Line> lines = new ArrayList<>();
        String statementId = statement.path("id").asString("");
        for (JsonNode line : statement.path("lines")) {
            int number = lines.size() + 1;
            lines.add(new Line(number, line.path("label").asString(""), line.path("type").asString(""),
                    StatementsController.amount(line, "rounded"), line.path("offeringId").asString(""),
                    line.path("usageType").asString(""), line.path("reference").asString(""),
                    StatementsController.amount(line, "sourceAmount"), line.path("sourceCurrency").asString(""),
                    StatementsController.amount(line, "fxRate"), StatementsController.amount(line, "quantity"),
                    text(line, "unit"), line.path("recordCount").isIntegralNumber()
                            ? line.path("recordCount").asLong() : null,
                    StatementsController.amount(line, "unitPrice"), StatementsController.amount(line, "shareRate"),
                    line.path("id").asString(statementId + "-" + number)));
        }
        return lines;
    }

    /** The agreement versions settlement names; none when it names none (statements drafted before it did). */
    static List<AgreementVersion> agreements(JsonNode statement) {
        List<AgreementVersion> agreements = new ArrayList<>();
        for (JsonNode agreement : statement.path("agreements")) {
            String id = agreement.path("agreementId").asString("").strip();
            if (!id.isEmpty() && agreement.path("version").isIntegralNumber()) {
                agreements.add(new AgreementVersion(id, agreement.path("version").asInt()));
            }
        }
        return agreements;
    }

    /** A text field, {@code null} when absent, null or blank. */
    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString("").strip();
        return value.isEmpty() ? null : value;
    }

    private static List<Warning> warnings(JsonNode statement) {
        List<Warning> warnings = new ArrayList<>();
        for (JsonNode warning : statement.path("warnings")) {
            String code = warning.path("code").asString("").strip();
            if (!code.isEmpty()) {
                warnings.add(new Warning(code, warning.path("message").asString("")));
            }
        }
        return warnings;
    }

    private static List<Payment> payments(JsonNode items) {
        List<Payment> payments = new ArrayList<>();
        for (JsonNode payment : items) {
            payments.add(new Payment(payment.path("id").asString(""),
                    StatementsController.amount(payment, "amount"), payment.path("currency").asString(""),
                    payment.path("paidOn").asString(""), payment.path("reference").asString(""),
                    StatementsController.amount(payment, "remainingAmount"), payment.path("recordedBy").asString(""),
                    Display.instant(payment.path("recordedAt").asString("")), payment.path("direction").asString("")));
        }
        return payments;
    }

    private static List<Note> notes(JsonNode items) {
        List<Note> notes = new ArrayList<>();
        for (JsonNode note : items) {
            String state = note.path("state").asString("");
            notes.add(new Note(note.path("id").asString(""), note.path("documentNumber").asString(""),
                    note.path("type").asString(""), state, note.path("currency").asString(""),
                    StatementsController.amount(note, "totalAmount"),
                    Display.instant(note.path("issuedAt").asString("")), "ISSUED".equals(state),
                    note.path("preparedBy").asString(""), note.path("approvedBy").asString("")));
        }
        return notes;
    }

    /**
     * When an issued statement is due (a date, UTC): the statement's own {@code dueDate} when settlement sends it,
     * else its TMF678 customer bill's {@code paymentDueDate} (issue date + the agreement's payment terms), else
     * {@code null} (no terms known, or the bill not readable): the page shows the statement without it.
     */
    private String dueDate(JsonNode statement, UUID id) {
        String own = statement.path("dueDate").asString("");
        if (!own.isBlank()) {
            return day(own);
        }
        try {
            return day(gateway.get(CUSTOMER_BILL, id).path("paymentDueDate").asString(""));
        } catch (GatewayException e) {
            log.warn("customer bill of statement {} not available: {}", id, e.getMessage());
            return null;
        }
    }

    /** {@code 2027-01-05T00:00:00Z} or {@code 2027-01-05} as {@code 2027-01-05}; blank as {@code null}. */
    private static String day(String value) {
        String text = value.strip();
        return text.isEmpty() || "null".equals(text) ? null : text.length() > 10 && text.charAt(10) == 'T'
                ? text.substring(0, 10) : text;
    }

    /** The statement's period, or {@code null}: the page shows the statement without it rather than not at all. */
    private Period period(String periodId) {
        if (periodId.isBlank()) {
            return null;
        }
        try {
            JsonNode period = gateway.get("/api/settlement/periods/{id}", periodId);
            return new Period(Display.instant(period.path("startAt").asString("")),
                    Display.instant(period.path("endAt").asString("")));
        } catch (GatewayException e) {
            log.warn("settlement period {} not available: {}", periodId, e.getMessage());
            return null;
        }
    }
}
