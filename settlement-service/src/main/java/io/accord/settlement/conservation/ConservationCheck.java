package io.accord.settlement.conservation;

import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Money is conserved, per partner and period and in total (issue 11): Σ partner amounts of rated records (the usage
 * sums kept while consuming {@code usage.rated.v1}) = Σ the same amounts on statements (the rated-usage lines, before
 * line rounding and in the usage currency, i.e. before FX) + Σ not yet on a statement. Every other statement line
 * (recurring and one-time charges, tier bonus, minimum guarantee, dispute adjustments), FX conversions, tax and the
 * line rounding are listed beside it, each labelled. Rating's count equation is linked, not fetched: settlement makes
 * no calls to other services.
 */
@Service
class ConservationCheck {

    /** Rating's reconciliation answers at most this many days per call. */
    static final int RATING_MAX_DAYS = 92;
    static final String RATING_RECONCILIATION = "/api/rating/reconciliation";

    private final SettlementPeriods periods;
    private final UsageSums usage;
    private final Statements statements;

    ConservationCheck(SettlementPeriods periods, UsageSums usage, Statements statements) {
        this.periods = periods;
        this.usage = usage;
        this.statements = statements;
    }

    /** The equation of one period (empty when the caller may not see it). */
    @Transactional(readOnly = true)
    Optional<ConservationViews.PeriodConservation> ofPeriod(UUID periodId) {
        return periods.find(periodId).map(period -> {
            Checked checked = check(period);
            return new ConservationViews.PeriodConservation(period.id(), period.partnerId(), period.startAt(),
                    period.endAt(), period.state().name(), ConservationViews.EQUATION, checked.ledger.balanced(),
                    checked.ledger.amounts(), checked.outside, ratingLinks(period.startAt(), period.endAt()));
        });
    }

    /**
     * The equation over every period (of one partner, or all) that starts on a day of [from, to], with the amounts
     * no period took (they are not dated, so every check lists them, counted as not yet on a statement).
     */
    @Transactional(readOnly = true)
    ConservationViews.TotalConservation total(LocalDate from, LocalDate to, UUID partnerId) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Ledger total = new Ledger();
        Map<UUID, Ledger> byPartner = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> outsideByType = new TreeMap<>();
        int statementCount = 0;
        List<SettlementPeriods.Period> found = periods.startingBetween(start, end, partnerId);
        for (SettlementPeriods.Period period : found) {
            Checked checked = check(period);
            byPartner.computeIfAbsent(period.partnerId(), ignored -> new Ledger()).addAll(checked.ledger);
            total.addAll(checked.ledger);
            if (checked.outside != null) {
                statementCount++;
                ConservationViews.Outside outside = checked.outside;
                outside.lines().forEach(line -> add(outsideByType, line.type(), outside.currency(), line.rounded()));
                add(outsideByType, "TAX", outside.currency(), outside.tax());
                add(outsideByType, "LINE_ROUNDING", outside.currency(), outside.roundingDifference());
                outside.fxConversions().forEach(conversion -> add(outsideByType, "FX_CONVERSION",
                        outside.currency(), conversion.converted().subtract(conversion.sourceAmount())));
            }
        }
        List<UsageSums.Unplaced> unplaced = usage.unplaced().stream()
                .filter(amount -> partnerId == null || partnerId.equals(amount.partnerId())).toList();
        for (UsageSums.Unplaced amount : unplaced) {
            total.rated(amount.currency(), amount.direction(), amount.amount(), amount.recordCount());
            total.notYetOnStatement(amount.currency(), amount.direction(), amount.amount());
        }
        List<ConservationViews.PartnerAmounts> partners = new ArrayList<>();
        byPartner.forEach((partner, ledger) -> partners.add(new ConservationViews.PartnerAmounts(partner,
                ledger.balanced(), ledger.amounts())));
        List<ConservationViews.OutsideTotal> outside = new ArrayList<>();
        outsideByType.forEach((type, amounts) -> amounts.forEach((currency, amount) ->
                outside.add(new ConservationViews.OutsideTotal(type, currency, amount))));
        return new ConservationViews.TotalConservation(from, to, partnerId, ConservationViews.EQUATION,
                total.balanced(), found.size(), statementCount, total.amounts(), partners,
                unplaced.stream().map(amount -> new ConservationViews.UnplacedAmount(amount.partnerId(),
                        amount.currency(), amount.direction(), amount.amount(), amount.recordCount())).toList(),
                outside, ratingLinks(start, end));
    }

    private Checked check(SettlementPeriods.Period period) {
        Ledger ledger = new Ledger();
        List<UsageSums.Sum> sums = usage.ofPeriod(period.id());
        Optional<Statements.View> statement = statements.ofPeriod(period.partnerId(), period.id());
        for (UsageSums.Sum sum : sums) {
            ledger.rated(sum.currency(), sum.direction(), sum.amount(), sum.recordCount());
            if (statement.isEmpty()) {
                ledger.notYetOnStatement(sum.currency(), sum.direction(), sum.amount());
            }
        }
        if (statement.isEmpty()) {
            return new Checked(ledger, null);
        }
        Statements.View view = statement.get();
        List<ConservationViews.OutsideLine> outside = new ArrayList<>();
        List<ConservationViews.FxConversion> conversions = new ArrayList<>();
        for (Statements.Line line : view.lines()) {
            if (!line.ratedUsage()) {
                outside.add(new ConservationViews.OutsideLine(line.type(), line.label(), line.direction(),
                        line.reference(), line.unrounded(), line.rounded()));
                continue;
            }
            BigDecimal source = line.sourceAmount() != null ? line.sourceAmount() : line.unrounded();
            String currency = line.sourceCurrency() != null ? line.sourceCurrency() : view.currency();
            String direction = direction(line, source);
            ledger.onStatement(currency, direction,
                    "OWED_BY_PARTNER".equals(direction) ? source.negate() : source);
            if (line.fxRate() != null) {
                conversions.add(new ConservationViews.FxConversion(line.label(), source, currency, line.fxRate(),
                        line.unrounded()));
            }
        }
        return new Checked(ledger, new ConservationViews.Outside(view.id(), view.state(), view.currency(), outside,
                conversions, view.taxAmount(), view.roundingDifference()));
    }

    /** Lines drafted before lines carried their direction: wholesale lines are negative, shares positive. */
    private static String direction(Statements.Line line, BigDecimal source) {
        if (line.direction() != null) {
            return line.direction();
        }
        return "WHOLESALE".equals(line.type()) || source.signum() < 0 && !"USAGE_REVENUE_SHARE".equals(line.type())
                ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER";
    }

    private static void add(Map<String, Map<String, BigDecimal>> totals, String type, String currency,
                            BigDecimal amount) {
        totals.computeIfAbsent(type, ignored -> new TreeMap<>()).merge(currency, amount, BigDecimal::add);
    }

    /** Rating's count equation for the UTC days of [start, end), in calls of at most 92 days. */
    static List<ConservationViews.RatingLink> ratingLinks(Instant start, Instant end) {
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC);
        List<ConservationViews.RatingLink> links = new ArrayList<>();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(RATING_MAX_DAYS)) {
            LocalDate to = from.plusDays(RATING_MAX_DAYS - 1L).isAfter(last) ? last
                    : from.plusDays(RATING_MAX_DAYS - 1L);
            links.add(new ConservationViews.RatingLink(RATING_RECONCILIATION + "?from=" + from + "&to=" + to,
                    ConservationViews.RATING_EQUATION));
        }
        return links;
    }

    private record Checked(Ledger ledger, ConservationViews.Outside outside) {
    }
}
