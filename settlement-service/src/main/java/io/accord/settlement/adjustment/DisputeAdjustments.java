package io.accord.settlement.adjustment;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeAdjustmentSettled;
import io.accord.contracts.value.Money;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.security.Tenancy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The money resolved disputes move (the feature's entry point): each {@code DisputeResolved} adjustment is kept as
 * pending for its partner until it is settled, by default on the partner's next drafted statement as its own line
 * (drafting takes the pending ones under a row lock and marks them carried in its own transaction, so an adjustment
 * is on exactly one statement, however often runs are re-run or resumed), or, when the settlement setting says
 * {@link SettleBy#NOTE}, at once on a credit or debit note (the note feature drafts it on {@link Received}). Either way
 * {@code DisputeAdjustmentSettled} names the document line that carries it, for the dispute service.
 */
@Service
@EnableConfigurationProperties(AdjustmentProperties.class)
public class DisputeAdjustments {

    /** Where a partner's dispute adjustments are settled. */
    public enum SettleBy { NEXT_STATEMENT, NOTE }

    /** Published (synchronously, in the receiving transaction) when a new adjustment was stored as pending. */
    public record Received(Adjustment adjustment) {
    }

    private final AdjustmentStore store;
    private final AdjustmentProperties properties;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    DisputeAdjustments(AdjustmentStore store, AdjustmentProperties properties, Outbox outbox, AuditTrail audit,
                       Tenancy tenancy, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.outbox = outbox;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * The partner's pending adjustments, oldest first, locked until the calling (drafting) transaction ends: a
     * concurrent draft for the same partner waits and then finds them carried.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Adjustment> lockPending(UUID partnerId) {
        return store.lockPending(partnerId);
    }

    /**
     * Marks the adjustments carried by the statement's lines, in the drafting transaction (each must still be
     * pending), and publishes {@code DisputeAdjustmentSettled} for each, naming every line that carries it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void carry(List<Placed> lines, UUID statementId) {
        Instant now = clock.instant();
        for (Placed line : lines) {
            if (!store.carry(line.adjustmentId(), statementId, line.lineId(), now)) {
                throw new IllegalStateException("Adjustment " + line.adjustmentId() + " was no longer pending: "
                        + "another document carries it");
            }
            store.addSettledLines(line.adjustmentId(), line.lines());
            settled(line, "STATEMENT_LINE", statementId, now);
        }
    }

    /**
     * Makes the adjustments the statement carried pending again, in the transaction discarding it (the statement was
     * never issued): the partner's next drafted statement carries them, and publishes {@code DisputeAdjustmentSettled}
     * naming its line (the discard's {@code StatementDiscarded} names the released ones meanwhile). Each release is
     * audited ({@code DisputeAdjustment}, {@code released}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Adjustment> release(UUID statementId) {
        List<Adjustment> released = store.release(statementId);
        for (Adjustment adjustment : released) {
            audit.record(new PartnerId(adjustment.partnerId()), "DisputeAdjustment", adjustment.adjustmentId(),
                    "released", new Carried(adjustment.statementId(), adjustment.settledLineId(),
                            adjustment.carriedAt()), new Carried(null, null, null));
        }
        return released;
    }

    /** Where an adjustment is carried, in the audit trail ({@code null}s: pending). */
    private record Carried(UUID statementId, String settledLineId, Instant carriedAt) {
    }

    /**
     * Marks the pending adjustment settled by its own credit or debit note (in the note's drafting transaction) and
     * publishes {@code DisputeAdjustmentSettled}.
     *
     * @param noteType {@code CREDIT_NOTE} or {@code DEBIT_NOTE}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settleByNote(Placed line, UUID noteId, String noteType) {
        Instant now = clock.instant();
        if (!store.settleByNote(line.adjustmentId(), noteId, line.lineId(), now)) {
            throw new IllegalStateException("Adjustment " + line.adjustmentId() + " was no longer pending");
        }
        store.addSettledLines(line.adjustmentId(), line.lines());
        settled(line, noteType, noteId, now);
    }

    /**
     * Who proposed the dispute adjustments the statement carries as lines (each dispute's {@code resolvedBy}):
     * four-eyes refuses them as its approver, as it refuses a note's proposer.
     */
    @Transactional(readOnly = true)
    public List<String> proposersOnStatement(UUID statementId) {
        return store.proposersOnStatement(statementId);
    }

    /** The adjustment the credit or debit note settles ({@link #settleByNote}), if it settles one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Adjustment> settledByNote(UUID noteId) {
        return store.settledByNote(noteId);
    }

    /** Where the partner's adjustments are settled: its own setting, else {@code accord.settlement.adjustments}. */
    @Transactional(readOnly = true)
    public SettleBy settleBy(UUID partnerId) {
        return store.settleBy(partnerId).map(SettleBy::valueOf).orElse(properties.settleBy());
    }

    /** Sets where the partner's adjustments are settled from now on (audited). */
    @Transactional
    public Setting setSettleBy(UUID partnerId, SettleBy settleBy) {
        Setting before = setting(partnerId);
        store.setSettleBy(partnerId, settleBy.name(), tenancy.actor(), clock.instant());
        Setting after = setting(partnerId);
        audit.record(new PartnerId(partnerId), "DisputeAdjustmentSetting", partnerId.toString(), "changed", before,
                after);
        return after;
    }

    @Transactional(readOnly = true)
    public Setting setting(UUID partnerId) {
        return new Setting(partnerId, settleBy(partnerId), store.settleBy(partnerId).isEmpty());
    }

    /**
     * Records, inside the issuing transaction, that the statement or note {@code documentId} was issued: from then on
     * the partner sees which document and line carry its adjustments.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void documentIssued(UUID documentId, Instant at) {
        store.documentIssued(documentId, at);
    }

    /**
     * The partner's adjustments as the partner may see them, oldest first: one carried by a document not issued yet
     * shows as pending (no statement, note or line of a draft).
     */
    @Transactional(readOnly = true)
    public List<Adjustment> ofPartnerAsIssued(UUID partnerId) {
        return store.ofPartnerIssuedOnly(partnerId);
    }

    /** Every adjustment of the partner, pending or settled, oldest first. */
    @Transactional(readOnly = true)
    public List<Adjustment> ofPartner(UUID partnerId) {
        return store.ofPartner(partnerId);
    }

    private void settled(Placed placed, String settledOn, UUID documentId, Instant now) {
        Adjustment adjustment = store.find(placed.adjustmentId()).orElseThrow();
        outbox.publish(Topics.SETTLEMENT_EVENTS, new DisputeAdjustmentSettled(UUID.randomUUID(), now,
                adjustment.disputeId(), adjustment.adjustmentId(), adjustment.partnerId().toString(), settledOn,
                documentId.toString(), placed.lineId(), atMinorUnit(placed.amount()), placed.amount().currency(),
                placed.lines().stream().map(line -> new DisputeAdjustmentSettled.Line(line.lineId(),
                        line.statementLineId(), atMinorUnit(line.amount()))).toList()));
    }

    private static String atMinorUnit(Money amount) {
        return amount.amount().setScale(Math.max(0, java.util.Currency.getInstance(amount.currency())
                .getDefaultFractionDigits()), java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * An adjustment placed on a document: on one line, or on one line per disputed statement line when it is split.
     *
     * @param lineId the first line carrying it, {@code <document id>-<line number>}
     * @param amount what its lines move together, as the document shows them (minor unit, positive in the partner's
     *               favour)
     * @param lines  each line carrying it, in document order (their amounts sum to {@code amount})
     */
    public record Placed(String adjustmentId, String lineId, Money amount, List<PlacedLine> lines) {

        public Placed {
            lines = List.copyOf(lines);
        }

        /** Placed on one line of its own. */
        public Placed(String adjustmentId, String lineId, Money amount) {
            this(adjustmentId, lineId, amount, List.of(new PlacedLine(lineId, null, amount)));
        }

        /** Placed on {@code lines} (at least one): the first names where, their sum what. */
        public static Placed on(String adjustmentId, List<PlacedLine> lines) {
            Money sum = lines.stream().map(PlacedLine::amount).reduce(Money::plus).orElseThrow(
                    () -> new IllegalArgumentException("Adjustment " + adjustmentId + " is placed on no line"));
            return new Placed(adjustmentId, lines.getFirst().lineId(), sum, lines);
        }
    }

    /**
     * One document line carrying an adjustment, or its share of the disputed statement line {@code statementLineId}
     * ({@code null}: not split).
     *
     * @param amount       as the document shows it: minor unit, in the document's currency, positive in the
     *                     partner's favour
     * @param sourceAmount a converted statement line's share in the adjustment's currency, {@code null} when the line
     *                     was not converted
     * @param fxRate       the period-end rate it was converted at (1 source = rate), {@code null} when not converted
     * @param fxRateId     the FX rate version {@code fxRate} is, {@code null} when not converted or not known
     */
    public record PlacedLine(String lineId, String statementLineId, Money amount, Money sourceAmount,
                             BigDecimal fxRate, UUID fxRateId) {

        /** A line in the adjustment's own currency (not converted). */
        public PlacedLine(String lineId, String statementLineId, Money amount) {
            this(lineId, statementLineId, amount, null, null, null);
        }
    }

    /**
     * A disputed statement line an adjustment is split across.
     *
     * @param statementLineId the statement's line ({@code <statement id>-<n>})
     * @param disputedAmount  what the partner disputed on it ({@code null} if not sent)
     * @param amount          its share of the adjustment's amount (not negative)
     */
    public record Line(String statementLineId, BigDecimal disputedAmount, BigDecimal amount) {
    }

    /**
     * One booked line of an adjustment.
     *
     * @param statementLineId the disputed statement line it is booked against, {@code null} when not split
     * @param amount          signed from the partner's side, at the currency's minor unit
     */
    public record Share(String statementLineId, Money amount) {
    }

    /** @param byDefault whether the partner has no setting of its own (the configured default applies) */
    public record Setting(UUID partnerId, SettleBy settleBy, boolean byDefault) {
    }

    /**
     * A dispute's adjustment.
     *
     * @param direction     {@code CREDIT_PARTNER} (in the partner's favour) or {@code DEBIT_PARTNER}
     * @param amount        positive, as the dispute service sent it
     * @param resolvedBy    who resolved the dispute as {@code DisputeResolved.resolvedBy} says: the staff user who
     *                      proposed the resolution the partner accepted ({@code null} when the event named nobody)
     * @param statementId   the statement that carries it, {@code null} unless a statement does
     * @param noteId        the credit or debit note that settles it, {@code null} unless a note does
     * @param settledLineId the document line that carries it ({@code <document id>-<n>}), {@code null} while pending;
     *                      the first of them when it is split by line
     * @param lines         the disputed statement lines it is split across (their amounts sum to {@code amount}),
     *                      empty when the dispute did not split it: then it is booked as one line
     * @param settledLines  every document line that carries it, in document order (the first is
     *                      {@code settledLineId}; their amounts sum to what the document moves), empty while pending
     */
    public record Adjustment(String adjustmentId, String disputeId, UUID partnerId, String direction,
                             BigDecimal amount, String currency, String reason, String periodReference,
                             String statementReference, String outcome, Instant resolvedAt, String resolvedBy,
                             Instant receivedAt,
                             UUID statementId, UUID noteId, String settledLineId, Instant carriedAt,
                             List<Line> lines, List<PlacedLine> settledLines) {

        public Adjustment {
            lines = lines == null ? List.of() : List.copyOf(lines);
            settledLines = settledLines == null ? List.of() : List.copyOf(settledLines);
        }

        /** An adjustment whose settled lines are not known (none while pending). */
        public Adjustment(String adjustmentId, String disputeId, UUID partnerId, String direction, BigDecimal amount,
                          String currency, String reason, String periodReference, String statementReference,
                          String outcome, Instant resolvedAt, String resolvedBy, Instant receivedAt,
                          UUID statementId, UUID noteId, String settledLineId, Instant carriedAt, List<Line> lines) {
            this(adjustmentId, disputeId, partnerId, direction, amount, currency, reason, periodReference,
                    statementReference, outcome, resolvedAt, resolvedBy, receivedAt, statementId, noteId,
                    settledLineId, carriedAt, lines, List.of());
        }

        /**
         * What each booked line of the adjustment moves, at the currency's minor unit and signed from the partner's
         * side: one share per disputed statement line, or the whole amount as one share when it is not split. Each
         * share is the rounded running total minus the rounded running total before it (HALF_EVEN), so the shares
         * sum exactly to the whole amount rounded once.
         */
        public List<Share> shares() {
            return split(amount, currency);
        }

        /**
         * The same shares in {@code into}, converted at {@code rate} (1 of the adjustment's currency = rate of
         * {@code into}): the whole amount converted once ({@code Money}: 6 decimals, HALF_EVEN, as a statement
         * converts any line), then split across the disputed lines in proportion to their amounts with the same
         * running-total rounding at the minor unit of {@code into}. So the converted shares sum exactly to the
         * converted amount rounded once, which converting each rounded share would not; and they follow from the
         * stored amounts and the rate alone.
         */
        public List<Share> sharesIn(String into, BigDecimal rate) {
            return split(Money.of(amount.multiply(rate), into).amount(), into);
        }

        /** {@code total} (this adjustment's amount, in {@code into}) split as its lines split the amount. */
        private List<Share> split(BigDecimal total, String into) {
            int digits = Math.max(0, java.util.Currency.getInstance(into).getDefaultFractionDigits());
            BigDecimal sign = "DEBIT_PARTNER".equals(direction) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            if (lines.isEmpty()) {
                return List.of(new Share(null, Money.of(total.setScale(digits, java.math.RoundingMode.HALF_EVEN)
                        .multiply(sign), into)));
            }
            List<Share> shares = new java.util.ArrayList<>();
            BigDecimal running = BigDecimal.ZERO;
            BigDecimal booked = BigDecimal.ZERO;
            for (Line line : lines) {
                running = running.add(line.amount());
                // total × running / amount, rounded once: the running total itself when total is the amount
                BigDecimal upTo = amount.signum() == 0 ? BigDecimal.ZERO
                        : total.multiply(running).divide(amount, digits, java.math.RoundingMode.HALF_EVEN);
                shares.add(new Share(line.statementLineId(), Money.of(upTo.subtract(booked).multiply(sign), into)));
                booked = upTo;
            }
            return List.copyOf(shares);
        }

        /**
         * The reason without the dispute it names at its end ({@code "... (dispute <id>)"}, as the dispute service
         * writes it): for labels that name the dispute already.
         */
        public String reasonWithoutDispute() {
            if (reason == null) {
                return null;
            }
            String named = " (dispute " + disputeId + ")";
            String stripped = reason.strip();
            return stripped.endsWith(named) ? stripped.substring(0, stripped.length() - named.length()).strip()
                    : stripped;
        }

        /** The amount signed from the partner's side: positive credits it, negative debits it. */
        public Money signedAmount() {
            return Money.of("DEBIT_PARTNER".equals(direction) ? amount.negate() : amount, currency);
        }

        public boolean pending() {
            return statementId == null && noteId == null;
        }
    }
}
