package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The minimum guarantee of an earlier calendar period settled again for its usage that arrived after all its parts
 * were settled. That usage is placed on a later statement as a prior-period adjustment; the earlier period's top-up or
 * commitment line was computed without it, so the partner would pay the shortfall and the late wholesale too (or we
 * would pay the top-up and the late revenue share). The later statement carries, per such calendar period, the
 * difference between its guarantee settled with all its usage known now and what was charged for it so far (its parts'
 * guarantee lines and earlier lines of this kind): a commitment given back, or a top-up clawed back, never more than
 * was charged for it.
 *
 * <p>Such a line is found again by its label (what a later statement counts as charged for the calendar period), which
 * names the calendar period as the guarantee lines do (dates, or date and UTC time at an early close); lines stored
 * before printed the bounds as raw instants, and that text is still recognised.
 */
final class LateGuaranteeLines {

    /** How the line's label starts: a prior-period line, so no guarantee of the statement's own period counts it. */
    static final String PREFIX = "Prior-period adjustment (minimum ";

    private final UsageSums usage;
    private final SettlementPeriods periods;
    private final StatementStore statements;
    private final BiFunction<UUID, SettlementPeriods.Period, PartnerTerms.Agreement> agreements;

    LateGuaranteeLines(UsageSums usage, SettlementPeriods periods, StatementStore statements,
                       BiFunction<UUID, SettlementPeriods.Period, PartnerTerms.Agreement> agreements) {
        this.usage = usage;
        this.periods = periods;
        this.statements = statements;
        this.agreements = agreements;
    }

    /** A line of this kind (never counted as its own period's guarantee charge). */
    static boolean isLateGuarantee(String label) {
        return label.startsWith(PREFIX);
    }

    /**
     * The lines of the statement of {@code period} (in {@code currency}): one per earlier calendar period whose late
     * usage this period carries and whose guarantee settles differently with it.
     */
    List<LineDraft> of(UUID partnerId, SettlementPeriods.Period period, String currency) {
        List<UsageSums.PriorSum> carried = usage.priorOfPeriods(List.of(period.id()));
        if (carried.isEmpty()) {
            return List.of();
        }
        List<SettlementPeriods.Period> own = periods.ofPartner(partnerId);
        Map<UUID, SettlementPeriods.Period> byId = new LinkedHashMap<>();
        own.forEach(candidate -> byId.put(candidate.id(), candidate));
        Instant ownCalendar = SettlementPeriods.calendarStart(period.cycle(), period.startAt());
        // the earlier calendar periods (by cycle and start) whose usage this period carries
        Map<Instant, String> calendars = new TreeMap<>();
        for (UsageSums.PriorSum prior : carried) {
            SettlementPeriods.Period usagePeriod = byId.get(prior.usagePeriodId());
            if (usagePeriod == null) {
                continue;
            }
            Instant start = SettlementPeriods.calendarStart(usagePeriod.cycle(), usagePeriod.startAt());
            if (SettlementPeriods.calendarEnd(usagePeriod.cycle(), usagePeriod.startAt()).isAfter(ownCalendar)) {
                continue; // a part of this statement's own calendar period: its guarantee line counts it
            }
            calendars.put(start, usagePeriod.cycle());
        }
        List<LineDraft> lines = new ArrayList<>();
        calendars.forEach((start, cycle) -> line(partnerId, period, currency, own, cycle, start)
                .ifPresent(lines::add));
        return lines;
    }

    private Optional<LineDraft> line(UUID partnerId, SettlementPeriods.Period period, String currency,
                                     List<SettlementPeriods.Period> own, String cycle, Instant calendarStart) {
        Instant calendarEnd = SettlementPeriods.calendarEnd(cycle, calendarStart);
        List<SettlementPeriods.Period> parts = own.stream().filter(part -> part.cycle().equals(cycle)
                && !part.startAt().isBefore(calendarStart) && part.startAt().isBefore(calendarEnd)).toList();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        PartnerTerms.Agreement agreement = agreements.apply(partnerId, parts.getLast());
        String monthly = agreement.terms().minimumMonthlyGuarantee();
        if (monthly == null || monthly.isBlank() || new BigDecimal(monthly).signum() == 0
                || !agreement.currency().equals(currency)) {
            return Optional.empty();
        }
        Instant from = later(later(calendarStart, agreement.inForceFrom()), parts.getFirst().startAt());
        Instant to = agreement.inForceUntil() == null || agreement.inForceUntil().isAfter(calendarEnd) ? calendarEnd
                : agreement.inForceUntil();
        if (!to.isAfter(from)) {
            return Optional.empty();
        }
        Money guarantee = SettlementMath.periodGuarantee(monthly, currency, from, to);
        boolean commitment = "RESELL".equals(agreement.businessModel());
        LineKind.Measure measure = commitment ? LineKind.Measure.OWED : LineKind.Measure.PAYABLE;
        LineKind kind = commitment ? LineKind.MINIMUM_COMMITMENT : LineKind.MINIMUM_GUARANTEE_TOP_UP;
        String what = (commitment ? "commitment" : "guarantee top-up") + " of the ";
        String calendarPeriod = cycle.toLowerCase(Locale.ROOT) + " calendar period " + StatementComposer.bound(from)
                + " – " + StatementComposer.bound(to) + " (UTC)";
        String name = what + calendarPeriod + ")";
        // the text lines of this kind printed before their bounds were dates (raw instants): still theirs
        String storedBefore = what + cycle.toLowerCase(Locale.ROOT) + " calendar period " + from + " – " + to + ")";
        Money reached = Money.zero(currency);
        Money charged = Money.zero(currency);
        Set<UUID> partIds = new HashSet<>();
        // the periods whose statements carry the calendar period's late usage: its parts, later ones, and this one
        List<UUID> carrying = new ArrayList<>(List.of(period.id()));
        for (SettlementPeriods.Period part : own) {
            boolean isPart = parts.contains(part);
            if (isPart) {
                partIds.add(part.id());
            }
            if (part.id().equals(period.id()) || (!isPart && part.startAt().isBefore(calendarEnd))) {
                continue;
            }
            Optional<Statement> statement = statements.ofPeriod(partnerId, part.id());
            if (statement.isEmpty()) {
                continue;
            }
            carrying.add(part.id());
            for (StatementLine line : statement.get().lines()) {
                if (!line.rounded().currency().equals(currency)) {
                    continue;
                }
                Money signed = Money.of(commitment ? line.rounded().amount().negate() : line.rounded().amount(),
                        currency);
                LineKind lineKind = LineKind.valueOf(line.type());
                boolean late = ProductChargeLines.priorPeriod(line.label()) || isLateGuarantee(line.label());
                if (isPart && lineKind.measure() == measure && !late) {
                    reached = reached.plus(signed);
                } else if (isPart && lineKind == kind && !late) {
                    charged = charged.plus(signed);
                } else if (lineKind == kind && (line.label().startsWith(PREFIX + name)
                        || line.label().startsWith(PREFIX + storedBefore))) {
                    charged = charged.plus(signed);
                }
            }
        }
        Money lateUsage = lateUsage(carrying, partIds, commitment, currency);
        Money settled = SettlementMath.minimumGuaranteeShortfall(guarantee.amount().toPlainString(), 1,
                List.of(reached, lateUsage), currency);
        Money due = settled.minus(charged);
        if (due.amount().signum() == 0) {
            return Optional.empty();
        }
        Money amount = commitment ? Money.of(due.amount().negate(), currency) : due;
        String label = PREFIX + name + ": " + plain(SettlementMath.toMinorUnit(guarantee)) + " " + currency + " − "
                + plain(reached) + " " + currency + (commitment ? " wholesale" : " payable") + " lines − "
                + plain(lateUsage) + " " + currency + " of its usage billed late = " + plain(settled) + " " + currency
                + (commitment ? " owed" : " due") + ", of which " + plain(charged) + " " + currency
                + " charged before" + (due.amount().signum() < 0 ? "; " + plain(Money.of(due.amount().negate(),
                currency)) + " " + currency + (commitment ? " of the commitment charged before given back"
                : " of the top-up paid before taken back") : "");
        return Optional.of(new LineDraft(kind, label.length() > 500 ? label.substring(0, 500) : label, null, null,
                null, amount, amount.amount().signum() < 0 ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER",
                calendarPeriod));
    }

    /**
     * The calendar period's usage of the guarantee's direction placed, as prior-period adjustments, in the carrying
     * periods; per carrying period rounded once to the minor unit (as it is on that statement's line).
     */
    private Money lateUsage(List<UUID> carrying, Set<UUID> parts, boolean commitment, String currency) {
        String direction = commitment ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER";
        Map<UUID, Money> perCarrying = new LinkedHashMap<>();
        for (UsageSums.PriorSum prior : usage.priorOfPeriods(carrying)) {
            if (parts.contains(prior.usagePeriodId()) && direction.equals(prior.direction())
                    && currency.equals(prior.currency())) {
                perCarrying.merge(prior.periodId(), Money.of(prior.amount(), currency), Money::plus);
            }
        }
        Money late = Money.zero(currency);
        for (Money amount : perCarrying.values()) {
            late = late.plus(SettlementMath.toMinorUnit(amount));
        }
        return late;
    }

    private static String plain(Money money) {
        return StatementLines.plain(money);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
