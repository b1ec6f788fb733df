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
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/**
 * Credit and debit notes (the feature's entry point): after issue a statement never changes, so finance corrects it
 * with a note referencing it, lines with amounts and a reason, taxed like the statement (its agreement's treatment),
 * approved by a second finance user, issued under the next gap-free number of the statement's issuing entity (the
 * same sequence as statements) with its PDF and JSON document, or withdrawn before issue. Each step is audited, and
 * drafting, approval and issue are published through the outbox. What notes may correct is bounded by the statement
 * ({@link NoteCeilings}).
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
     * Drafts a note correcting an issued (or paid) statement, within what the statement may still be corrected by
     * ({@link NoteCeilings}: otherwise 422 naming the line or total, what earlier notes took and what remains).
     *
     * @param type {@code CREDIT_NOTE} (in the partner's favour) or {@code DEBIT_NOTE}
     */
    @Transactional
    public View draft(UUID statementId, String type, String reason, List<DraftLine> lines, String preparedBy) {
        return draft(statementId, type, reason, lines, preparedBy, null);
    }

    /**
     * Drafts a note carrying a correction someone else proposed (a dispute's resolution, drafted by {@code system}):
     * four-eyes then refuses that proposer as the approver too.
     *
     * @param proposedBy who proposed the correction, {@code null} when nobody but the preparer did
     */
    @Transactional
    View draft(UUID statementId, String type, String reason, List<DraftLine> lines, String preparedBy,
               String proposedBy) {
        Drafting drafting = prepare(statementId, type, lines);
        drafting.refusal().ifPresent(refusal -> {
            throw new NoteExceedsStatement(refusal, drafting.statement().currency());
        });
        Statements.View statement = drafting.statement();
        String currency = statement.currency();
        CorrectionNote note = new CorrectionNote(UUID.randomUUID(), drafting.type(), statementId,
                statement.partnerId(), statement.periodId(), currency, drafting.lines(), drafting.net(),
                drafting.taxRatePercent(), drafting.tax(), drafting.taxNote(), drafting.total(), reason.strip(),
                preparedBy, proposedBy);
        Instant now = clock.instant();
        store.insert(note, now);
        View view = view(note, statement.documentNumber());
        audit.record(new PartnerId(note.partnerId), "CorrectionNote", note.id.toString(), "drafted", null, view);
        outbox.publish(Topics.SETTLEMENT_EVENTS, new CorrectionNoteDrafted(UUID.randomUUID(), now,
                note.id.toString(), note.type.name(), statementId.toString(), statement.documentNumber(),
                note.partnerId.toString(), currency, plain(note.net, currency), plain(note.tax, currency),
                plain(note.total, currency), note.lines.size(), note.reason, preparedBy));
        return view;
    }

    /**
     * Why the note would be refused by what the statement may still be corrected by, nothing when it fits: asked
     * before drafting where a refusal must not fail the caller's transaction (a dispute's adjustment then waits for
     * the partner's next statement instead). Bad input still throws, as in {@link #draft}.
     */
    Optional<NoteCeilings.Refusal> refusal(UUID statementId, String type, List<DraftLine> lines) {
        return prepare(statementId, type, lines).refusal();
    }

    /**
     * The note's lines and amounts checked against the statement, with the statement's row locked until the
     * transaction ends: two notes drafted at once for one statement are checked one after the other, so together
     * they cannot pass a ceiling each fits alone.
     */
    private Drafting prepare(UUID statementId, String type, List<DraftLine> lines) {
        CorrectionNote.Type noteType = type(type);
        Statements.View statement = statements.lockForCorrection(statementId)
                .orElseThrow(() -> new NotFoundException("Statement", statementId));
        if (!CORRECTABLE.contains(statement.state())) {
            throw new ConflictException("Statement " + statementId + " is " + statement.state()
                    + ": only an issued statement is corrected by a note; to correct this one, "
                    + statements.correctionOfUnissued(statementId));
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
        SettlementMath.Treatment treatment = taxTreatment(statement, noteType);
        SettlementMath.TaxLine tax = SettlementMath.tax(Money.of(net, currency), treatment);
        BigDecimal taxAmount = SettlementMath.toMinorUnit(tax.amount()).amount();
        BigDecimal total = net.add(taxAmount);
        NoteCeilings.Corrected corrected = new NoteCeilings.Corrected(statement.documentNumber(), currency,
                statement.lines().stream().map(Statements.Line::rounded).toList(), statement.totalAmount());
        List<CorrectionNote> earlier = store.ofStatement(statementId);
        Optional<NoteCeilings.Refusal> refusal = NoteCeilings.check(corrected, earlier,
                adjustedElsewhere(statement, earlier, treatment), noteType, noteLines, total);
        return new Drafting(statement, noteType, List.copyOf(noteLines), net,
                treatment.noted() ? "0" : treatment.ratePercent(), taxAmount, tax.legalNote(), total,
                refusal);
    }

    /**
     * The dispute adjustments about the statement ({@code statementReference}) that a later statement's line carries
     * (or a note not among the statement's own, which count as notes already): in its currency, at the minor unit,
     * with the tax the note would carry for the total ceiling. One still pending counts once a document carries it.
     * The adjustment does not name a statement line; on a statement with one line besides tax it can only be about
     * that one.
     */
    private List<NoteCeilings.Adjusted> adjustedElsewhere(Statements.View statement, List<CorrectionNote> earlier,
                                                          SettlementMath.Treatment treatment) {
        Set<UUID> ownNotes = earlier.stream().map(note -> note.id).collect(java.util.stream.Collectors.toSet());
        List<Statements.Line> untaxed = statement.lines().stream().filter(line -> !"TAX".equals(line.type()))
                .toList();
        Integer onlyLine = untaxed.size() == 1 ? untaxed.getFirst().lineNumber() : null;
        String currency = statement.currency();
        return adjustments.ofPartner(statement.partnerId()).stream()
                .filter(adjustment -> adjustment.statementReference() != null
                        && adjustment.statementReference().strip().equals(statement.id().toString()))
                .filter(adjustment -> !adjustment.pending() && adjustment.currency().equals(currency))
                .filter(adjustment -> !statement.id().equals(adjustment.statementId())
                        && (adjustment.noteId() == null || !ownNotes.contains(adjustment.noteId())))
                .map(adjustment -> {
                    BigDecimal amount = atMinorUnit(adjustment.amount(), currency);
                    BigDecimal tax = SettlementMath.toMinorUnit(SettlementMath.tax(Money.of(amount, currency),
                            treatment).amount()).amount();
                    return new NoteCeilings.Adjusted(adjustment.adjustmentId(), adjustment.disputeId(),
                            "DEBIT_PARTNER".equals(adjustment.direction()) ? CorrectionNote.Type.DEBIT_NOTE
                                    : CorrectionNote.Type.CREDIT_NOTE, onlyLine, amount, amount.add(tax),
                            adjustment.settledLineId());
                }).toList();
    }

    private record Drafting(Statements.View statement, CorrectionNote.Type type, List<CorrectionNote.Line> lines,
                            BigDecimal net, String taxRatePercent, BigDecimal tax, String taxNote, BigDecimal total,
                            Optional<NoteCeilings.Refusal> refusal) {
    }

    /**
     * A second finance user approves the draft (four-eyes: its preparer, or whoever proposed the correction it
     * carries, is refused with 409). A note on a self-billed statement while the partner's tax id is unknown: 409
     * ({@link Statements#requirePartnerTaxIdForNote}).
     */
    @Transactional
    public View approve(UUID noteId, String by) {
        CorrectionNote note = lock(noteId);
        Instant now = clock.instant();
        View before = view(note, null);
        note.approve(by, now);
        statements.requirePartnerTaxIdForNote(note.statementId, "approve " + described(note));
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
     * The note changes the statement's balance, in this transaction with the statement's row locked (as payments
     * lock it): what remains to be paid moves by the note's total, a statement it brings to 0 is PAID, and a PAID one
     * it leaves non-zero is ISSUED again ({@link Statements#applyNote}). A note on a self-billed statement while the
     * partner's tax id is unknown (approved before it was required): 409, as at approval.
     */
    @Transactional
    public View issue(UUID noteId) {
        CorrectionNote note = lock(noteId);
        note.requireState(CorrectionNote.State.APPROVED, "issue");
        // the statement before the number: a statement's issue takes its row, then the number, in that order too
        statements.lockForCorrection(note.statementId)
                .orElseThrow(() -> new NotFoundException("Statement", note.statementId));
        statements.requirePartnerTaxIdForNote(note.statementId, "issue " + described(note));
        Instant now = clock.instant();
        String entity = statements.issuingEntity(note.statementId).orElse(issuers.defaultEntity().id());
        DocumentNumbers.DocumentNumber number = numbers.assign(entity, now.atZone(ZoneOffset.UTC).getYear(),
                noteId.toString());
        View before = view(note, null);
        note.issue(number.formatted(), entity, now);
        store.update(note);
        statements.applyNote(note.statementId, new Statements.CorrectingNote(noteId, note.type.name(),
                number.formatted(), atMinorUnit(note.type.signed(note.total), note.currency)),
                Money.of(note.type.signed(note.total), note.currency));
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

    /**
     * Finance withdraws a wrong draft or approved note, with its reason (audited): it never becomes a document, and
     * no longer takes from what the statement may be corrected by. An issued note is corrected by another note, and a
     * note that settles a dispute's adjustment stays (409): the dispute service was told that note carries it.
     */
    @Transactional
    public View withdraw(UUID noteId, String reason, String by) {
        CorrectionNote note = lock(noteId);
        adjustments.settledByNote(noteId).ifPresent(adjustment -> {
            throw new ConflictException("Note " + noteId + " settles dispute " + adjustment.disputeId()
                    + " adjustment " + adjustment.adjustmentId() + ", as the dispute service was told: it is not "
                    + "withdrawn; once issued, correct it with another note");
        });
        View before = view(note, null);
        note.withdraw(by, reason.strip(), clock.instant());
        store.update(note);
        View after = view(note, correctedNumber(note));
        audit.record(new PartnerId(note.partnerId), "CorrectionNote", noteId.toString(), "withdrawn", before, after);
        return after;
    }

    /** The note, if the caller may see it (staff: any; a partner: its own once issued). */
    @Transactional(readOnly = true)
    public Optional<View> find(UUID noteId) {
        return tenancy.visible(store.find(noteId), note -> new PartnerId(note.partnerId))
                .filter(note -> tenancy.isStaff() || note.state() == CorrectionNote.State.ISSUED)
                .map(note -> visible(view(note, correctedNumber(note))));
    }

    /**
     * The statement's ISSUED notes, oldest first: the documents that corrected it (a draft, approved or withdrawn note
     * corrects nothing yet, or ever). For features comparing against the statement as corrected, whoever asks.
     */
    @Transactional(readOnly = true)
    public List<View> issuedOn(UUID statementId) {
        return store.ofStatement(statementId).stream().filter(note -> note.state() == CorrectionNote.State.ISSUED)
                .map(note -> view(note, correctedNumber(note))).toList();
    }

    /** A page of notes, newest first; a partner sees only its own issued ones (naming another partner: none). */
    @Transactional(readOnly = true)
    public Page<View> list(UUID partnerId, UUID statementId, String state, Pageable page) {
        UUID scope = tenancy.listScope(partnerId);
        String scopedState = state;
        if (!tenancy.isStaff()) {
            scopedState = state == null || state.equals(CorrectionNote.State.ISSUED.name())
                    ? CorrectionNote.State.ISSUED.name() : "none";
        }
        return store.list(scope, statementId, scopedState, page)
                .map(note -> visible(view(note, correctedNumber(note))));
    }

    /** The view as the caller may see it: a partner is not told which of our users prepared or approved it. */
    private View visible(View view) {
        return tenancy.isStaff() ? view : view.withoutStaffNames();
    }

    private CorrectionNote lock(UUID noteId) {
        return store.lock(noteId).orElseThrow(() -> new NotFoundException("Note", noteId));
    }

    /** "credit note <id>" or "debit note <id>", as refusals name it. */
    private static String described(CorrectionNote note) {
        return note.type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + note.id;
    }

    private String correctedNumber(CorrectionNote note) {
        return statements.find(note.statementId).map(Statements.View::documentNumber).orElse(null);
    }

    /**
     * A note is taxed like the supply it corrects (the statement's tax line of it, {@link
     * Statements.View#taxLineOfCorrection}): reverse charge or outside the scope of EU VAT as that line is, else the
     * agreement's treatment.
     */
    private SettlementMath.Treatment taxTreatment(Statements.View statement, CorrectionNote.Type type) {
        AgreementActivated.TaxTreatment agreed = terms(statement.partnerId(),
                period(statement.partnerId(), statement.periodId())).taxTreatment();
        if (!statement.taxLines().isEmpty()) {
            switch (statement.taxLineOfCorrection(type == CorrectionNote.Type.CREDIT_NOTE).category()) {
                case "REVERSE_CHARGE" -> {
                    return SettlementMath.Treatment.REVERSE_CHARGE;
                }
                case "OUTSIDE_SCOPE" -> {
                    return SettlementMath.Treatment.OUTSIDE_SCOPE;
                }
                default -> {
                }
            }
        }
        return SettlementMath.Treatment.of(agreed.ratePercent(), agreed.reverseCharge());
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
                    atMinorUnit(note.type.signed(line.amount()), note.currency)));
        }
        return new DocumentContent(note.id, note.partnerId, note.type.name(), note.documentNumber(),
                note.issuingEntityId(), note.issuedAt(), period.startAt(), period.endAt(), due,
                note.type.direction(), note.currency, lines, atMinorUnit(note.type.signed(note.net), note.currency),
                note.taxRatePercent, atMinorUnit(note.type.signed(note.tax), note.currency), note.taxNote,
                atMinorUnit(note.type.signed(note.total), note.currency), corrected, note.reason, List.of());
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
            number++;
            lines.add(new Line(note.id + "-" + number, number, line.label(), atMinorUnit(line.amount(), currency),
                    line.statementLineNumber()));
        }
        return new View(note.id, note.type.name(), note.statementId, correctsDocumentNumber, note.partnerId,
                note.periodId, note.state().name(), note.type.direction(), currency, atMinorUnit(note.net, currency),
                note.taxRatePercent, atMinorUnit(note.tax, currency), note.taxNote, atMinorUnit(note.total, currency),
                note.reason, note.preparedBy, note.proposedBy, note.approvedBy(), note.documentNumber(),
                note.issuingEntityId(), note.issuedAt(), note.withdrawnBy(), note.withdrawnAt(),
                note.withdrawalReason(), List.copyOf(lines));
    }

    private static CorrectionNote.Type type(String type) {
        try {
            return CorrectionNote.Type.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new InvalidInputException("type", "type must be CREDIT_NOTE or DEBIT_NOTE, was '" + type + "'");
        }
    }


    private static String plain(BigDecimal amount, String currency) {
        return atMinorUnit(amount, currency).toPlainString();
    }

    /**
     * A note as callers see it; amounts positive at the minor unit, {@code direction} saying whose favour
     * ({@code PAYABLE}: the partner's).
     *
     * @param state      DRAFT, APPROVED, ISSUED or WITHDRAWN
     * @param proposedBy who proposed the correction when not its preparer (a dispute's resolution), who may not
     *                   approve it either; {@code null} otherwise
     * @param preparedBy who drafted it; like proposedBy, approvedBy and withdrawnBy, {@code null} to a partner, who is
     *                   not told our users' names
     */
    @Schema(name = "CorrectionNoteView")
    public record View(UUID id, String type, UUID statementId, String correctsDocumentNumber, UUID partnerId,
                       UUID periodId, String state, String direction, String currency, BigDecimal netAmount,
                       String taxRatePercent, BigDecimal taxAmount, String taxNote, BigDecimal totalAmount,
                       String reason, String preparedBy, String proposedBy, String approvedBy, String documentNumber,
                       String issuingEntityId, Instant issuedAt, String withdrawnBy, Instant withdrawnAt,
                       String withdrawalReason, List<Line> lines) {

        /** The view without who prepared, proposed, approved or withdrew it: what a partner sees. */
        View withoutStaffNames() {
            return new View(id, type, statementId, correctsDocumentNumber, partnerId, periodId, state, direction,
                    currency, netAmount, taxRatePercent, taxAmount, taxNote, totalAmount, reason, null, null, null,
                    documentNumber, issuingEntityId, issuedAt, null, withdrawnAt, withdrawalReason, lines);
        }
    }

    /**
     * A note line: {@code id} as its {@code StatementIssued} names it ({@code <note id>-<lineNumber>});
     * {@code statementLineNumber} the statement line it corrects, or {@code null}.
     */
    @Schema(name = "CorrectionNoteLine")
    public record Line(String id, int lineNumber, String label, BigDecimal amount, Integer statementLineNumber) {
    }
}
