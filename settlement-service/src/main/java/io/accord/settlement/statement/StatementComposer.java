package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.platform.problem.ConflictException;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.fx.FxRates;
import io.accord.settlement.issuer.IssuingEntities;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import io.accord.settlement.usage.UsageSums;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Gathers what a partner's statement for a period is made of and composes its lines, inside the drafting
 * transaction: the period's usage sums, the recurring and one-time charges of the partner's products, the volume-tier
 * bonus of its share rules, the minimum guarantee or commitment of its agreement, and the dispute adjustments
 * pending for it (locked: {@link #carried} marks them carried by the statement once it is stored).
 */
@Component
class StatementComposer {

    private final UsageSums usage;
    private final PartnerTerms partners;
    private final PartnerProducts products;
    private final FxRates fxRates;
    private final DisputeAdjustments adjustments;
    private final SettlementPeriods periods;
    private final StatementStore statements;
    private final java.time.Clock clock;
    private final LateGuaranteeLines lateGuarantees;
    private final IssuingEntities issuers;

    StatementComposer(UsageSums usage, PartnerTerms partners, PartnerProducts products, FxRates fxRates,
                      DisputeAdjustments adjustments, SettlementPeriods periods, StatementStore statements,
                      java.time.Clock clock, IssuingEntities issuers) {
        this.issuers = issuers;
        this.periods = periods;
        this.statements = statements;
        this.clock = clock;
        this.usage = usage;
        this.partners = partners;
        this.products = products;
        this.fxRates = fxRates;
        this.adjustments = adjustments;
        this.lateGuarantees = new LateGuaranteeLines(usage, periods, statements, this::agreement);
    }

    /**
     * How the partner's supply and ours are taxed ({@link SettlementMath#supplyTreatments}): the agreement's treatment,
     * the partner's country (its legal data's, else its address's, as its documents' language) and the country of the
     * entity that issues statements (the default one).
     */
    private SettlementMath.SupplyTreatments treatments(UUID partnerId, PartnerTerms.Agreement agreement) {
        String partnerCountry = partners.legalData(partnerId)
                .map(legal -> legal.country() != null ? legal.country()
                        : legal.address() == null ? null : legal.address().country()).orElse(null);
        return SettlementMath.supplyTreatments(agreement.terms().taxTreatment().ratePercent(),
                agreement.terms().taxTreatment().reverseCharge(), partnerCountry,
                issuers.defaultEntity().address().country());
    }

    /** The lines of the partner's period; a missing FX rate or a malformed charge is a 409 naming it. */
    Composition compose(UUID partnerId, SettlementPeriods.Period period) {
        PartnerTerms.Agreement agreement = agreement(partnerId, period);
        String currency = agreement.currency();
        List<UsageSums.Sum> sums = usage.ofPeriod(period.id());
        List<DisputeAdjustments.Adjustment> pending = adjustments.lockPending(partnerId);
        try {
            Set<String> offerings = new LinkedHashSet<>();
            sums.forEach(sum -> offerings.add(sum.offeringId()));
            List<LineDraft> drafts = new ArrayList<>(StatementLines.usageDrafts(sums,
                    offeringNames(offerings), priorReferences(partnerId, period, sums)));
            List<ProductChargeLines.Late> late = late(partnerId, period);
            List<Ended> ended = ended(partnerId, period);
            drafts.addAll(ProductChargeLines.of(partnerId, agreement, period.startAt(), period.endAt(),
                    products.activeBetween(partnerId, period.startAt(), period.endAt()),
                    products.startedBetween(partnerId, period.startAt(), period.endAt()), late,
                    ended.stream().map(Ended::lines).toList()));
            List<LineDraft> lateGuaranteeDrafts = lateGuarantees.of(partnerId, period, currency);
            Map<String, FxRates.FxRate> used = rates(currency, period, Stream.of(
                    sums.stream().map(UsageSums.Sum::currency),
                    drafts.stream().map(draft -> draft.amount().currency()),
                    lateGuaranteeDrafts.stream().map(draft -> draft.amount().currency()),
                    pending.stream().map(DisputeAdjustments.Adjustment::currency)).flatMap(currencies -> currencies));
            Map<String, BigDecimal> rates = new HashMap<>();
            used.forEach((from, rate) -> rates.put(from, rate.rate()));
            // an earlier calendar period's guarantee settled again with its usage this statement carries late, then
            // the dispute adjustments: listed after the guarantee line and not measured by it
            List<LineDraft> adjustmentDrafts = Stream.concat(lateGuaranteeDrafts.stream(), pending.stream()
                    .flatMap(adjustment -> adjustmentLines(adjustment, currency, rates))).toList();
            requireRates(currency, period, rates, Stream.concat(drafts.stream(), adjustmentDrafts.stream()).toList());
            drafts.addAll(TierBonusLines.of(agreement.terms().revenueShares(), sums,
                    offerings.isEmpty() ? Map.of() : products.categoriesOf(offerings), currency, rates));
            StatementLines.Lines lines = namingRates(StatementLines.compose(drafts, adjustmentDrafts,
                    guarantee(partnerId, agreement, period), currency, rates, treatments(partnerId, agreement),
                    agreement.businessModel()), used);
            return new Composition(lines, pending,
                    late.stream().map(missed -> missed.product().productId()).toList(),
                    ended.stream().map(Ended::adjusted).toList(), agreement.businessModel(),
                    agreementVersions(partnerId, period, agreement));
        } catch (IllegalStateException | IllegalArgumentException unusable) {
            throw new ConflictException("Statement of period " + period.id() + ": " + unusable.getMessage());
        }
    }

    /** What each prior-period usage line adjusts: the closed periods, their statements and lines. */
    private Map<PriorPeriodReferences.Key, String> priorReferences(UUID partnerId, SettlementPeriods.Period period,
                                                                   List<UsageSums.Sum> sums) {
        if (sums.stream().noneMatch(UsageSums.Sum::priorPeriod)) {
            return Map.of();
        }
        List<UsageSums.LateOrigin> origins = usage.lateOrigins(period.id());
        List<UUID> usagePeriods = origins.stream().map(UsageSums.LateOrigin::usagePeriodId).distinct().toList();
        return PriorPeriodReferences.of(origins, periods.ofPartner(partnerId),
                statements.ofPeriods(partnerId, usagePeriods));
    }

    /**
     * Marks the adjustments the stored statement carries, in the drafting transaction, each with the lines that carry
     * it (their labels name the adjustment): one, or one per disputed statement line in the order of its lines.
     */
    void carried(Composition composition, UUID partnerId, UUID statementId) {
        List<DisputeAdjustments.Placed> placed = new ArrayList<>();
        List<StatementLine> lines = composition.lines().lines();
        for (DisputeAdjustments.Adjustment adjustment : composition.adjustments()) {
            String named = " adjustment " + adjustment.adjustmentId() + " (";
            List<DisputeAdjustments.PlacedLine> carrying = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                StatementLine line = lines.get(i);
                if (LineKind.DISPUTE_ADJUSTMENT.name().equals(line.type()) && line.label().contains(named)) {
                    // drafted one per share, in the order of the adjustment's lines (adjustmentLines)
                    int share = carrying.size();
                    String disputedLine = share < adjustment.lines().size()
                            ? adjustment.lines().get(share).statementLineId() : null;
                    carrying.add(new DisputeAdjustments.PlacedLine(StatementDocument.lineId(statementId, i + 1),
                            disputedLine, line.rounded(), line.sourceAmount(), line.fxRate(), line.fxRateId()));
                }
            }
            if (carrying.isEmpty()) {
                throw new IllegalStateException("Statement " + statementId + " has no line for adjustment "
                        + adjustment.adjustmentId());
            }
            placed.add(DisputeAdjustments.Placed.on(adjustment.adjustmentId(), carrying));
        }
        adjustments.carry(placed, statementId);
        if (!composition.lateProductIds().isEmpty()) {
            products.chargedLate(partnerId, composition.lateProductIds(), statementId, clock.instant());
        }
        if (!composition.adjustedEnds().isEmpty()) {
            products.endsAdjusted(partnerId, composition.adjustedEnds(), statementId, clock.instant());
        }
    }

    /**
     * The offerings' names as their products were ordered (what statement lines and the billing-on-behalf data print);
     * an offering settlement knows no product of is absent (its id is printed).
     */
    Map<String, String> offeringNames(java.util.Collection<String> offeringIds) {
        return offeringIds.isEmpty() ? Map.of() : products.namesOf(new LinkedHashSet<>(offeringIds));
    }

    /**
     * The agreement versions the statement is computed with, oldest first: each version of the partner's agreement in
     * force at some moment of the period (the records rated in it carry them; several when the agreement changed
     * within it) and the period's own, whose terms the settlement rules come from.
     */
    private List<Statements.AgreementVersion> agreementVersions(UUID partnerId, SettlementPeriods.Period period,
                                                              PartnerTerms.Agreement own) {
        return partners.agreements(partnerId).stream()
                .filter(agreement -> agreement.agreementId().equals(own.agreementId())
                        || agreement.inForceFrom().isBefore(period.endAt()) && (agreement.inForceUntil() == null
                        || agreement.inForceUntil().isAfter(period.startAt())))
                .map(agreement -> new Statements.AgreementVersion(agreement.agreementId(), agreement.version()))
                .toList();
    }

    PartnerTerms.Agreement agreement(UUID partnerId, SettlementPeriods.Period period) {
        return partners.agreements(partnerId).stream()
                .filter(agreement -> agreement.agreementId().equals(period.agreementId())).findFirst()
                .or(() -> partners.agreementInForce(partnerId, period.startAt()))
                .orElseThrow(() -> new ConflictException("No agreement of partner " + partnerId + " covers period "
                        + period.id()));
    }

    /**
     * A RESELL partner's guarantee is a minimum commitment it owes; any other partner's a top-up we pay. It belongs to
     * the calendar period (month, quarter…) the period lies in, scaled to the days of it the agreement covers, so a
     * period closed early owes or earns the whole calendar period's guarantee, and the parts after it within the same
     * calendar period only settle the difference (their statements' lines and guarantee lines count).
     */
    private StatementLines.Guarantee guarantee(UUID partnerId, PartnerTerms.Agreement agreement,
                                               SettlementPeriods.Period period) {
        String monthly = agreement.terms().minimumMonthlyGuarantee();
        if (monthly == null || monthly.isBlank() || new BigDecimal(monthly).signum() == 0) {
            return null;
        }
        String currency = agreement.currency();
        Instant calendarStart = SettlementPeriods.calendarStart(period.cycle(), period.startAt());
        Instant calendarEnd = SettlementPeriods.calendarEnd(period.cycle(), period.startAt());
        // the earlier parts: periods of the same cycle closed early within this calendar period
        List<SettlementPeriods.Period> earlierParts = periods.ofPartner(partnerId).stream()
                .filter(earlier -> earlier.cycle().equals(period.cycle())
                        && !earlier.startAt().isBefore(calendarStart) && earlier.startAt().isBefore(period.startAt()))
                .toList();
        Instant firstPart = earlierParts.isEmpty() ? period.startAt() : earlierParts.getFirst().startAt();
        Instant from = later(later(calendarStart, agreement.inForceFrom()), firstPart);
        Instant to = agreement.inForceUntil() == null || agreement.inForceUntil().isAfter(calendarEnd) ? calendarEnd
                : agreement.inForceUntil();
        if (!to.isAfter(from)) {
            from = period.startAt();
            to = period.endAt();
        }
        Money scaled = SettlementMath.periodGuarantee(monthly, currency, from, to);
        boolean commitment = "RESELL".equals(agreement.businessModel());
        LineKind.Measure measure = commitment ? LineKind.Measure.OWED : LineKind.Measure.PAYABLE;
        LineKind guaranteeKind = commitment ? LineKind.MINIMUM_COMMITMENT : LineKind.MINIMUM_GUARANTEE_TOP_UP;
        Money reached = Money.zero(currency);
        Money charged = Money.zero(currency);
        // the periods whose statements carry this calendar period's lines: its earlier parts with a statement, and this
        List<UUID> carrying = new ArrayList<>(List.of(period.id()));
        for (SettlementPeriods.Period earlier : earlierParts) {
            Optional<Statement> statement = statements.ofPeriod(partnerId, earlier.id());
            if (statement.isEmpty()) {
                continue;
            }
            carrying.add(earlier.id());
            for (StatementLine line : statement.get().lines()) {
                if (!line.rounded().currency().equals(currency)) {
                    continue;
                }
                BigDecimal signed = commitment ? line.rounded().amount().negate() : line.rounded().amount();
                if (LineKind.valueOf(line.type()).measure() == measure
                        && !ProductChargeLines.priorPeriod(line.label())) {
                    reached = reached.plus(Money.of(signed, currency));
                } else if (LineKind.valueOf(line.type()) == guaranteeKind
                        && !LateGuaranteeLines.isLateGuarantee(line.label())) {
                    charged = charged.plus(Money.of(signed, currency));
                }
            }
        }
        return new StatementLines.Guarantee(scaled, commitment,
                new BigDecimal(monthly).stripTrailingZeros().toPlainString() + " monthly, "
                        + period.cycle().toLowerCase(java.util.Locale.ROOT) + " calendar period " + bound(from) + " – "
                        + bound(to) + " (UTC)",
                reached, charged, lateUsage(earlierParts, carrying, commitment, currency));
    }

    /**
     * The calendar period's own usage that arrived after its part had closed: placed on a later part's statement as a
     * prior-period adjustment (this one's, or an earlier part's), it is usage of the calendar period all the same and
     * counts toward its guarantee, once (each amount was placed in one period). Per carrying period, its late usage
     * of the calendar period's earlier parts in the guarantee's direction (wholesale owed for a commitment, revenue
     * share for a top-up) and the agreement's currency, rounded once to the minor unit.
     */
    private Money lateUsage(List<SettlementPeriods.Period> earlierParts, List<UUID> carrying, boolean commitment,
                            String currency) {
        Money late = Money.zero(currency);
        if (earlierParts.isEmpty()) {
            return late;
        }
        Set<UUID> parts = new java.util.HashSet<>(earlierParts.stream().map(SettlementPeriods.Period::id).toList());
        String direction = commitment ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER";
        Map<UUID, Money> perCarrying = new java.util.LinkedHashMap<>();
        for (UsageSums.PriorSum prior : usage.priorOfPeriods(carrying)) {
            if (parts.contains(prior.usagePeriodId()) && direction.equals(prior.direction())
                    && currency.equals(prior.currency())) {
                perCarrying.merge(prior.periodId(), Money.of(prior.amount(), currency), Money::plus);
            }
        }
        for (Money amount : perCarrying.values()) {
            late = late.plus(SettlementMath.toMinorUnit(amount));
        }
        return late;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The adjustment's statement lines: one, or one per disputed statement line when the dispute split it, each
     * naming that line and carrying its share at the minor unit (the shares sum to the adjustment exactly). A split
     * adjustment in another currency than the statement's is converted once, as a whole, at the period-end rate, and
     * that converted amount split the same way ({@link DisputeAdjustments.Adjustment#sharesIn}): the lines sum to it
     * exactly (each keeps its share in the adjustment's currency as its source amount). Without a rate its lines are
     * left in their currency, for {@link #requireRates} to name.
     */
    private static Stream<LineDraft> adjustmentLines(DisputeAdjustments.Adjustment adjustment, String currency,
                                                     Map<String, BigDecimal> rates) {
        if (adjustment.lines().isEmpty()) {
            return Stream.of(adjustmentLine(adjustment, null, adjustment.signedAmount(), null));
        }
        List<DisputeAdjustments.Share> shares = adjustment.shares();
        BigDecimal rate = rates.get(adjustment.currency());
        if (adjustment.currency().equals(currency) || rate == null) {
            return shares.stream().map(share -> adjustmentLine(adjustment, share.statementLineId(), share.amount(),
                    null));
        }
        List<DisputeAdjustments.Share> converted = adjustment.sharesIn(currency, rate);
        return java.util.stream.IntStream.range(0, shares.size()).mapToObj(i -> adjustmentLine(adjustment,
                shares.get(i).statementLineId(), shares.get(i).amount(), converted.get(i).amount()));
    }

    private static LineDraft adjustmentLine(DisputeAdjustments.Adjustment adjustment, String statementLineId,
                                            Money amount, Money converted) {
        boolean credit = "CREDIT_PARTNER".equals(adjustment.direction());
        String label = "Dispute " + adjustment.disputeId() + " adjustment " + adjustment.adjustmentId() + " ("
                + (credit ? "credit" : "debit") + ")" + (statementLineId == null ? "" : " on statement line "
                + statementLineId) + (adjustment.reasonWithoutDispute() == null ? "" : ": "
                + adjustment.reasonWithoutDispute());
        return new LineDraft(LineKind.DISPUTE_ADJUSTMENT, label.length() > 500 ? label.substring(0, 500) : label,
                null, null, null, amount, adjustment.direction(), "dispute " + adjustment.disputeId(), null,
                converted);
    }

    /**
     * A calendar period's bound as a label prints it: its date when at midnight UTC, else the date and UTC time to the
     * second (a period closed early starts at the moment of the close), never a raw instant with microseconds.
     */
    static String bound(Instant instant) {
        java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                : at.toLocalDate() + " " + at.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    /** How many lines a missing rate's message names per currency (then "and n more"). */
    private static final int NAMED_LINES = 5;

    /**
     * Every currency the period's usage and lines are in that has no rate into the statement's currency at the period
     * end, in one message naming each pair and the lines that need it (their labels: offering × usage type):
     * finance loads them all at once, instead of learning of one currency per run.
     */
    private static void requireRates(String currency, SettlementPeriods.Period period, Map<String, BigDecimal> rates,
                                     List<LineDraft> drafts) {
        Map<String, java.util.LinkedHashSet<String>> needing = new java.util.TreeMap<>();
        // the usage lines are drafted from the sums, one each: their labels name the offering and usage type
        for (LineDraft draft : drafts) {
            String from = draft.amount().currency();
            if (!from.equals(currency) && !rates.containsKey(from)) {
                needing.computeIfAbsent(from, ignored -> new java.util.LinkedHashSet<>()).add(draft.label());
            }
        }
        if (needing.isEmpty()) {
            return;
        }
        String missing = needing.entrySet().stream().map(entry -> {
            List<String> lines = List.copyOf(entry.getValue());
            String named = String.join("; ", lines.subList(0, Math.min(NAMED_LINES, lines.size())))
                    + (lines.size() > NAMED_LINES ? "; and " + (lines.size() - NAMED_LINES) + " more" : "");
            return entry.getKey() + "→" + currency + " (for " + named + ")";
        }).collect(java.util.stream.Collectors.joining(", "));
        throw new IllegalStateException("no rate in force before the period end (" + period.endAt() + ") for " + needing.size()
                + " currenc" + (needing.size() == 1 ? "y" : "ies") + ": " + missing + ": load "
                + (needing.size() == 1 ? "it" : "them") + " before the run (a loaded rate converts once a second "
                + "finance user confirmed it)");
    }

    /** The confirmed period-end rate per source currency into {@code currency} (none: not in the map). */
    private Map<String, FxRates.FxRate> rates(String currency, SettlementPeriods.Period period,
                                              Stream<String> currencies) {
        Map<String, FxRates.FxRate> rates = new HashMap<>();
        currencies.filter(other -> !other.equals(currency)).distinct()
                .forEach(other -> fxRates.rateClosing(other, currency, period.endAt())
                        .ifPresent(rate -> rates.put(other, rate)));
        return rates;
    }

    /** Each converted line naming the rate (version) it was converted at, as the line keeps its value. */
    private static StatementLines.Lines namingRates(StatementLines.Lines lines, Map<String, FxRates.FxRate> used) {
        List<StatementLine> named = lines.lines().stream().map(line -> line.fxRate() == null
                || line.sourceAmount() == null ? line
                : line.withFxRateId(used.get(line.sourceAmount().currency()).id())).toList();
        return new StatementLines.Lines(named, lines.net(), lines.tax(), lines.total(), lines.roundingDifference(),
                lines.taxNote());
    }

    /**
     * The partner's products that started in an earlier period of its but arrived (were received) after that period
     * started closing: their one-time charges were on no statement, so this one carries them, with their recurring
     * charges for every earlier period that began closing before they arrived (those statements missed them).
     */
    private List<ProductChargeLines.Late> late(UUID partnerId, SettlementPeriods.Period period) {
        List<PartnerProducts.Received> candidates = products.startedBeforeNotChargedLate(partnerId, period.startAt());
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<SettlementPeriods.Period> own = periods.ofPartner(partnerId);
        Map<UUID, Instant> drafted = statements.draftedAt(partnerId);
        List<ProductChargeLines.Late> late = new ArrayList<>();
        for (PartnerProducts.Received received : candidates) {
            PartnerProducts.Product product = received.product();
            boolean startedInAClosedPeriod = own.stream()
                    .filter(earlier -> !product.startAt().isBefore(earlier.startAt())
                            && product.startAt().isBefore(earlier.endAt()))
                    .anyMatch(earlier -> missed(earlier, received, drafted));
            if (!startedInAClosedPeriod) {
                continue;
            }
            List<ProductChargeLines.Window> windows = own.stream()
                    .filter(earlier -> earlier.startAt().isBefore(period.startAt())
                            && missed(earlier, received, drafted)
                            && earlier.endAt().isAfter(product.startAt())
                            && (product.endAt() == null || product.endAt().isAfter(earlier.startAt())))
                    .map(earlier -> new ProductChargeLines.Window(earlier.startAt(), earlier.endAt()))
                    .toList();
            late.add(new ProductChargeLines.Late(product, windows));
        }
        return late;
    }

    /**
     * The partner's products whose end changed since its latest statement was drafted: every statement brings the
     * closed periods it follows to the ends it knows (this method, on each), so the closed periods of the partner
     * were all charged with the end known when its latest statement was drafted. A product counts in a closed period
     * when that period's statement knew it (drafted after it was received) or a statement carried it late (which
     * charged every earlier period). Each such product whose end now differs from the one charged is adjusted over
     * those periods.
     */
    private List<Ended> ended(UUID partnerId, SettlementPeriods.Period period) {
        Map<UUID, Instant> drafted = statements.draftedAt(partnerId);
        if (drafted.isEmpty()) {
            return List.of();
        }
        List<SettlementPeriods.Period> closed = periods.ofPartner(partnerId).stream()
                .filter(earlier -> earlier.startAt().isBefore(period.startAt()) && drafted.containsKey(earlier.id()))
                .toList();
        if (closed.isEmpty()) {
            return List.of();
        }
        Instant latest = closed.stream().map(earlier -> drafted.get(earlier.id())).max(Instant::compareTo)
                .orElseThrow();
        List<Ended> ended = new ArrayList<>();
        Map<UUID, PartnerTerms.Agreement> agreements = new HashMap<>();
        for (PartnerProducts.EndHistory history : products.endsLearntSince(partnerId, latest)) {
            PartnerProducts.Product product = history.product();
            Optional<PartnerProducts.KnownEnd> charged = history.knownAt(latest);
            if (charged.isEmpty() || Objects.equals(charged.get().endAt(), product.endAt())) {
                continue;
            }
            List<ProductChargeLines.Charged> windows = closed.stream()
                    .filter(earlier -> history.chargedLate()
                            || history.knownAt(drafted.get(earlier.id())).isPresent())
                    .map(earlier -> new ProductChargeLines.Charged(
                            new ProductChargeLines.Window(earlier.startAt(), earlier.endAt()),
                            agreements.computeIfAbsent(earlier.id(), ignored -> agreement(partnerId, earlier))))
                    .toList();
            ended.add(new Ended(new ProductChargeLines.Ended(product, charged.get().endAt(), windows),
                    new PartnerProducts.AdjustedEnd(product.productId(), charged.get().endAt(), product.endAt())));
        }
        return ended;
    }

    /** A product's late end: what the lines adjust and what is recorded for it. */
    private record Ended(ProductChargeLines.Ended lines, PartnerProducts.AdjustedEnd adjusted) {
    }

    /**
     * The period began closing before the product arrived, and its statement was drafted before it too: that
     * statement could not hold the product. One drafted after the product arrived (drafted again after a discard, say)
     * charged it as any product of its period.
     */
    private static boolean missed(SettlementPeriods.Period period, PartnerProducts.Received received,
                                  Map<UUID, Instant> drafted) {
        Instant composed = drafted.get(period.id());
        if (composed != null && !composed.isBefore(received.receivedAt())) {
            return false;
        }
        return period.closingAt() != null && period.closingAt().isBefore(received.receivedAt());
    }

    /**
     * The composed lines, the adjustments they carry, the products whose one-time charges they carry late, the
     * products whose closed periods they bring to a changed end, and the business model of the period's agreement
     * (what the statement's document is when its lines do not say: {@link DocumentTypes}).
     */
    record Composition(StatementLines.Lines lines, List<DisputeAdjustments.Adjustment> adjustments,
                       List<String> lateProductIds, List<PartnerProducts.AdjustedEnd> adjustedEnds,
                       String businessModel, List<Statements.AgreementVersion> agreements) {
    }
}
