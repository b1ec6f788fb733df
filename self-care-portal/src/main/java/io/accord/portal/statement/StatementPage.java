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
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import io.accord.portal.security.StaffActions;
import tools.jackson.databind.JsonNode;

/**
 * One statement's page (settlement-service, docs/settlement.md): its figures and lines, what was paid on it and what
 * remains, its credit and debit notes, and for finance the form that records a payment. Shared by the page and the
 * payment form, which shows the page again when settlement refuses a payment.
 */
@Component
class StatementPage {

    static final String API = "/api/settlement/statements/{id}";
    private static final Logger log = LoggerFactory.getLogger(StatementPage.class);
    private static final int NOTES_LIMIT = 100;

    private final Gateway gateway;
    private final PartnerNames partnerNames;
    private final Clock clock;

    StatementPage(Gateway gateway, PartnerNames partnerNames, Clock clock) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
        this.clock = clock;
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

    /** A statement line: its number (1, 2, ... as disputes name it), label, type and amount at the minor unit. */
    record Line(int number, String label, String type, BigDecimal amount) {
    }

    /** A recorded payment; {@code direction} PAYABLE (we paid the partner) or RECEIVABLE (the partner paid us). */
    record Payment(String id, BigDecimal amount, String currency, String paidOn, String reference,
                   BigDecimal remainingAmount, String recordedBy, String recordedAt, String direction) {
    }

    /** A credit or debit note; its PDF exists once issued. */
    record Note(String id, String documentNumber, String type, String state, String currency,
                BigDecimal totalAmount, String issuedAt, boolean downloadable) {
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
        boolean staff = principal != null && PortalUser.of(principal).partnerId() == null;
        model.addAttribute("statement", header);
        model.addAttribute("lines", lines(statement));
        model.addAttribute("payments", payments);
        model.addAttribute("notes", notes(notes.items()));
        model.addAttribute("notesTotal", notes.total());
        model.addAttribute("period", period(header.periodId()));
        model.addAttribute("showsPartner", staff);
        model.addAttribute("partnerNames", staff && !header.partnerId().isBlank()
                ? partnerNames.of(List.of(header.partnerId())) : PartnerNames.Names.NONE);
        model.addAttribute("recordsPayments", principal != null && StaffActions.mayAct(principal, Roles.FINANCE)
                && "ISSUED".equals(header.state()));
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
        for (JsonNode line : statement.path("lines")) {
            lines.add(new Line(lines.size() + 1, line.path("label").asString(""), line.path("type").asString(""),
                    StatementsController.amount(line, "rounded")));
        }
        return lines;
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
                    Display.instant(note.path("issuedAt").asString("")), "ISSUED".equals(state)));
        }
        return notes;
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
