package io.accord.settlement.statement;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.StatementApproved;
import io.accord.contracts.events.StatementDiscarded;
import io.accord.contracts.events.StatementDrafted;
import io.accord.contracts.events.StatementAgreementVersion;
import io.accord.contracts.events.StatementIssued;
import io.accord.contracts.value.Money;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.document.SettlementDocuments;
import io.accord.settlement.fx.FxRates;
import io.accord.settlement.issuer.IssuingEntities;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.numbering.DocumentNumbers;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.PeriodState;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/**
 * Partners' statements (the feature's entry point): drafted once per partner and period from the period's usage
 * sums, approved by a second finance user, issued with a gap-free number; each step publishes its event through the
 * outbox on {@code settlement.events.v1} and is audited ({@code SettlementStatement}: {@code drafted},
 * {@code approved}, {@code issued}, as notes and payments are) in the same transaction. A wrong DRAFT or APPROVED
 * statement is discarded ({@link #discard}): what its drafting reserved is released and the period is drafted afresh.
 */
@Service
public class Statements {

    private final StatementStore store;
    private final UsageSums usage;
    private final SettlementPeriods periods;
    private final PartnerTerms partners;
    private final FxRates fxRates;
    private final IssuingEntities issuers;
    private final DocumentNumbers numbers;
    private final Outbox outbox;
    private final io.accord.platform.security.Tenancy tenancy;
    private final SettlementDocuments documents;
    private final Clock clock;
    private final StatementComposer composer;
    private final DisputeAdjustments adjustments;
    private final AuditTrail audit;
    private final StatementDiscards discards;
    private final SelfBilledTaxId taxIds;
    private final ApproverWarnings approvers;
    private final SupersededRateWarnings supersededRates;
    private final StatementReplacements replacements;
    private final StatementsCsv csv;

    Statements(StatementStore store, UsageSums usage, SettlementPeriods periods, PartnerTerms partners,
               FxRates fxRates, IssuingEntities issuers, DocumentNumbers numbers, Outbox outbox,
               io.accord.platform.security.Tenancy tenancy, SettlementDocuments documents, Clock clock,
               StatementComposer composer, DisputeAdjustments adjustments, AuditTrail audit,
               StatementDiscards discards, SelfBilledTaxId taxIds, ApproverWarnings approvers,
               StatementReplacements replacements, StatementsCsv csv, SupersededRateWarnings supersededRates) {
        this.replacements = replacements;
        this.supersededRates = supersededRates;
        this.csv = csv;
        this.taxIds = taxIds;
        this.approvers = approvers;
        this.audit = audit;
        this.discards = discards;
        this.composer = composer;
        this.adjustments = adjustments;
        this.tenancy = tenancy;
        this.documents = documents;
        this.store = store;
        this.usage = usage;
        this.periods = periods;
        this.partners = partners;
        this.fxRates = fxRates;
        this.issuers = issuers;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Drafts the statement of the partner's period (which a run is closing, or closed), or returns the one it has:
     * never two per partner and period, however often or concurrently this runs (a discarded one does not count).
     * An earlier period of the partner whose statement was discarded is drafted first (409 until then).
     */
    @Transactional
    public View draft(UUID partnerId, UUID periodId, String preparedBy) {
        List<SettlementPeriods.Period> own = periods.ofPartner(partnerId);
        SettlementPeriods.Period period = own.stream()
                .filter(candidate -> candidate.id().equals(periodId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Settlement period", periodId));
        if (period.state() == PeriodState.OPEN) {
            throw new ConflictException("Period " + periodId + " is OPEN: a run starts closing it first");
        }
        var existing = store.ofPeriod(partnerId, periodId);
        if (existing.isPresent()) {
            return view(existing.get());
        }
        discards.requireEarlierDrafted(period, own);
        takeBackLateUsage(period, own);
        StatementComposer.Composition composition = composer.compose(partnerId, period);
        StatementLines.Lines lines = composition.lines();
        Statement statement = Statement.draft(partnerId, periodId, lines, preparedBy, composition.businessModel(),
                store.discardedLast(partnerId, periodId).orElse(null), composition.agreements());
        Instant now = clock.instant();
        if (!store.insert(statement, now)) {
            return view(store.ofPeriod(partnerId, periodId).orElseThrow());
        }
        composer.carried(composition, partnerId, statement.id());
        Difference change = StatementReplacements.difference(statement, replacements.replaced(statement));
        outbox.publish(Topics.SETTLEMENT_EVENTS, new StatementDrafted(UUID.randomUUID(), now,
                statement.id().toString(), partnerId.toString(), periodId.toString(), period.startAt(),
                period.endAt(), documentType(statement), statement.direction(), lines.total().currency(),
                plain(lines.net()), plain(lines.tax()), plain(lines.total()), lines.lines().size(), preparedBy,
                statement.replacesStatementId() == null ? null : statement.replacesStatementId().toString(),
                change == null ? null : plain(change.netAmount(), lines.total().currency()),
                change == null ? null : plain(change.taxAmount(), lines.total().currency()),
                change == null ? null : plain(change.totalAmount(), lines.total().currency()),
                eventAgreements(statement)));
        audit(statement, "drafted", null, null);
        return view(statement);
    }

    /**
     * A new draft of a period whose statement was discarded bills all its usage known now: the usage of its window that
     * arrived after it closed (placed in a later period as a prior-period adjustment) becomes its own again, as long as
     * that later period has no statement (discarding newest first and drafting oldest first keep it so), and so is
     * billed once, here, and not again by the later statement. Under the partner's period lock, so no usage batch of
     * the partner places usage meanwhile.
     */
    private void takeBackLateUsage(SettlementPeriods.Period period, List<SettlementPeriods.Period> own) {
        UUID partnerId = period.partnerId();
        if (store.discardedPeriods(List.of(partnerId)).stream()
                .noneMatch(discarded -> discarded.periodId().equals(period.id()))) {
            return;
        }
        periods.holdPartner(partnerId);
        List<UUID> later = own.stream().filter(candidate -> candidate.startAt().isAfter(period.startAt()))
                .map(SettlementPeriods.Period::id)
                .filter(candidate -> store.ofPeriod(partnerId, candidate).isEmpty()).toList();
        usage.takeBackLateUsage(partnerId, period.id(), later, clock.instant());
    }

    /**
     * A second finance user approves the draft (four-eyes: its preparer, or the proposer of a dispute adjustment it
     * carries, is refused with 409). A self-billed document while the partner's tax id is unknown: 409
     * ({@link SelfBilledTaxId}).
     */
    @Transactional
    public View approve(UUID statementId, String by) {
        Statement statement = lock(statementId);
        Instant now = clock.instant();
        Audited before = Audited.of(statement, null);
        statement.refuseProposerAsApprover(by, adjustments.proposersOnStatement(statementId));
        statement.approve(by, now);
        taxIds.require(statement, "approve");
        store.update(statement, null);
        audit(statement, "approved", before, null);
        outbox.publish(Topics.SETTLEMENT_EVENTS, new StatementApproved(UUID.randomUUID(), now,
                statementId.toString(), statement.partnerId().toString(), statement.periodId().toString(),
                statement.preparedBy(), by, now));
        return view(statement);
    }

    /**
     * Issues the approved statement under the default issuing entity's next gap-free number of the year, stores its
     * document (PDF and JSON, {@code SettlementDocuments}) and publishes {@code StatementIssued} with the PDF's
     * SHA-256 and the lines. In period order: while an earlier period of the partner has a DRAFT or APPROVED
     * statement, 409 naming it (issue or discard it first), so that one can still be discarded. A self-billed
     * document while the partner's tax id is unknown (approved before it was required): 409 ({@link SelfBilledTaxId}).
     * Holds the FX pairs its lines converted ({@link FxRates#holdPairs}): a correction or backdated rate of one of
     * them confirmed meanwhile waits for this issue and is then refused. Lines converted at a rate a confirmed
     * correction has superseded (checked under those locks): 409 {@code fx-rate-superseded} naming the rates, nothing
     * changed; the statement is discarded and the period drafted again ({@link SupersededRateWarnings#refuseIssue}).
     */
    @Transactional
    public View issue(UUID statementId) {
        Statement statement = lock(statementId);
        Instant now = clock.instant();
        if (statement.state() != Statement.State.APPROVED) {
            throw new ConflictException("Cannot issue statement " + statementId + ": it is " + statement.state()
                    + ", not APPROVED");
        }
        discards.requireEarlierIssued(statement);
        taxIds.require(statement, "issue");
        fxRates.holdPairs(statement.lines().stream().filter(line -> line.fxRate() != null
                && line.sourceAmount() != null).map(line -> line.sourceAmount().currency()).toList(),
                statement.totals().total().currency());
        supersededRates.refuseIssue(statement);
        String entity = issuers.defaultEntity().id();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        DocumentNumbers.DocumentNumber number = numbers.assign(entity, year, statementId.toString());
        Audited before = Audited.of(statement, null);
        statement.issue(number.formatted(), now);
        store.update(statement, entity);
        audit(statement, "issued", before, entity);
        adjustments.documentIssued(statementId, now);
        SettlementPeriods.Period period = periods.ofPartner(statement.partnerId()).stream()
                .filter(candidate -> candidate.id().equals(statement.periodId())).findFirst().orElseThrow();
        AgreementActivated.Terms terms = terms(statement.partnerId(), period);
        StatementLines.Lines totals = statement.totals();
        LocalDate due = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(terms.paymentTermsDays());
        List<UsageSums.OnBehalfLine> onBehalf = usage.onBehalfOfPeriod(period.id());
        SettlementDocuments.Stored document = documents.store(StatementDocument.content(statement,
                documentType(statement), entity, period, due, terms.taxTreatment().ratePercent(), onBehalf,
                composer.offeringNames(onBehalf.stream().map(UsageSums.OnBehalfLine::offeringId).toList())));
        outbox.publish(Topics.SETTLEMENT_EVENTS, new StatementIssued(UUID.randomUUID(), now, statementId.toString(),
                statement.partnerId().toString(), statement.periodId().toString(), period.startAt(),
                period.endAt(), documentType(statement), number.formatted(), entity, null, statement.direction(),
                totals.total().currency(), plain(totals.net()), plain(totals.tax()), plain(totals.total()), now,
                due, document.pdfSha256(), StatementDocument.eventLines(statement), eventAgreements(statement)));
        return view(statement);
    }

    /** The agreement versions the events name; {@code null} when not known (statements drafted before V90). */
    private static List<StatementAgreementVersion> eventAgreements(Statement statement) {
        return statement.agreements() == null || statement.agreements().isEmpty() ? null
                : statement.agreements().stream()
                .map(agreement -> new StatementAgreementVersion(agreement.agreementId(), agreement.version()))
                .toList();
    }

    /**
     * Finance discards a DRAFT or APPROVED statement found wrong, with its reason (audited), its row locked: what its
     * drafting reserved is released ({@link StatementDiscards}) and the row stays, DISCARDED; the period's next draft
     * (the next run) is composed afresh. 409: issued or paid (a note corrects it), discarded, or a later one exists.
     * Publishes {@code StatementDiscarded} naming the dispute adjustments it released.
     */
    @Transactional
    public View discard(UUID statementId, String reason, String by) {
        Statement statement = lock(statementId);
        Audited before = Audited.of(statement, null);
        List<DisputeAdjustments.Adjustment> released = discards.discard(statement, reason, by);
        audit(statement, "discarded", before, null);
        outbox.publish(Topics.SETTLEMENT_EVENTS, new StatementDiscarded(UUID.randomUUID(),
                statement.discardedAt(), statementId.toString(), statement.partnerId().toString(),
                statement.periodId().toString(), documentType(statement), statement.discardedBy(),
                statement.discardedAt(), statement.discardReason(),
                released.stream().map(DisputeAdjustments.Adjustment::adjustmentId).toList()));
        return view(statement);
    }

    /**
     * Takes a dispute adjustment off the DRAFT statement that carries it, so that the correction is settled elsewhere
     * (its own credit or debit note), in the caller's transaction with the statement's row locked: the statement is
     * discarded as {@link #discard} does (audited, {@code StatementDiscarded}), which makes all its adjustments pending
     * again; the caller settles this one and drafts the period again ({@link #draft}), which carries the others.
     * 404 when the statement does not carry the adjustment; 409 when it is not a DRAFT (an approved one was approved
     * already; an issued one is corrected by a note; a concurrent move or discard got there first) or cannot be
     * discarded (a later period of the partner has a statement).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Released releaseAdjustment(UUID statementId, String adjustmentId, String reason, String by) {
        Statement statement = lock(statementId);
        if (statement.state() != Statement.State.DRAFT) {
            throw new ConflictException("Cannot move a correction off statement " + statementId + ": it is "
                    + statement.state() + ", not DRAFT; nothing was changed");
        }
        String line = adjustments.ofPartner(statement.partnerId()).stream()
                .filter(adjustment -> adjustment.adjustmentId().equals(adjustmentId)
                        && statementId.equals(adjustment.statementId()))
                .map(DisputeAdjustments.Adjustment::settledLineId).findFirst()
                .orElseThrow(() -> new NotFoundException("Dispute adjustment carried by statement " + statementId,
                        adjustmentId));
        View discarded = discard(statementId, reason, by);
        DisputeAdjustments.Adjustment released = adjustments.ofPartner(statement.partnerId()).stream()
                .filter(adjustment -> adjustment.adjustmentId().equals(adjustmentId)).findFirst().orElseThrow();
        return new Released(discarded, released, line, statement.preparedBy());
    }

    /**
     * A statement discarded for a correction to move off it.
     *
     * @param statement  the discarded statement
     * @param adjustment the correction, pending again
     * @param lineId     the statement's line that carried it
     * @param preparedBy who prepared the discarded statement: its new draft is theirs too
     */
    public record Released(View statement, DisputeAdjustments.Adjustment adjustment, String lineId,
                           String preparedBy) {
    }

    /**
     * How the statement, not issued, is corrected instead of by a note (which corrects only an issued one): for the
     * 409 refusing the note. See {@code StatementDiscards#correction}.
     */
    @Transactional(readOnly = true)
    public String correctionOfUnissued(UUID statementId) {
        Statement statement = store.find(statementId).orElseThrow(() -> new NotFoundException("Statement",
                statementId));
        if (statement.state() == Statement.State.DISCARDED) {
            return "it was discarded by " + statement.discardedBy() + "; its period's statement drafted since (if "
                    + "any) is the one to correct";
        }
        return discards.correction(statement, statement.state());
    }

    /**
     * 409, nothing changed, when a credit or debit note on the statement would be a self-billed document while the
     * partner's tax id is unknown ({@link SelfBilledTaxId}): a note's approval and issue check it as a statement's do.
     *
     * @param step what is refused, e.g. {@code approve credit note <id>}
     */
    @Transactional(readOnly = true)
    public void requirePartnerTaxIdForNote(UUID statementId, String step) {
        taxIds.requireForNote(store.find(statementId).orElseThrow(() -> new NotFoundException("Statement",
                statementId)), step);
    }

    /**
     * The periods whose statements were all discarded and none drafted since, of these partners (empty: of all): a
     * run drafts them again.
     */
    @Transactional(readOnly = true)
    public List<DiscardedPeriod> discardedPeriods(List<UUID> partnerIds) {
        return store.discardedPeriods(partnerIds);
    }

    /**
     * The statement with its row locked until the calling transaction ends, for a correction (a credit or debit note)
     * checked against what earlier corrections took: notes drafted at once for one statement are checked one at a
     * time, so two cannot together pass a ceiling that each fits alone.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.util.Optional<View> lockForCorrection(UUID statementId) {
        return store.lock(statementId).map(this::view);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<View> find(UUID statementId) {
        return store.find(statementId).map(this::view);
    }

    /**
     * The statement if the caller may see it: staff any, a partner its own once issued (a draft or approved statement
     * is not a document yet: to a partner it does not exist).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<View> findVisible(UUID statementId) {
        return tenancy.visible(store.find(statementId),
                        statement -> new io.accord.contracts.value.PartnerId(statement.partnerId()))
                .filter(statement -> tenancy.isStaff() || statement.state().issued())
                .map(this::visibleView);
    }

    /**
     * The statement's lines as CSV ({@link StatementLinesCsv}) if the caller may see the statement
     * ({@link #findVisible}: a partner its own issued or paid ones), each line with its share of the tax at the
     * agreement's rate ({@code 0} under reverse charge).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<LinesCsv> linesCsv(UUID statementId) {
        return findVisible(statementId).map(statement -> new LinesCsv(StatementLinesCsv.fileName(statement),
                StatementLinesCsv.of(statement, taxRatePercent(statement))));
    }

    /** A statement's lines as CSV and the file's name. */
    public record LinesCsv(String fileName, String content) {
    }

    /** The header of the statements' CSV ({@link #listCsv}, {@link #csvLines}). */
    public static final String CSV_HEADER = StatementsCsv.HEADER;

    /**
     * The statements {@link #list} lists, as CSV for an ERP (one row per statement, {@link StatementsCsv}): same
     * filter and scope (a partner its own issued ones), same order; {@code page} from {@link #csvPage}.
     */
    @Transactional(readOnly = true)
    public Csv listCsv(Filter filter, io.accord.platform.web.OffsetLimit page) {
        Filter scoped = new Filter(tenancy.listScope(filter.partnerId()), filter.periodId(), filter.state(),
                filter.issuedFrom(), filter.issuedTo(), filter.direction(), filter.documentNumber());
        return csv.list(scoped, !tenancy.isStaff(), page);
    }

    /** A page of a CSV: offset 0 or more, limit 1..10000 (default 10000), else 400 naming it. */
    public static io.accord.platform.web.OffsetLimit csvPage(Integer offset, Integer limit) {
        return StatementsCsv.page(offset, limit);
    }

    /** These statements' CSV rows (under {@link #CSV_HEADER}, no line break), by id, for staff. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> csvLines(List<UUID> statementIds) {
        return csv.lines(statementIds);
    }

    /** A CSV row under {@link #CSV_HEADER} for a partner's period without a statement: only the period's columns. */
    public static String csvLineWithoutStatement(UUID partnerId, UUID periodId, Instant periodStart,
                                                 Instant periodEnd) {
        return StatementsCsv.withoutStatement(partnerId, periodId, periodStart, periodEnd);
    }

    /**
     * Statements as CSV.
     *
     * @param content the header and one CRLF-ended row per statement
     * @param total   the statements matching in all ({@code X-Total-Count})
     * @param rows    the rows of this file ({@code X-Result-Count})
     */
    public record Csv(String content, long total, int rows) {
    }

    private String taxRatePercent(View statement) {
        if (statement.taxNote() != null) {
            return "0";
        }
        return periods.ofPartner(statement.partnerId()).stream()
                .filter(candidate -> candidate.id().equals(statement.periodId())).findFirst()
                .flatMap(period -> {
                    try {
                        return java.util.Optional.of(terms(statement.partnerId(), period));
                    } catch (ConflictException noAgreement) {
                        return java.util.Optional.empty();
                    }
                })
                .map(terms -> terms.taxTreatment().ratePercent()).orElse(null);
    }

    /** Whether a statement in this state is an issued document (ISSUED or PAID): what partners may see. */
    public static boolean issued(String state) {
        return Statement.State.valueOf(state).issued();
    }

    /**
     * A page of statements, newest first: staff see every partner's (or {@code filter.partnerId}'s), discarded ones
     * only when {@code filter.state} asks for DISCARDED; a partner only its own issued (or paid) ones whatever state
     * it asks for (naming another partner: none).
     */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<View> list(Filter filter,
                                                           org.springframework.data.domain.Pageable page) {
        Filter scoped = new Filter(tenancy.listScope(filter.partnerId()), filter.periodId(), filter.state(),
                filter.issuedFrom(), filter.issuedTo(), filter.direction(), filter.documentNumber());
        return store.list(scoped, !tenancy.isStaff(), page).map(this::visibleView);
    }

    /**
     * Applies a payment to the issued statement (in the caller's transaction, its row locked) against its balance
     * (its total, plus its issued notes, less what was paid; see {@code Statement#balance}): PAID once the balance is
     * exactly 0; more than what remains is refused with 422, a statement not ISSUED with 409. The payment goes the
     * balance's way (PAYABLE while we owe the partner, RECEIVABLE while the partner owes us); a statement totalling
     * zero, or a {@code direction} other than the balance's, is refused with 409.
     *
     * @param direction {@code PAYABLE} or {@code RECEIVABLE} as the caller understands the payment; {@code null}:
     *                  the balance's
     */
    @Transactional
    public PaymentApplied recordPayment(UUID statementId, io.accord.contracts.value.Money amount, String direction) {
        Statement statement = lock(statementId);
        String paymentDirection = statement.remainingDirection();
        Money remaining = statement.recordPayment(amount, direction);
        store.update(statement, null);
        return new PaymentApplied(view(statement), store.issuingEntity(statementId).orElse(null), paymentDirection,
                SettlementMath.toMinorUnit(remaining).amount());
    }

    /**
     * Applies the credit or debit note being issued (in the caller's transaction, which holds the statement's row
     * lock from {@link #lockForCorrection}) to the statement's balance: what remains to be paid changes; an ISSUED
     * statement it brings to exactly 0 becomes PAID ({@code paid-by-note}), a PAID one it leaves non-zero is ISSUED
     * again ({@code reopened-by-note}), else {@code note-issued}; audited on the statement with the note, before and
     * after.
     *
     * @param signedTotal the note's total signed like the statement's: a credit note (the partner's favour) positive,
     *                    a debit note negative
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public View applyNote(UUID statementId, CorrectingNote note, Money signedTotal) {
        Statement statement = lock(statementId);
        Audited before = Audited.of(statement, null);
        Statement.State was = statement.applyNote(signedTotal);
        store.update(statement, null);
        String action = was == statement.state() ? "note-issued"
                : statement.state() == Statement.State.PAID ? "paid-by-note" : "reopened-by-note";
        audit.record(new io.accord.contracts.value.PartnerId(statement.partnerId()), "SettlementStatement",
                statementId.toString(), action, new Corrected(before, note),
                new Corrected(Audited.of(statement, null), note));
        return view(statement);
    }

    /**
     * The note that corrects a statement, as its audit entries name it.
     *
     * @param totalAmount signed like the statement's total: a credit note positive, a debit note negative
     */
    public record CorrectingNote(UUID id, String type, String documentNumber, BigDecimal totalAmount) {
    }

    /** A statement changed by a note, in the audit trail: the statement's summary and the note. */
    private record Corrected(Audited statement, CorrectingNote note) {
    }

    /** The issuing entity whose sequence numbered the issued statement (credit and debit notes use it too). */
    @Transactional(readOnly = true)
    public java.util.Optional<String> issuingEntity(UUID statementId) {
        return store.issuingEntity(statementId);
    }

    /** The statement of a partner's period, if one was drafted. */
    @Transactional(readOnly = true)
    public java.util.Optional<View> ofPeriod(UUID partnerId, UUID periodId) {
        return store.ofPeriod(partnerId, periodId).map(this::view);
    }

    /**
     * Audits a step in its transaction, before and after as a summary (state, totals, who, number): the lines are in
     * the statement and its events, and a run drafts thousands of statements.
     */
    private void audit(Statement statement, String action, Audited before, String issuingEntity) {
        audit.record(new io.accord.contracts.value.PartnerId(statement.partnerId()), "SettlementStatement",
                statement.id().toString(), action, before, Audited.of(statement, issuingEntity));
    }

    /** A statement in the audit trail. */
    private record Audited(UUID id, UUID partnerId, UUID periodId, String state, String direction, String currency,
                           BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount, int lineCount,
                           String preparedBy, String approvedBy, String documentNumber, String issuingEntityId,
                           Instant issuedAt, BigDecimal notesAmount, BigDecimal paidAmount, BigDecimal balanceAmount,
                           String discardedBy, Instant discardedAt, String discardReason) {

        static Audited of(Statement statement, String issuingEntity) {
            StatementLines.Lines totals = statement.totals();
            return new Audited(statement.id(), statement.partnerId(), statement.periodId(), statement.state().name(),
                    statement.direction(), totals.total().currency(), totals.net().amount(), totals.tax().amount(),
                    totals.total().amount(), statement.lines().size(), statement.preparedBy(),
                    statement.approvedBy(), statement.documentNumber(), issuingEntity, statement.issuedAt(),
                    statement.notes().amount(), statement.paid().amount(), statement.balance().amount(),
                    statement.discardedBy(), statement.discardedAt(), statement.discardReason());
        }
    }

    private Statement lock(UUID statementId) {
        return store.lock(statementId).orElseThrow(() -> new NotFoundException("Statement", statementId));
    }

    private AgreementActivated.Terms terms(UUID partnerId, SettlementPeriods.Period period) {
        return partners.agreements(partnerId).stream()
                .filter(agreement -> agreement.agreementId().equals(period.agreementId())).findFirst()
                .or(() -> partners.agreementInForce(partnerId, period.startAt()))
                .orElseThrow(() -> new ConflictException("No agreement of partner " + partnerId + " covers period "
                        + period.id()))
                .terms();
    }

    private static String documentType(Statement statement) {
        return statement.documentType();
    }

    private static String plain(BigDecimal amount, String currency) {
        return plain(Money.of(amount, currency));
    }

    private static String plain(io.accord.contracts.value.Money money) {
        return SettlementMath.toMinorUnit(money).amount().stripTrailingZeros()
                .setScale(Math.max(0, java.util.Currency.getInstance(money.currency()).getDefaultFractionDigits()))
                .toPlainString();
    }


    /** The view as the caller may see it: a partner is not told which of our finance users did what. */
    private View visibleView(Statement statement) {
        View view = view(statement);
        return tenancy.isStaff() ? view : view.withoutStaffNames();
    }

    /**
     * The statement as callers see it, with its period's bounds and, once issued, its due date: the issue date plus
     * the payment terms of the period's agreement, as its document and TMF678 say.
     */
    private View view(Statement statement) {
        SettlementPeriods.Period period = periods.ofPartner(statement.partnerId()).stream()
                .filter(candidate -> candidate.id().equals(statement.periodId())).findFirst().orElse(null);
        if (period == null) {
            return bare(statement, null);
        }
        AgreementActivated.Terms terms;
        try {
            terms = terms(statement.partnerId(), period);
        } catch (ConflictException noAgreement) {
            terms = null; // drafting needed the agreement: only a row changed by hand lacks one
        }
        View bare = bare(statement, terms == null ? null : terms.taxTreatment().ratePercent());
        LocalDate due = statement.issuedAt() == null || terms == null ? null
                : LocalDate.ofInstant(statement.issuedAt(), ZoneOffset.UTC).plusDays(terms.paymentTermsDays());
        return bare.withPeriod(period.startAt(), period.endAt(), due, billedUsage(statement, period));
    }

    /**
     * Which rated usage the statement bills: up to which record sequence and from which cut-off its period's sums
     * took their records, the late records of earlier periods it carries and those of its own period rated after the
     * cut-off, which later periods carry.
     */
    private BilledUsage billedUsage(Statement statement, SettlementPeriods.Period period) {
        Long toSequence = usage.billed(statement.partnerId(), period.id()).map(UsageSums.Billed::toSequence)
                .orElse(null);
        java.util.Map<UUID, Long> included = new java.util.LinkedHashMap<>();
        usage.priorOfPeriods(List.of(period.id()))
                .forEach(prior -> included.merge(prior.usagePeriodId(), prior.recordCount(), Long::sum));
        java.util.Map<UUID, Long> later = new java.util.LinkedHashMap<>();
        usage.priorOfUsagePeriod(period.id())
                .forEach(prior -> later.merge(prior.periodId(), prior.recordCount(), Long::sum));
        if (included.isEmpty() && later.isEmpty()) {
            return new BilledUsage(toSequence, period.closingAt(), List.of(), List.of());
        }
        java.util.Map<UUID, SettlementPeriods.Period> byId = new java.util.HashMap<>();
        periods.ofPartner(statement.partnerId()).forEach(each -> byId.put(each.id(), each));
        java.util.Map<UUID, Statement> statementOf = new java.util.HashMap<>();
        store.ofPeriods(statement.partnerId(), java.util.stream.Stream.concat(included.keySet().stream(),
                later.keySet().stream()).distinct().toList()).forEach(each -> statementOf.put(each.periodId(), each));
        return new BilledUsage(toSequence, period.closingAt(), lateRecords(included, byId, statementOf),
                lateRecords(later, byId, statementOf));
    }

    private static List<LateRecords> lateRecords(java.util.Map<UUID, Long> counts,
                                                 java.util.Map<UUID, SettlementPeriods.Period> periods,
                                                 java.util.Map<UUID, Statement> statements) {
        return counts.entrySet().stream().map(entry -> {
            SettlementPeriods.Period period = periods.get(entry.getKey());
            Statement statement = statements.get(entry.getKey());
            return new LateRecords(entry.getKey(), period == null ? null : period.startAt(),
                    period == null ? null : period.endAt(), entry.getValue(),
                    statement == null ? null : statement.id(), statement == null ? null : statement.documentNumber());
        }).sorted(java.util.Comparator.comparing(LateRecords::periodStart,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))).toList();
    }

    private View bare(Statement statement, String ratePercent) {
        StatementLines.Lines totals = statement.totals();
        return new View(statement.id(), statement.partnerId(), statement.periodId(), statement.state().name(),
                statement.direction(), totals.total().currency(), totals.net().amount(), totals.tax().amount(),
                totals.total().amount(), totals.roundingDifference().amount(), statement.preparedBy(),
                statement.approvedBy(), statement.documentNumber(),
                lines(statement),
                statement.issuedAt(), statement.paid().amount(), totals.taxNote(),
                atMinorUnit(statement.notes()), atMinorUnit(statement.balance()).abs(), statement.remainingDirection(),
                statement.discardedBy(), statement.discardedAt(), statement.discardReason(),
                statement.documentType(), approvers.warnings(statement, taxIds.warnings(statement)), null, null, null,
                null, taxLines(statement, ratePercent), replacements.of(statement), statement.agreements());
    }

    /** The statement's tax lines ({@link SideTaxes#ofStored}): one on the net, or a netted statement's per supply. */
    private static List<TaxLine> taxLines(Statement statement, String ratePercent) {
        return SideTaxes.ofStored(statement.lines(), statement.totals(), statement.documentType(), ratePercent)
                .stream().map(tax -> new TaxLine((tax.side() == LineKind.Side.NONE
                        ? SideTaxes.supplyOf(statement.documentType()) : tax.side()).name(), tax.label(),
                        tax.category(), tax.tax().ratePercent(), atMinorUnit(tax.base()),
                        atMinorUnit(tax.tax().amount()), tax.tax().legalNote())).toList();
    }

    private static List<Line> lines(Statement statement) {
        List<Line> lines = new java.util.ArrayList<>();
        for (StatementLine line : statement.lines()) {
            int number = lines.size() + 1;
            lines.add(new Line(StatementDocument.lineId(statement.id(), number), number, line.type(), line.label(),
                    line.offeringId(), line.usageType(), line.quantity(), line.unrounded().amount(),
                    line.rounded().amount(), line.fxRate(), line.direction(), line.reference(),
                    line.sourceAmount() == null ? null : line.sourceAmount().amount(),
                    line.sourceAmount() == null ? null : line.sourceAmount().currency(),
                    line.usage() == null ? null : line.usage().unit(),
                    line.usage() == null ? null : line.usage().recordCount(),
                    line.usage() == null ? null : line.usage().unitPrice(),
                    line.usage() == null ? null : line.usage().shareRate(), line.fxRateId()));
        }
        return List.copyOf(lines);
    }

    /**
     * A statement as callers see it; amounts in its currency, the totals being sums of the rounded lines.
     *
     * @param direction          the statement's own (its total's sign, as its document says)
     * @param paidAmount         what was paid, net in the statement's direction (payments its way less payments the
     *                           other way, made when issued notes turned its balance)
     * @param taxNote            the legal notes of its tax lines (reverse charge, outside the scope of EU VAT: no tax),
     *                           each once, {@code null} when the agreement's rate applied
     * @param notesAmount        what its issued credit and debit notes add to the total, signed like it (a credit note
     *                           +, a debit note −), at the currency's minor unit
     * @param remainingAmount    what remains to be paid, |total + notesAmount − payments| (the balance), at the
     *                           currency's minor unit; 0 when PAID
     * @param remainingDirection who pays it: {@code PAYABLE} (we pay the partner) or {@code RECEIVABLE} (the partner
     *                           pays us); {@code null} when nothing remains
     * @param preparedBy         the finance user who drafted it ({@code system} for a run); like approvedBy and
     *                           discardedBy, {@code null} to a partner, who is not told our finance users' names
     * @param discardedBy        who discarded it (DISCARDED), else {@code null}; likewise discardedAt and
     *                           discardReason
     * @param documentType       what its document is, by what the statement is for and not by the sign of its total
     *                           (docs/settlement.md, "Documents"): {@code REVENUE_SHARE_STATEMENT} (self-billed),
     *                           {@code WHOLESALE_INVOICE} or {@code SETTLEMENT_STATEMENT} (both, netted)
     * @param warnings           what keeps a DRAFT or APPROVED statement from its next step until fixed elsewhere
     *                           (empty: nothing): {@code PARTNER_TAX_ID_MISSING} while its document is self-billed and
     *                           the partner's tax id is unknown (approve and issue answer 409);
     *                           {@code APPROVER_RESTRICTED} while a DRAFT carries dispute corrections, naming who
     *                           may not approve it (their proposers, a preparer) and the way out (moving a
     *                           correction onto its own note)
     * @param periodStart        its period's start (inclusive)
     * @param periodEnd          its period's end (exclusive)
     * @param dueDate            once issued, when what it says is due: the issue date (UTC) plus the payment terms of
     *                           the period's agreement, as its document says; {@code null} before issue
     * @param taxLines           its tax per supply as its document prints it ({@link TaxLine}): one line on the net,
     *                           or a netted statement's two, each with its category and legal note
     * @param replacesStatementId      a draft of a period whose statement was discarded: that statement (the
     *                                 period's discarded last when this one was drafted), else {@code null}; not
     *                                 shown to a partner (who never sees a discarded statement)
     * @param differenceFromReplaced   this statement's net, tax and total less the replaced one's ({@code null}
     *                                 without one, or when their currencies differ)
     * @param replacedByStatementId    a discarded statement: the period's draft that replaced it, once drafted
     * @param differenceInReplacement  the replacing statement's figures less this one's
     * @param agreements         the agreement versions it was computed with, oldest first ({@link AgreementVersion}):
     *                           each version of the partner's agreement in force during its period, the period's own
     *                           among them; {@code null} when not known (drafted before V90, no agreement found)
     */
    @Schema(name = "StatementView")
    public record View(UUID id, UUID partnerId, UUID periodId, String state, String direction, String currency,
                       BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount,
                       BigDecimal roundingDifference, String preparedBy, String approvedBy, String documentNumber,
                       List<Line> lines, Instant issuedAt, BigDecimal paidAmount, String taxNote,
                       BigDecimal notesAmount, BigDecimal remainingAmount, String remainingDirection,
                       String discardedBy, Instant discardedAt, String discardReason, String documentType,
                       @io.swagger.v3.oas.annotations.media.ArraySchema(arraySchema = @io.swagger.v3.oas.annotations
                               .media.Schema(description = "What keeps a DRAFT or APPROVED statement from its next"
                               + " step until fixed elsewhere; empty when nothing does. PARTNER_TAX_ID_MISSING: its"
                               + " document is self-billed and the partner's tax id is unknown, so approve and issue"
                               + " answer 409 until onboarding sets it (PATCH of the organization's taxId)."
                               + " APPROVER_RESTRICTED: a DRAFT carries dispute corrections, so their proposers (and"
                               + " its preparer) may not approve it; it names them and how to move a correction onto"
                               + " its own note. FX_RATE_SUPERSEDED: lines were converted at an FX rate a confirmed"
                               + " correction has superseded since; the statement keeps the old value until it is"
                               + " discarded and the period drafted again"))
                       List<Warning> warnings,
                       Instant periodStart, Instant periodEnd, LocalDate dueDate, BilledUsage billedUsage,
                       List<TaxLine> taxLines, UUID replacesStatementId, Difference differenceFromReplaced,
                       UUID replacedByStatementId, Difference differenceInReplacement,
                       @io.swagger.v3.oas.annotations.media.ArraySchema(arraySchema = @io.swagger.v3.oas.annotations
                               .media.Schema(nullable = true, description = "The agreement versions the statement was"
                               + " computed with, oldest first: every version of the partner's agreement in force"
                               + " during its period (several when the agreement changed within it), the period's"
                               + " own agreement (whose terms set its shares, guarantee, tax and payment terms)"
                               + " always among them; kept when drafted. null for a statement drafted before V90"
                               + " whose partner's agreements settlement does not know"))
                       List<AgreementVersion> agreements) {

        private View(UUID id, UUID partnerId, UUID periodId, String state, String direction, String currency,
                     BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount,
                     BigDecimal roundingDifference, String preparedBy, String approvedBy, String documentNumber,
                     List<Line> lines, Instant issuedAt, BigDecimal paidAmount, String taxNote,
                     BigDecimal notesAmount, BigDecimal remainingAmount, String remainingDirection,
                     String discardedBy, Instant discardedAt, String discardReason, String documentType,
                     List<Warning> warnings, Instant periodStart, Instant periodEnd, LocalDate dueDate,
                     BilledUsage billedUsage, List<TaxLine> taxLines, StatementReplacements.Links links,
                     List<AgreementVersion> agreements) {
            this(id, partnerId, periodId, state, direction, currency, netAmount, taxAmount, totalAmount,
                    roundingDifference, preparedBy, approvedBy, documentNumber, lines, issuedAt, paidAmount, taxNote,
                    notesAmount, remainingAmount, remainingDirection, discardedBy, discardedAt, discardReason,
                    documentType, warnings, periodStart, periodEnd, dueDate, billedUsage, taxLines,
                    links.replacesStatementId(), links.differenceFromReplaced(), links.replacedByStatementId(),
                    links.differenceInReplacement(), agreements);
        }

        private StatementReplacements.Links links() {
            return new StatementReplacements.Links(replacesStatementId, differenceFromReplaced,
                    replacedByStatementId, differenceInReplacement);
        }

        /** The view with its period's bounds, due date and billed usage. */
        View withPeriod(Instant start, Instant end, LocalDate due, BilledUsage billed) {
            return new View(id, partnerId, periodId, state, direction, currency, netAmount, taxAmount, totalAmount,
                    roundingDifference, preparedBy, approvedBy, documentNumber, lines, issuedAt, paidAmount, taxNote,
                    notesAmount, remainingAmount, remainingDirection, discardedBy, discardedAt, discardReason,
                    documentType, warnings, start, end, due, billed, taxLines, links(), agreements);
        }

        /**
         * The tax line a line's supply is taxed on: the only one, or on a netted statement its side's (a dispute
         * adjustment's by its direction, as its tax goes).
         */
        public TaxLine taxLineOf(Line line) {
            if (taxLines.size() != 1) {
                String side = LineKind.valueOf(line.type()).taxSide(line.direction(), line.rounded()).name();
                for (TaxLine tax : taxLines) {
                    if (tax.supply().equals(side)) {
                        return tax;
                    }
                }
            }
            return taxLines.getFirst();
        }

        /**
         * The tax line a correction of this statement is taxed like: the only one, or on a netted statement a credit
         * note's (in the partner's favour) the partner's supply's, a debit note's ours, as dispute adjustments go.
         */
        public TaxLine taxLineOfCorrection(boolean credit) {
            String side = (credit ? LineKind.Side.REVENUE_SHARE : LineKind.Side.WHOLESALE).name();
            return taxLines.stream().filter(tax -> taxLines.size() == 1 || tax.supply().equals(side)).findFirst()
                    .orElse(taxLines.getFirst());
        }

        /** Line {@code n} (1, 2, ...) as disputes and TMF name it: {@code <statement id>-<n>}. */
        public String lineId(int lineNumber) {
            return StatementDocument.lineId(id, lineNumber);
        }

        /**
         * The view without who prepared, approved or discarded it, nor the discarded draft it replaces (never shown
         * to a partner): what a partner sees.
         */
        View withoutStaffNames() {
            return new View(id, partnerId, periodId, state, direction, currency, netAmount, taxAmount, totalAmount,
                    roundingDifference, null, null, documentNumber, lines, issuedAt, paidAmount, taxNote,
                    notesAmount, remainingAmount, remainingDirection, null, discardedAt, discardReason,
                    documentType, warnings, periodStart, periodEnd, dueDate, billedUsage, taxLines,
                    StatementReplacements.Links.NONE, agreements);
        }
    }

    /**
     * An agreement version a statement was computed with (docs/settlement.md, "Agreement versions").
     *
     * @param agreementId the agreement version's id (each version of a partner's agreement has its own)
     * @param version     its version number
     */
    @Schema(name = "StatementAgreementVersion")
    public record AgreementVersion(String agreementId, int version) {
    }

    /**
     * What changed between a statement and the one it replaced (the newer less the older), in their currency, exact.
     */
    @Schema(name = "StatementDifference")
    public record Difference(BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount) {
    }

    /**
     * Which rated usage a statement bills (docs/settlement.md, "Which usage a statement bills").
     *
     * @param toSequence   the highest rated-record sequence its period's sums took: it bills the records of its
     *                     period's window up to it that were not placed elsewhere, and the late records below;
     *                     {@code null} when a sum of the period was added before V70 (not kept)
     * @param cutOffAt     when its period stopped taking usage (a run began closing it): a record of the period rated
     *                     after it lands in the next OPEN period as a prior-period adjustment ({@code arrivedLater})
     * @param lateIncluded late records of earlier, closed periods it carries on its prior-period lines, per period
     *                     they belong to (with that period's statement)
     * @param arrivedLater records of its own period rated after the cut-off, per later period that took them (with
     *                     that period's statement, once drafted)
     */
    public record BilledUsage(Long toSequence, Instant cutOffAt, List<LateRecords> lateIncluded,
                              List<LateRecords> arrivedLater) {
    }

    /**
     * Late rated records of one period (net of reversals).
     *
     * @param periodId       the other period: the one they belong to ({@code lateIncluded}) or the one that took
     *                       them ({@code arrivedLater}); {@code periodStart}/{@code periodEnd} its bounds
     * @param statementId    that period's statement (not discarded), {@code null} while it has none; its
     *                       {@code documentNumber} once issued
     */
    public record LateRecords(UUID periodId, Instant periodStart, Instant periodEnd, long recordCount,
                              UUID statementId, String documentNumber) {
    }

    /**
     * A tax line of the statement: one on its net, or on a netted statement one per supply, summing to its tax.
     *
     * @param supply        {@code REVENUE_SHARE} (the partner's supply to us, self-billed) or {@code WHOLESALE} (ours
     *                      to the partner); a statement of one supply has the one it documents
     * @param label         a netted statement's supply as its document prints it, {@code null} on one tax line
     * @param category      {@code VAT} (at {@code ratePercent}), {@code REVERSE_CHARGE} (the recipient accounts for
     *                      the VAT, Article 196) or {@code OUTSIDE_SCOPE} (of EU VAT, Article 44)
     * @param ratePercent   the rate, 0 under reverse charge or outside the scope; {@code null} when not known
     * @param taxableAmount Σ of the supply's rounded lines (the net on one tax line), at the minor unit
     * @param note          the legal note the document prints with it, {@code null} when none
     */
    public record TaxLine(String supply, String label, String category, BigDecimal ratePercent,
                          BigDecimal taxableAmount, BigDecimal taxAmount, String note) {
    }

    /**
     * Which statements to list; {@code null} matches all (a {@code null} state: all but DISCARDED).
     *
     * @param state          DRAFT, APPROVED, ISSUED, PAID or DISCARDED
     * @param issuedFrom     issued at or after (inclusive)
     * @param issuedTo       issued before (exclusive)
     * @param direction      {@code PAYABLE} (a total not negative: we pay the partner) or {@code RECEIVABLE}
     * @param documentNumber the issued statement's number, exactly
     */
    public record Filter(UUID partnerId, UUID periodId, String state, Instant issuedFrom, Instant issuedTo,
                         String direction, String documentNumber) {

        /** By partner, period, state and issue instant only. */
        public Filter(UUID partnerId, UUID periodId, String state, Instant issuedFrom, Instant issuedTo) {
            this(partnerId, periodId, state, issuedFrom, issuedTo, null, null);
        }
    }

    /**
     * Something that keeps a statement from its next step until fixed elsewhere.
     *
     * @param code    stable, e.g. {@code PARTNER_TAX_ID_MISSING}
     * @param message what is missing and how to fix it
     */
    public record Warning(String code, String message) {
    }

    /** A partner's period whose statements were all discarded, none drafted since. */
    public record DiscardedPeriod(UUID partnerId, UUID periodId) {
    }

    /**
     * The statement after a payment, its issuing entity, the payment's direction ({@code PAYABLE}: we paid the
     * partner; {@code RECEIVABLE}: the partner paid us) and what remains to pay (at the minor unit).
     */
    public record PaymentApplied(View statement, String issuingEntityId, String direction, BigDecimal remaining) {
    }

    /**
     * A line: {@code id} is how disputes, TMF678 and {@code StatementIssued} name it ({@code <statement id>-<n>}),
     * {@code lineNumber} its {@code n} (1, 2, ...; what a note's {@code statementLineNumber} names); its 6-decimal
     * amount, the amount rounded once, and the FX rate used ({@code null}: none) with the
     * amount before conversion and the id of the rate version it is ({@code fxRateId}, {@code GET
     * /api/settlement/fx-rates/{id}}; {@code null} when none was used, or on a line drafted before V85 whose rate
     * could not be told). {@code type} is one of {@link #LINE_TYPES}; {@code direction} says which way the money
     * flows ({@code PAYABLE_TO_PARTNER}, {@code OWED_BY_PARTNER}; an adjustment's {@code CREDIT_PARTNER} or
     * {@code DEBIT_PARTNER}); {@code reference} what it traces to (an adjustment's dispute, a charge's price, a tier
     * bonus's share rule, the closed periods, statements and lines a prior-period usage line adjusts). A usage line ({@link #ratedUsage}) also says what its {@code quantity} counts: its
     * {@code unit} (the rated records' billed unit, a {@code UnitOfMeasure} code; {@code null} when not known), its
     * {@code recordCount} (the rated records behind it, net of reversals; {@code null} when not known) and its
     * {@code unitPrice} (the one price per unit every record was charged at, in the usage currency; {@code null} when
     * they had no one price: tiers, a minimum charge, price versions of different rates, volume re-rating, or for
     * lines drafted before V78) and its {@code shareRate} (the one revenue share in percent, {@code 70} = 70 %, every
     * record in force was computed with; {@code null} like {@code unitPrice} when they had none in common, on
     * wholesale lines and for lines drafted before V80); all are {@code null} on every other line. Price and share
     * are decided on the records in force: a re-rating's reversal and the record it cancels leave both out.
     */
    @Schema(name = "StatementLine")
    public record Line(String id, int lineNumber, String type, String label, String offeringId, String usageType,
                       BigDecimal quantity, BigDecimal unrounded, BigDecimal rounded, BigDecimal fxRate,
                       String direction, String reference, BigDecimal sourceAmount, String sourceCurrency,
                       String unit, Long recordCount, BigDecimal unitPrice, BigDecimal shareRate,
                       UUID fxRateId) {

        /** A sum of rated records' party amounts (in the conservation equation), not a labelled line outside it. */
        public boolean ratedUsage() {
            return RATED_USAGE_LINE_TYPES.contains(type);
        }
    }

    /** Every line type a statement may carry (docs/settlement.md, "Statement lines"). */
    public static final java.util.Set<String> LINE_TYPES = java.util.Arrays.stream(LineKind.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The line types that are sums of rated records' party amounts: those the conservation equation counts. */
    public static final java.util.Set<String> RATED_USAGE_LINE_TYPES = java.util.Arrays.stream(LineKind.values())
            .filter(LineKind::ratedUsage).map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
}
