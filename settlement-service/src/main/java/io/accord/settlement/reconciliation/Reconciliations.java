package io.accord.settlement.reconciliation;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.ReconciliationCompleted;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.upload.FileNames;
import io.accord.platform.upload.FileSignature;
import io.accord.platform.upload.InspectedContent;
import io.accord.platform.problem.InvalidInputException;
import io.accord.settlement.note.CorrectionNotes;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Partner invoices and their reconciliation (the feature's entry point). A partner submits its own invoice for one
 * of its settlement periods (finance may submit on its behalf); once our statement of that period is issued the
 * invoice is reconciled line by line ({@link LineMatching}) with the agreement's tolerances, every reconciliation
 * publishing {@code ReconciliationCompleted} and, when a line is beyond tolerance, {@code
 * ReconciliationDiscrepancyFound} (from which the dispute service opens a dispute), through the outbox, audited.
 * Our side is the statement as our issued credit and debit notes corrected it ({@link #noteLines}): money a note
 * already credited is not disputed again.
 */
@Service
@EnableConfigurationProperties({ReconciliationProperties.class, RatingProperties.class})
public class Reconciliations {

    static final String INVOICE = "PartnerInvoice";
    static final String RECONCILIATION = "Reconciliation";
    private static final Set<String> RECONCILABLE = Set.of("ISSUED", "PAID");

    private final InvoiceStore store;
    private final SettlementPeriods periods;
    private final PartnerTerms partners;
    private final Statements statements;
    private final CorrectionNotes notes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final ReconciliationProperties properties;
    private final Clock clock;

    Reconciliations(InvoiceStore store, SettlementPeriods periods, PartnerTerms partners, Statements statements,
                    CorrectionNotes notes, Outbox outbox, AuditTrail audit, Tenancy tenancy,
                    ReconciliationProperties properties, Clock clock) {
        this.store = store;
        this.periods = periods;
        this.partners = partners;
        this.statements = statements;
        this.notes = notes;
        this.outbox = outbox;
        this.audit = audit;
        this.tenancy = tenancy;
        this.properties = properties;
        this.clock = clock;
    }

    /** An invoice PDF as uploaded. */
    record PdfUpload(byte[] bytes, String fileName) {
    }

    /**
     * Stores the invoice (all or nothing: every problem is refused together, naming its field, row and line) and,
     * when our statement of the period is issued, reconciles it at once.
     *
     * @param csvLines the lines of an uploaded CSV, {@code null} when they come in {@code request.lines()}
     */
    @Transactional
    InvoiceResources.InvoiceView submit(InvoiceResources.SubmitInvoice request, List<InvoiceLines.Numbered> csvLines,
                                        PdfUpload pdf) {
        List<InvoiceRejected.Violation> violations = new ArrayList<>();
        UUID partnerId = partner(request.partnerId(), violations);
        SettlementPeriods.Period period = period(partnerId, request.periodId(), violations);
        String number = request.invoiceNumber() == null || request.invoiceNumber().isBlank() ? null
                : request.invoiceNumber().strip();
        if (number == null || number.length() > 64) {
            violations.add(InvoiceRejected.Violation.of("invoiceNumber", "invoiceNumber is required (at most 64 "
                    + "characters)"));
        }
        LocalDate date = date(request.invoiceDate(), LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
                violations);
        String currency = currency(request.currency(), partnerId, period, violations);
        List<InvoiceLines.Numbered> lines = csvLines != null ? csvLines
                : request.lines() == null ? List.of() : InvoiceLines.fromJson(request.lines());
        if (csvLines != null && request.lines() != null && !request.lines().isEmpty()) {
            violations.add(InvoiceRejected.Violation.of("lines", "Send the lines either in the JSON or as a CSV file,"
                    + " not both"));
        }
        List<InvoiceLines.Valid> valid = InvoiceLines.check(lines,
                currency == null ? 6 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()),
                period == null ? LocalDate.MAX : LocalDate.ofInstant(period.startAt(), ZoneOffset.UTC), violations);
        InvoiceStore.Pdf stored = pdf == null ? null : pdf(pdf, violations);
        if (!violations.isEmpty()) {
            throw new InvoiceRejected("The invoice has " + violations.size() + " problem(s): "
                    + violations.getFirst().field() + (violations.size() > 1 ? ", …" : "") + "; nothing was stored",
                    violations);
        }
        store.lockPeriod(partnerId, period.id());
        if (store.numberTaken(partnerId, number)) {
            throw new ConflictException("Invoice number " + number + " was already submitted for partner "
                    + partnerId);
        }
        List<InvoiceStore.Invoice> earlier = store.current(partnerId, period.id());
        refuseDuplicate(earlier, currency, valid, period);
        BigDecimal total = valid.stream().map(InvoiceLines.Valid::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        InvoiceStore.Invoice invoice = new InvoiceStore.Invoice(UUID.randomUUID(), partnerId, period.id(), number,
                date, currency, total, valid.size(), stored == null ? null : stored.sha256(),
                stored == null ? null : stored.fileName(), null, null, null, tenancy.actor(), clock.instant(),
                InvoiceStore.SUBMITTED, null);
        store.insert(invoice, valid, stored);
        audit.record(new PartnerId(partnerId), INVOICE, invoice.id().toString(), "SUBMITTED", null,
                Map.of("periodId", period.id(), "invoiceNumber", number, "currency", currency, "total",
                        total.toPlainString(), "lines", valid.size(), "pdf", stored != null, "supersedes",
                        earlier.stream().map(InvoiceStore.Invoice::invoiceNumber).toList()));
        // the partner's latest invoice of a period is the one it stands by: the earlier ones are no longer reconciled
        for (InvoiceStore.Invoice previous : earlier) {
            store.supersede(previous.id(), invoice.id(), invoice.submittedAt());
            audit.record(new PartnerId(partnerId), INVOICE, previous.id().toString(), "SUPERSEDED",
                    Map.of("state", InvoiceStore.SUBMITTED), Map.of("state", InvoiceStore.SUPERSEDED,
                            "supersededBy", invoice.id(), "supersededByNumber", number));
        }
        statements.ofPeriod(partnerId, period.id())
                .filter(statement -> RECONCILABLE.contains(statement.state()))
                .filter(statement -> statement.currency().equals(currency))
                .ifPresent(statement -> reconcile(invoice, period, statement, properties.lineKeys()));
        return view(invoice, true);
    }

    /**
     * Refuses an invoice whose lines say the same about money as a current invoice of the period (the same
     * currency, and the same lines in any order, descriptions aside): submitted again under another number, it
     * would only reconcile, and dispute, the same differences again.
     */
    private void refuseDuplicate(List<InvoiceStore.Invoice> current, String currency, List<InvoiceLines.Valid> lines,
                                 SettlementPeriods.Period period) {
        Map<List<Object>, Long> content = content(lines);
        LocalDate start = LocalDate.ofInstant(period.startAt(), ZoneOffset.UTC);
        for (InvoiceStore.Invoice earlier : current) {
            if (earlier.currency().equals(currency) && earlier.lineCount() == lines.size()
                    && content(store.lines(earlier.id(), start)).equals(content)) {
                throw new ConflictException("Invoice " + earlier.invoiceNumber() + " (" + earlier.id() + ") of "
                        + "period " + period.id() + " has the same lines (offering, usage type, period, reference, "
                        + "side, quantity, amount): the same invoice is not submitted again under another number. "
                        + "A corrected invoice with other lines replaces it (supersedes it); nothing was stored");
            }
        }
    }

    private static Map<List<Object>, Long> content(List<InvoiceLines.Valid> lines) {
        return lines.stream().collect(java.util.stream.Collectors.groupingBy(InvoiceLines.Valid::content,
                java.util.stream.Collectors.counting()));
    }

    /** Reconciles the invoice (again) against our issued statement of its period, with the given keys. */
    @Transactional
    InvoiceResources.ReconciliationView reconcile(UUID invoiceId, List<String> keys) {
        InvoiceStore.Invoice invoice = tenancy.visible(store.lock(invoiceId), found -> new PartnerId(found.partnerId()))
                .orElseThrow(() -> new NotFoundException("Partner invoice", invoiceId));
        if (invoice.superseded()) {
            String later = store.find(invoice.supersededBy()).map(InvoiceStore.Invoice::invoiceNumber).orElse("?");
            throw new ConflictException("Invoice " + invoice.invoiceNumber() + " was superseded by invoice " + later
                    + " (" + invoice.supersededBy() + ") of the same period: reconcile that one");
        }
        List<LineMatching.Key> chosen = Optional.ofNullable(keys(keys)).orElse(properties.lineKeys());
        SettlementPeriods.Period period = periods.find(invoice.periodId()).orElseThrow();
        // the same answer whether a draft exists or not: a partner learns nothing of statements not issued yet
        Statements.View statement = statements.ofPeriod(invoice.partnerId(), period.id())
                .filter(found -> RECONCILABLE.contains(found.state()))
                .orElseThrow(() -> new ConflictException("There is no issued statement of period " + period.id()
                        + " yet: the invoice is reconciled once finance has issued it"));
        if (!statement.currency().equals(invoice.currency())) {
            throw new ConflictException("Statement " + statement.id() + " is in " + statement.currency()
                    + ", the invoice in " + invoice.currency());
        }
        return view(reconcile(invoice, period, statement, chosen));
    }

    private InvoiceStore.Reconciliation reconcile(InvoiceStore.Invoice invoice, SettlementPeriods.Period period,
                                                  Statements.View statement, List<LineMatching.Key> keys) {
        AgreementActivated.ReconciliationTolerance agreed = terms(invoice.partnerId(), period)
                .map(AgreementActivated.Terms::reconciliationTolerance).orElse(null);
        LineMatching.Tolerance tolerance = new LineMatching.Tolerance(decimal(agreed == null ? null
                : agreed.absoluteAmount()), decimal(agreed == null ? null : agreed.percent()));
        List<LineMatching.Line> ours = new ArrayList<>();
        for (int i = 0; i < statement.lines().size(); i++) {
            Statements.Line line = statement.lines().get(i);
            if ("TAX".equals(line.type())) {
                continue;
            }
            String lineId = statement.lineId(i + 1);
            ours.add(new LineMatching.Line(lineId, line.offeringId(), line.usageType(),
                    "PRIOR_PERIOD_ADJUSTMENT".equals(line.type()) ? LineMatching.PRIOR : LineMatching.CURRENT,
                    lineId, line.rounded(), side(line)));
        }
        ours.addAll(noteLines(statement, notes.issuedOn(statement.id())));
        List<LineMatching.Line> theirs = store.lines(invoice.id(), LocalDate.ofInstant(period.startAt(),
                ZoneOffset.UTC)).stream().map(line -> new LineMatching.Line(String.valueOf(line.lineNo()),
                line.offeringId(), line.usageType(), line.period(), line.reference(), line.amount(), line.side()))
                .toList();
        List<LineMatching.Result> results = LineMatching.match(ours, theirs, EnumSet.copyOf(keys), tolerance,
                invoice.currency());
        BigDecimal ourTotal = sum(ours);
        BigDecimal theirTotal = sum(theirs);
        boolean discrepancies = results.stream().anyMatch(LineMatching.Result::beyondTolerance);
        Instant now = clock.instant();
        InvoiceStore.Reconciliation reconciliation = new InvoiceStore.Reconciliation(UUID.randomUUID(), invoice.id(),
                invoice.partnerId(), period.id(), statement.id(), statement.documentNumber(),
                keys.stream().map(Enum::name).toList(), invoice.currency(), tolerance.absolute(),
                tolerance.percent(), ourTotal, theirTotal, theirTotal.subtract(ourTotal), discrepancies,
                tenancy.actor(), now, results);
        store.insert(reconciliation);
        Map<String, Integer> outcomes = outcomes(results);
        audit.record(new PartnerId(invoice.partnerId()), RECONCILIATION, reconciliation.id().toString(),
                "RECONCILED", null, Map.of("partnerInvoiceId", invoice.id(), "statementId", statement.id(),
                        "keys", reconciliation.keys(), "outcomes", outcomes, "discrepancies", discrepancies,
                        "noteLineIds", ours.stream().filter(LineMatching.Line::fromNote).map(LineMatching.Line::id)
                                .toList()));
        String currency = invoice.currency();
        outbox.publish(Topics.SETTLEMENT_EVENTS, new ReconciliationCompleted(UUID.randomUUID(), now,
                reconciliation.id().toString(), invoice.partnerId().toString(), statement.id().toString(),
                period.id().toString(), invoice.id().toString(), invoice.invoiceNumber(), currency, outcomes,
                plain(ourTotal, currency), plain(theirTotal, currency),
                plain(theirTotal.subtract(ourTotal), currency), discrepancies));
        if (discrepancies) {
            List<LineMatching.Result> beyond = results.stream().filter(LineMatching.Result::beyondTolerance)
                    .toList();
            outbox.publish(Topics.SETTLEMENT_EVENTS, new ReconciliationDiscrepancyFound(UUID.randomUUID(), now,
                    reconciliation.id().toString(), invoice.partnerId().toString(), statement.id().toString(),
                    statement.documentNumber(), period.id().toString(), period.startAt(), period.endAt(),
                    invoice.id().toString(), invoice.invoiceNumber(), currency,
                    plain(beyond.stream().map(LineMatching.Result::difference).reduce(BigDecimal.ZERO,
                            BigDecimal::add), currency),
                    beyond.stream().map(line -> discrepancy(line, currency, statement.id())).toList()));
        }
        return reconciliation;
    }

    /**
     * The lines of the statement's issued notes on our side, signed as the statement's lines (positive: payable to
     * the partner; a credit note adds, a debit note takes away). A line naming a statement line takes that line's key
     * (offering, usage type, period, side, and its line id as reference), so it corrects the line's figure; a line
     * naming none is compared on its own, with no offering or usage type, the note's number as its reference and
     * its side by its sign (as an invoice line stating none). A line correcting a TAX line is left out, as TAX lines
     * are. Drafts, approved and withdrawn notes are not documents and never count.
     */
    static List<LineMatching.Line> noteLines(Statements.View statement, List<CorrectionNotes.View> issued) {
        List<LineMatching.Line> lines = new ArrayList<>();
        for (CorrectionNotes.View note : issued) {
            for (CorrectionNotes.Line line : note.lines()) {
                BigDecimal amount = "DEBIT_NOTE".equals(note.type()) ? line.amount().negate() : line.amount();
                Integer number = line.statementLineNumber();
                if (number == null || number < 1 || number > statement.lines().size()) {
                    lines.add(new LineMatching.Line(line.id(), null, null, LineMatching.CURRENT,
                            note.documentNumber(), amount, LineMatching.sideOf(null, amount), true));
                    continue;
                }
                Statements.Line corrected = statement.lines().get(number - 1);
                if ("TAX".equals(corrected.type())) {
                    continue;
                }
                lines.add(new LineMatching.Line(line.id(), corrected.offeringId(), corrected.usageType(),
                        "PRIOR_PERIOD_ADJUSTMENT".equals(corrected.type()) ? LineMatching.PRIOR
                                : LineMatching.CURRENT, statement.lineId(number), amount, side(corrected), true));
            }
        }
        return lines;
    }

    /** The revenue-share line kinds (the partner's supply to us) and the wholesale ones (ours to it). */
    private static final Set<String> REVENUE_SHARE_LINES = Set.of("USAGE_REVENUE_SHARE", "RECURRING_SHARE",
            "ONE_TIME_SHARE", "VOLUME_TIER_BONUS", "MINIMUM_GUARANTEE_TOP_UP");
    private static final Set<String> WHOLESALE_LINES = Set.of("WHOLESALE", "RECURRING_WHOLESALE",
            "ONE_TIME_WHOLESALE", "MINIMUM_COMMITMENT");

    /**
     * The supply our line documents, as the statement's document type reads it (docs/settlement.md, "What decides
     * the type"): by its kind; a prior-period usage line by its direction; a dispute adjustment, which corrects
     * either, and a line without a direction by its sign, like an invoice line that states no side.
     */
    static String side(Statements.Line line) {
        if (REVENUE_SHARE_LINES.contains(line.type())) {
            return LineMatching.REVENUE_SHARE;
        }
        if (WHOLESALE_LINES.contains(line.type())) {
            return LineMatching.WHOLESALE;
        }
        if ("PAYABLE_TO_PARTNER".equals(line.direction())) {
            return LineMatching.REVENUE_SHARE;
        }
        if ("OWED_BY_PARTNER".equals(line.direction())) {
            return LineMatching.WHOLESALE;
        }
        return LineMatching.sideOf(null, line.rounded());
    }

    private static ReconciliationDiscrepancyFound.Discrepancy discrepancy(LineMatching.Result line, String currency,
                                                                          UUID statementId) {
        return new ReconciliationDiscrepancyFound.Discrepancy(line.outcome().name(), line.offeringId(),
                line.usageType(), line.reference(),
                line.statementLineIds().size() == 1 ? line.statementLineIds().getFirst() : null,
                line.ours() == null ? null : plain(line.ours(), currency),
                line.theirs() == null ? null : plain(line.theirs(), currency), plain(line.difference(), currency),
                plain(line.tolerance(), currency), line.period(), line.side(), line.statementLineIds(),
                line.discrepancyKey(statementId));
    }

    @Transactional(readOnly = true)
    Optional<InvoiceResources.InvoiceView> invoice(UUID id) {
        return tenancy.visible(store.find(id), invoice -> new PartnerId(invoice.partnerId()))
                .map(invoice -> view(invoice, true));
    }

    /**
     * A page of invoices, newest first, without their lines (each with its latest reconciliation and usage match);
     * a partner sees only its own (naming another partner: none).
     */
    @Transactional(readOnly = true)
    org.springframework.data.domain.Page<InvoiceResources.InvoiceView> invoices(
            UUID partnerId, UUID periodId, org.springframework.data.domain.Pageable page) {
        return store.page(tenancy.listScope(partnerId), periodId, page).map(invoice -> view(invoice, false));
    }

    @Transactional(readOnly = true)
    Optional<InvoiceStore.Pdf> pdf(UUID invoiceId) {
        return invoice(invoiceId).flatMap(invoice -> store.pdf(invoiceId));
    }

    @Transactional(readOnly = true)
    Optional<InvoiceResources.ReconciliationView> reconciliation(UUID id) {
        return tenancy.visible(store.reconciliation(id), found -> new PartnerId(found.partnerId()))
                .map(this::view);
    }

    /** The invoice if the caller may see it, for the usage features of this package. */
    Optional<InvoiceStore.Invoice> visibleInvoice(UUID id) {
        return tenancy.visible(store.find(id), invoice -> new PartnerId(invoice.partnerId()));
    }

    private UUID partner(String given, List<InvoiceRejected.Violation> violations) {
        Optional<PartnerId> own = tenancy.partnerId();
        if (own.isPresent()) {
            if (given != null && !given.isBlank() && !given.strip().equalsIgnoreCase(own.get().value().toString())) {
                violations.add(InvoiceRejected.Violation.of("partnerId", "A partner submits its own invoices only: "
                        + "leave partnerId out or give your own"));
            }
            return own.get().value();
        }
        if (given == null || given.isBlank()) {
            violations.add(InvoiceRejected.Violation.of("partnerId", "partnerId is required when finance submits "
                    + "on a partner's behalf"));
            return null;
        }
        try {
            return UUID.fromString(given.strip());
        } catch (IllegalArgumentException malformed) {
            violations.add(InvoiceRejected.Violation.of("partnerId", "partnerId must be a UUID, not '" + given
                    + "'"));
            return null;
        }
    }

    private SettlementPeriods.Period period(UUID partnerId, String given, List<InvoiceRejected.Violation> violations) {
        if (given == null || given.isBlank()) {
            violations.add(InvoiceRejected.Violation.of("periodId", "periodId is required: the settlement period "
                    + "the invoice is for (GET /api/settlement/periods)"));
            return null;
        }
        try {
            UUID id = UUID.fromString(given.strip());
            Optional<SettlementPeriods.Period> period = periods.find(id)
                    .filter(found -> found.partnerId().equals(partnerId));
            if (period.isEmpty()) {
                violations.add(InvoiceRejected.Violation.of("periodId", "periodId " + id + " is not a settlement "
                        + "period of " + (partnerId == null ? "the partner" : "partner " + partnerId)));
            }
            return period.orElse(null);
        } catch (IllegalArgumentException malformed) {
            violations.add(InvoiceRejected.Violation.of("periodId", "periodId must be a UUID, not '" + given + "'"));
            return null;
        }
    }

    /** An ISO date in the supported range, at most a day after {@code today} (UTC: the partner may be ahead). */
    private static LocalDate date(String given, LocalDate today, List<InvoiceRejected.Violation> violations) {
        if (given == null || given.isBlank()) {
            violations.add(InvoiceRejected.Violation.of("invoiceDate", "invoiceDate is required (ISO date)"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(given.strip());
            if (SupportedTimes.contains(date) && date.isAfter(today.plusDays(1))) {
                violations.add(InvoiceRejected.Violation.of("invoiceDate", "invoiceDate " + date + " is in the future"
                        + " (today is " + today + " in UTC): an invoice is dated when it is issued"));
                return null;
            }
            if (SupportedTimes.contains(date)) {
                return date;
            }
            violations.add(InvoiceRejected.Violation.of("invoiceDate", "invoiceDate must be " + SupportedTimes.RANGE
                    + ", not '" + given + "'"));
            return null;
        } catch (DateTimeParseException malformed) {
            violations.add(InvoiceRejected.Violation.of("invoiceDate", "invoiceDate must be an ISO date (e.g. "
                    + "2026-04-03), not '" + given + "'"));
            return null;
        }
    }

    /** The invoice is in the currency of the period's agreement (the statement's). */
    private String currency(String given, UUID partnerId, SettlementPeriods.Period period,
                            List<InvoiceRejected.Violation> violations) {
        String currency = given == null ? null : given.strip().toUpperCase(java.util.Locale.ROOT);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            violations.add(InvoiceRejected.Violation.of("currency", "currency is required: an ISO 4217 code"));
            return null;
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            violations.add(InvoiceRejected.Violation.of("currency", "currency '" + currency + "' is not ISO 4217"));
            return null;
        }
        if (period != null) {
            terms(partnerId, period).map(AgreementActivated.Terms::currency).filter(agreed -> !agreed.equals(currency))
                    .ifPresent(agreed -> violations.add(InvoiceRejected.Violation.of("currency", "The partner "
                            + "settles period " + period.id() + " in " + agreed + ", not " + currency)));
        }
        return currency;
    }

    private InvoiceStore.Pdf pdf(PdfUpload pdf, List<InvoiceRejected.Violation> violations) {
        byte[] bytes = pdf.bytes();
        // before the upload check, whose refusal of other content names PNG and JPEG as accepted: here only a PDF is
        if (bytes != null && bytes.length > 0 && bytes.length <= properties.maxPdfSize().toBytes()
                && FileSignature.of(bytes).filter(FileSignature.PDF::equals).isEmpty()) {
            violations.add(InvoiceRejected.Violation.of("pdf", "The attached file is " + FileSignature
                    .describe(bytes) + ", not a PDF: only a PDF is accepted as the invoice's pdf (the type is "
                    + "checked by content)"));
            return null;
        }
        try {
            InspectedContent content = InspectedContent.inspect(bytes, properties.maxPdfSize());
            return new InvoiceStore.Pdf(content.bytes(), content.sha256(), FileNames.clean(pdf.fileName()));
        } catch (InvalidInputException refused) {
            violations.add(InvoiceRejected.Violation.of("pdf", refused.getMessage()));
            return null;
        } catch (MaxUploadSizeExceededException tooLarge) {
            violations.add(InvoiceRejected.Violation.of("pdf", "The PDF exceeds " + properties.maxPdfSize()));
            return null;
        }
    }

    private static List<LineMatching.Key> keys(List<String> given) {
        if (given == null) {
            return null;
        }
        if (given.isEmpty()) {
            // [] used to fall back to the default keys silently: matching by nothing is not what anyone asks for
            throw InvoiceRejected.of("keys", "keys names at least one of " + List.of(LineMatching.Key.values())
                    + "; leave it out for the default keys");
        }
        List<LineMatching.Key> keys = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            try {
                keys.add(LineMatching.Key.valueOf(String.valueOf(given.get(i)).strip().toUpperCase(
                        java.util.Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw InvoiceRejected.of("keys[" + i + "]", "keys[" + i + "] '" + given.get(i) + "' is not one of "
                        + List.of(LineMatching.Key.values()));
            }
        }
        return keys;
    }

    private Optional<AgreementActivated.Terms> terms(UUID partnerId, SettlementPeriods.Period period) {
        return partners.agreements(partnerId).stream()
                .filter(agreement -> agreement.agreementId().equals(period.agreementId())).findFirst()
                .or(() -> partners.agreementInForce(partnerId, period.startAt()))
                .map(PartnerTerms.Agreement::terms);
    }

    private static Map<String, Integer> outcomes(List<LineMatching.Result> results) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (LineMatching.Outcome outcome : LineMatching.Outcome.values()) {
            outcomes.put(outcome.name(), 0);
        }
        results.forEach(result -> outcomes.merge(result.outcome().name(), 1, Integer::sum));
        return outcomes;
    }

    private static BigDecimal sum(List<LineMatching.Line> lines) {
        return lines.stream().map(LineMatching.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.strip()).abs();
        } catch (NumberFormatException malformed) {
            return BigDecimal.ZERO;
        }
    }

    /** A decimal at the currency's minor unit, as events carry it (already at the minor unit: nothing rounds). */
    static String plain(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private InvoiceResources.InvoiceView view(InvoiceStore.Invoice invoice, boolean withLines) {
        String href = InvoiceResources.INVOICES + "/" + invoice.id();
        LocalDate start = periods.find(invoice.periodId()).map(p -> LocalDate.ofInstant(p.startAt(), ZoneOffset.UTC))
                .orElse(LocalDate.MAX);
        List<InvoiceResources.InvoiceLineView> lines = withLines ? store.lines(invoice.id(), start).stream()
                .map(line -> new InvoiceResources.InvoiceLineView(line.lineNo(), line.offeringId(), line.usageType(),
                        line.periodStart(), line.reference(), line.description(), line.quantity(), line.amount(),
                        line.side()))
                .toList() : List.of();
        InvoiceResources.ReconciliationSummary latest = store.latestReconciliation(invoice.id())
                .map(found -> new InvoiceResources.ReconciliationSummary(found.id(),
                        InvoiceResources.RECONCILIATIONS + "/" + found.id(), outcomes(found.lines()),
                        found.discrepancies())).orElse(null);
        return new InvoiceResources.InvoiceView(invoice.id(), href, invoice.partnerId(), invoice.periodId(),
                invoice.invoiceNumber(), invoice.invoiceDate(), invoice.currency(), invoice.totalAmount(),
                invoice.lineCount(), invoice.pdfSha256() == null ? null : new InvoiceResources.Attachment(
                invoice.pdfFileName(), invoice.pdfSha256(), href + "/pdf"),
                invoice.usageRows() == null ? null : new InvoiceResources.UsageFile(invoice.usageFileName(),
                        invoice.usageRows(), invoice.usageSha256()),
                invoice.submittedBy(), invoice.submittedAt(), lines, latest,
                store.latestUsageMatch(invoice.id()).map(match -> new InvoiceResources.UsageMatchSummary(match.id(),
                        InvoiceResources.USAGE_MATCHES + "/" + match.id(), match.state())).orElse(null),
                invoice.state(), invoice.supersededBy() == null ? null : store.find(invoice.supersededBy())
                .map(later -> new InvoiceResources.InvoiceRef(later.id(), later.invoiceNumber(),
                        InvoiceResources.INVOICES + "/" + later.id())).orElse(null));
    }

    private InvoiceResources.ReconciliationView view(InvoiceStore.Reconciliation reconciliation) {
        InvoiceStore.Invoice invoice = store.find(reconciliation.invoiceId()).orElseThrow();
        List<InvoiceResources.ResultLine> lines = new ArrayList<>();
        for (int i = 0; i < reconciliation.lines().size(); i++) {
            LineMatching.Result line = reconciliation.lines().get(i);
            lines.add(new InvoiceResources.ResultLine(i + 1, line.outcome().name(), line.beyondTolerance(),
                    line.offeringId(), line.usageType(), line.period(), line.reference(), line.statementLineIds(),
                    line.invoiceLineIds().stream().map(Integer::valueOf).toList(), line.ours(), line.theirs(),
                    line.difference(), line.tolerance(), line.side(),
                    line.discrepancyKey(reconciliation.statementId()), line.noteLineIds()));
        }
        Set<String> included = reconciliation.lines().stream().flatMap(line -> line.noteLineIds().stream())
                .map(Reconciliations::noteOf).collect(java.util.stream.Collectors.toSet());
        List<InvoiceResources.IncludedNote> includedNotes = included.isEmpty() ? List.of()
                : notes.issuedOn(reconciliation.statementId()).stream()
                .filter(note -> included.contains(note.id().toString()))
                .map(note -> new InvoiceResources.IncludedNote(note.id(), InvoiceResources.NOTES + "/" + note.id(),
                        note.type(), note.documentNumber(), note.issuedAt())).toList();
        return new InvoiceResources.ReconciliationView(reconciliation.id(),
                InvoiceResources.RECONCILIATIONS + "/" + reconciliation.id(), invoice.id(), invoice.invoiceNumber(),
                reconciliation.partnerId(), reconciliation.periodId(), reconciliation.statementId(),
                reconciliation.documentNumber(), reconciliation.keys(), reconciliation.currency(),
                reconciliation.absoluteTolerance(), reconciliation.percentTolerance(),
                outcomes(reconciliation.lines()), reconciliation.statementTotal(), reconciliation.invoiceTotal(),
                reconciliation.difference(), reconciliation.discrepancies(), reconciliation.reconciledBy(),
                reconciliation.reconciledAt(), includedNotes, lines);
    }

    /** The note of a note line id ({@code <note id>-<line number>}). */
    private static String noteOf(String noteLineId) {
        return noteLineId.substring(0, noteLineId.lastIndexOf('-'));
    }
}
