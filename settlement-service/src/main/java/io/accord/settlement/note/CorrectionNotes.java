package io.accord.settlement.note;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.CorrectionNoteApproved;
import io.accord.contracts.events.CorrectionNoteDrafted;
import io.accord.contracts.events.StatementIssued;
import io.accord.contracts.value.Money;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.document.DocumentContent;
import io.accord.settlement.document.SettlementDocuments;
import io.accord.settlement.issuer.IssuingEntities;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.numbering.DocumentNumbers;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Credit and debit notes (the feature's entry point): after issue a statement never changes, so finance corrects it
 * with a note referencing it, lines with amounts and a reason, taxed like the statement (its agreement's treatment),
 * approved by a second finance user, issued under the next gap-free number of the statement's issuing entity (the
 * same sequence as statements) with its PDF and JSON document. Each step is audited and published through the outbox.
 */
@Service
public class CorrectionNotes {

    private static final Set<String> CORRECTABLE = Set.of("ISSUED", "PAID");

    private final NoteStore store;
    private final Statements statements;
    private final SettlementPeriods periods;
    private final PartnerTerms partners;
    private final IssuingEntities issuers;
    private final DocumentNumbers numbers;
    private final SettlementDocuments documents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;
    private final DisputeAdjustments adjustments;

    CorrectionNotes(NoteStore store, Statements statements, SettlementPeriods periods, PartnerTerms partners,
                    IssuingEntities issuers, DocumentNumbers numbers, SettlementDocuments documents, Outbox outbox,
                    AuditTrail audit, Tenancy tenancy, Clock clock, DisputeAdjustments adjustments) {
        this.adjustments = adjustments;
        this.store = store;
        this.statements = statements;
        this.periods = periods;
        this.partners = partners;
        this.issuers = issuers;
        this.numbers = numbers;
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** A line of a note to draft: a positive amount at the currency's minor unit. */
    public record DraftLine(String label, BigDecimal amount, Integer statementLineNumber) {
    }

    /**
     * Drafts a note correcting an issued (or paid) statement.
     *
     * @param type {@code CREDIT_NOTE} (in the partner's favour) or {@code DEBIT_NOTE}
     */
    @Transactional
    public View draft(UUID statementId, String type, String reason, List<DraftLine> lines, String preparedBy) {
        CorrectionNote.Type noteType = type(type);
        Statements.View statement = statements.find(statementId)
                .orElseThrow(() -> new NotFoundException("Statement", statementId));
        if (!CORRECTABLE.contains(statement.state())) {
            throw new ConflictException("Statement " + statementId + " is " + statement.state()
                    + ": only an issued statement is corrected by a note (a draft is corrected by a new run)");
        }
        String currency = statement.currency();
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        List<CorrectionNote.Line> noteLines = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            DraftLine line = lines.get(i);
            if (line.amount().signum() <= 0) {
                throw new InvalidInputException("lines[" + i + "].amount", "amount must be positive; the type "
                        + "says whose favour it is in");
            }
            if (line.amount().stripTrailingZeros().scale() > digits) {
                throw new InvalidInputException("lines[" + i + "].amount", "amount has more decimals than "
                        + currency + " has (" + digits + ")");
            }
            Integer statementLine = line.statementLineNumber();
            if (statementLine != null && (statementLine < 1 || statementLine > statement.lines().size())) {
                throw new InvalidInputException("lines[" + i + "].statementLineNumber", "statement "
                        + statement.documentNumber() + " has lines 1.." + statement.lines().size()
                        + ", not " + statementLine);
            }
            noteLines.add(new CorrectionNote.Line(line.label().strip(), line.amount(), statementLine));
            net = net.add(line.amount());
        }
        AgreementActivated.TaxTreatment treatment = taxTreatment(statement);
        SettlementMath.TaxLine tax = SettlementMath.tax(Money.of(net, currency), treatment.ratePercent(),
                treatment.reverseCharge());
        BigDecimal taxAmount = SettlementMath.toMinorUnit(tax.amount()).amount();
        CorrectionNote note = new CorrectionNote(UUID.randomUUID(), noteType, statementId, statement.partnerId(),
                statement.periodId(), currency, noteLines, net, treatment.reverseCharge() ? "0"
                : treatment.ratePercent(), taxAmount, tax.legalNote(), net.add(taxAmount), reason.strip(), preparedBy);
        Instant now = clock.instant();
        store.insert(note, now);
        View view = view(note, statement.documentNumber());
        audit.record(new PartnerId(note.partnerId), "CorrectionNote", note.id.toString(), "drafted", null, view);
        outbox.publish(Topics.SETTLEMENT_EVENTS, new CorrectionNoteDrafted(UUID.randomUUID(), now,
                note.id.toString(), noteType.name(), statementId.toString(), statement.documentNumber(),
                note.partnerId.toString(), currency, plain(note.net, currency), plain(note.tax, currency),
                plain(note.total, currency), noteLines.size(), note.reason, preparedBy));
        return view;
    }

    /** A second finance user approves the draft (four-eyes: its preparer is refused with 409). */
    @Transactional
    public View approve(UUID noteId, String by) {
        CorrectionNote note = lock(noteId);
        Instant now = clock.instant();
        View before = view(note, null);
        note.approve(by, now);
        store.update(note);
        View after = view(note, correctedNumber(note));
        audit.record(new PartnerId(note.partnerId), "CorrectionNote", noteId.toString(), "approved", before, after);
        outbox.publish(Topics.SETTLEMENT_EVENTS, new CorrectionNoteApproved(UUID.randomUUID(), now,
                noteId.toString(), note.type.name(), note.statementId.toString(), note.partnerId.toString(),
                note.preparedBy, by, now));
        return after;
    }

    /**
     * Issues the approved note under the next gap-free number of the corrected statement's issuing entity, stores
     * its document and publishes {@code StatementIssued} (type CREDIT_NOTE or DEBIT_NOTE, correcting the statement).
     */
    @Transactional
    public View issue(UUID noteId) {
        CorrectionNote note = lock(noteId);
        note.requireState(CorrectionNote.State.APPROVED, "issue");
        Instant now = clock.instant();
        String entity = statements.issuingEntity(note.statementId).orElse(issuers.defaultEntity().id());
        DocumentNumbers.DocumentNumber number = numbers.assign(entity, now.atZone(ZoneOffset.UTC).getYear(),
                noteId.toString());
        View before = view(note, null);
        note.issue(number.formatted(), entity, now);
        store.update(note);
        adjustments.documentIssued(noteId, now);
        String corrected = correctedNumber(note);
        SettlementPeriods.Period period = period(note.partnerId, note.periodId);
        LocalDate due = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(terms(note.partnerId, period)
                .paymentTermsDays());
        SettlementDocuments.Stored document = documents.store(content(note, corrected, period, due));
        View after = view(note, corrected);
        audit.record(new PartnerId(note.partnerId), "CorrectionNote", noteId.toString(), "issued", before, after);
        outbox.publish(Topics.SETTLEMENT_EVENTS, new StatementIssued(UUID.randomUUID(), now, noteId.toString(),
                note.partnerId.toString(), note.periodId.toString(), period.startAt(), period.endAt(),
                note.type.name(), number.formatted(), entity, note.statementId.toString(), note.type.direction(),
                note.currency, plain(note.type.signed(note.net), note.currency),
                plain(note.type.signed(note.tax), note.currency), plain(note.type.signed(note.total), note.currency),
                now, due, document.pdfSha256(), eventLines(note)));
        return after;
    }

    /** The note, if the caller may see it (staff: any; a partner: its own once issued). */
    @Transactional(readOnly = true)
    public Optional<View> find(UUID noteId) {
        return tenancy.visible(store.find(noteId), note -> new PartnerId(note.partnerId))
                .filter(note -> tenancy.isStaff() || note.state() == CorrectionNote.State.ISSUED)
                .map(note -> view(note, correctedNumber(note)));
    }

    /** A page of notes, newest first; a partner sees only its own issued ones whatever it asks for. */
    @Transactional(readOnly = true)
    public Page<View> list(UUID partnerId, UUID statementId, String state, Pageable page) {
        UUID scope = partnerId;
        String scopedState = state;
        if (!tenancy.isStaff()) {
            scope = tenancy.partnerId().map(PartnerId::value).orElse(new UUID(0, 0));
            scopedState = state == null || state.equals(CorrectionNote.State.ISSUED.name())
                    ? CorrectionNote.State.ISSUED.name() : "none";
        }
        return store.list(scope, statementId, scopedState, page).map(note -> view(note, correctedNumber(note)));
    }

    private CorrectionNote lock(UUID noteId) {
        return store.lock(noteId).orElseThrow(() -> new NotFoundException("Note", noteId));
    }

    private String correctedNumber(CorrectionNote note) {
        return statements.find(note.statementId).map(Statements.View::documentNumber).orElse(null);
    }

    private AgreementActivated.TaxTreatment taxTreatment(Statements.View statement) {
        return terms(statement.partnerId(), period(statement.partnerId(), statement.periodId())).taxTreatment();
    }

    private SettlementPeriods.Period period(UUID partnerId, UUID periodId) {
        return periods.ofPartner(partnerId).stream().filter(period -> period.id().equals(periodId)).findFirst()
                .orElseThrow(() -> new ConflictException("Period " + periodId + " of partner " + partnerId
                        + " is unknown"));
    }

    private AgreementActivated.Terms terms(UUID partnerId, SettlementPeriods.Period period) {
        return partners.agreements(partnerId).stream()
                .filter(agreement -> agreement.agreementId().equals(period.agreementId())).findFirst()
                .or(() -> partners.agreementInForce(partnerId, period.startAt()))
                .orElseThrow(() -> new ConflictException("No agreement of partner " + partnerId + " covers period "
                        + period.id()))
                .terms();
    }

    private static DocumentContent content(CorrectionNote note, String corrected, SettlementPeriods.Period period,
                                           LocalDate due) {
        List<DocumentContent.Line> lines = new ArrayList<>();
        int number = 0;
        for (CorrectionNote.Line line : note.lines) {
            String label = line.statementLineNumber() == null ? line.label()
                    : line.label() + " (corrects line " + line.statementLineNumber() + ")";
            lines.add(new DocumentContent.Line(++number, "CORRECTION", label, null, null, null,
                    minor(note.type.signed(line.amount()), note.currency)));
        }
        return new DocumentContent(note.id, note.partnerId, note.type.name(), note.documentNumber(),
                note.issuingEntityId(), note.issuedAt(), period.startAt(), period.endAt(), due,
                note.type.direction(), note.currency, lines, minor(note.type.signed(note.net), note.currency),
                note.taxRatePercent, minor(note.type.signed(note.tax), note.currency), note.taxNote,
                minor(note.type.signed(note.total), note.currency), corrected, note.reason, List.of());
    }

    private static List<StatementIssued.Line> eventLines(CorrectionNote note) {
        List<StatementIssued.Line> lines = new ArrayList<>();
        int number = 0;
        for (CorrectionNote.Line line : note.lines) {
            number++;
            lines.add(new StatementIssued.Line(note.id + "-" + number, number, "CORRECTION", line.label(), null,
                    null, plain(note.type.signed(line.amount()), note.currency), note.currency));
        }
        return List.copyOf(lines);
    }

    private static View view(CorrectionNote note, String correctsDocumentNumber) {
        String currency = note.currency;
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (CorrectionNote.Line line : note.lines) {
            lines.add(new Line(++number, line.label(), minor(line.amount(), currency), line.statementLineNumber()));
        }
        return new View(note.id, note.type.name(), note.statementId, correctsDocumentNumber, note.partnerId,
                note.periodId, note.state().name(), note.type.direction(), currency, minor(note.net, currency),
                note.taxRatePercent, minor(note.tax, currency), note.taxNote, minor(note.total, currency),
                note.reason, note.preparedBy, note.approvedBy(), note.documentNumber(), note.issuingEntityId(),
                note.issuedAt(), List.copyOf(lines));
    }

    private static CorrectionNote.Type type(String type) {
        try {
            return CorrectionNote.Type.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new InvalidInputException("type", "type must be CREDIT_NOTE or DEBIT_NOTE, was '" + type + "'");
        }
    }

    private static BigDecimal minor(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    private static String plain(BigDecimal amount, String currency) {
        return minor(amount, currency).toPlainString();
    }

    /**
     * A note as callers see it; amounts positive at the minor unit, {@code direction} saying whose favour
     * ({@code PAYABLE}: the partner's).
     */
    public record View(UUID id, String type, UUID statementId, String correctsDocumentNumber, UUID partnerId,
                       UUID periodId, String state, String direction, String currency, BigDecimal netAmount,
                       String taxRatePercent, BigDecimal taxAmount, String taxNote, BigDecimal totalAmount,
                       String reason, String preparedBy, String approvedBy, String documentNumber,
                       String issuingEntityId, Instant issuedAt, List<Line> lines) {
    }

    /** A note line; {@code statementLineNumber} the statement line it corrects, or {@code null}. */
    public record Line(int lineNumber, String label, BigDecimal amount, Integer statementLineNumber) {
    }
}
