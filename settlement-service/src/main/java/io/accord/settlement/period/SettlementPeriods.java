package io.accord.settlement.period;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.scheduling.JobItems;
import io.accord.platform.security.Tenancy;
import io.accord.settlement.partner.PartnerTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Settlement periods per partner, following the settlement cycle of the agreement in force (UTC calendar periods),
 * opened automatically while an agreement is in force. Usage is placed with {@link #periodFor}: late usage whose
 * period is no longer OPEN lands in the next open period as a prior-period adjustment.
 */
@Service
public class SettlementPeriods {

    private static final Logger log = LoggerFactory.getLogger(SettlementPeriods.class);
    /** A safety stop: periods one call opens at most (10 years of monthly periods). */
    private static final int MAX_OPENED = 120;

    private final PeriodStore store;
    private final PartnerTerms partners;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;
    private final JobItems jobItems;

    SettlementPeriods(PeriodStore store, PartnerTerms partners, AuditTrail audit, Tenancy tenancy, Clock clock,
                      JobItems jobItems) {
        this.store = store;
        this.partners = partners;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
        this.jobItems = jobItems;
    }

    /**
     * The open period usage of the partner at {@code usageInstant} belongs to, and whether it is a prior-period
     * adjustment there (its own period is CLOSING or CLOSED, or lies before the partner's first period). Opens the
     * partner's due periods first (up to now, or up to the usage instant if that is later). Empty when no agreement
     * of the partner covers it and no period is open after it.
     */
    @Transactional
    public Optional<Placement> periodFor(UUID partnerId, Instant usageInstant) {
        Instant now = clock.instant();
        openUntil(partnerId, usageInstant.isBefore(now) ? usageInstant : now,
                usageInstant.isAfter(now) ? usageInstant : now);
        return LateUsage.place(store.ofPartner(partnerId).stream().map(SettlementPeriod::view).toList(),
                usageInstant);
    }

    /**
     * Placement for a usage batch of many partners, inside the batch's transaction: takes all their partner locks in
     * one statement (in one order, so concurrent batches cannot deadlock on them) and reads all their periods in one
     * query; {@link Placements#place} then answers from those, exactly as {@link #periodFor} would, and only goes to
     * {@link #periodFor} for a partner whose next period must be opened first (no period yet, or usage or now at or
     * after the end of its latest period).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Placements placements(Collection<UUID> partnerIds) {
        List<UUID> ordered = partnerIds.stream().distinct().sorted(Comparator.comparing(UUID::toString)).toList();
        Map<UUID, List<Period>> known = new HashMap<>();
        if (!ordered.isEmpty()) {
            store.lockPartners(ordered);
            for (SettlementPeriod period : store.ofPartners(ordered)) {
                known.computeIfAbsent(period.partnerId(), partner -> new ArrayList<>()).add(period.view());
            }
        }
        return new Placements(known);
    }

    /** The periods of a usage batch's partners, read under their locks (see {@link #placements}). */
    public final class Placements {

        private final Map<UUID, List<Period>> known;

        private Placements(Map<UUID, List<Period>> known) {
            this.known = known;
        }

        /** Where the partner's usage at {@code usageInstant} lands: the same answer as {@link #periodFor}. */
        public Optional<Placement> place(UUID partnerId, Instant usageInstant) {
            List<Period> periods = known.get(partnerId);
            Instant now = clock.instant();
            Instant upTo = usageInstant.isAfter(now) ? usageInstant : now;
            if (periods != null && !periods.isEmpty() && periods.getLast().endAt().isAfter(upTo)) {
                return LateUsage.place(periods, usageInstant);
            }
            Optional<Placement> placement = periodFor(partnerId, usageInstant);
            known.put(partnerId, store.ofPartner(partnerId).stream().map(SettlementPeriod::view).toList());
            return placement;
        }

        /**
         * The partner's period whose window holds {@code usageInstant}, whatever its state, as read for this batch:
         * for usage {@link #place} found no period for (it names the period the usage belonged to).
         */
        public Optional<UUID> periodContaining(UUID partnerId, Instant usageInstant) {
            return known.getOrDefault(partnerId, List.of()).stream()
                    .filter(period -> !usageInstant.isBefore(period.startAt()) && usageInstant.isBefore(period.endAt()))
                    .map(Period::id).findFirst();
        }
    }

    /**
     * Opens, for every partner with an agreement in force at {@code now}, the periods up to now; how many opened.
     * Each partner in its own transaction ({@link JobItems}): a partner whose periods cannot be opened (terms the
     * calendar does not know, say) is counted in {@code job_item_failure} and put off, and stops no other partner.
     */
    public int openDuePeriods(Instant now) {
        return jobItems.each(PeriodOpeningJob.LOCK, partners.partnersWithAgreementInForce(now), partnerId -> partnerId,
                partnerId -> openUntil(partnerId, now, now)).changed();
    }

    /** The periods a run settles now: ended and not CLOSED, of every partner, oldest first per partner. */
    @Transactional(readOnly = true)
    public List<Period> dueForRun() {
        return store.dueForRun(clock.instant()).stream().map(SettlementPeriod::view).toList();
    }

    /**
     * A run starts closing an ended OPEN period (guarded: 409 otherwise). It waits for usage being placed for the
     * partner (that holds the same partner lock), so no usage lands in a period once it is CLOSING.
     */
    @Transactional
    public Period startClosing(UUID periodId) {
        SettlementPeriod period = loadForRun(periodId);
        store.lockPartner(period.partnerId());
        period = loadForRun(periodId);
        Period before = period.view();
        period.startClosing(clock.instant());
        store.update(period);
        audit.record(new PartnerId(period.partnerId()), "SettlementPeriod", periodId.toString(), "closing", before,
                period.view());
        return period.view();
    }

    /**
     * Takes the partner's period lock until the calling transaction ends: no usage of the partner is placed meanwhile
     * (a usage batch takes the same lock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdPartner(UUID partnerId) {
        store.lockPartner(partnerId);
    }

    /** A run finished closing the period (guarded: it must be CLOSING). */
    @Transactional
    public Period close(UUID periodId) {
        SettlementPeriod period = loadForRun(periodId);
        Period before = period.view();
        period.close(clock.instant());
        store.update(period);
        audit.record(new PartnerId(period.partnerId()), "SettlementPeriod", periodId.toString(), "closed", before,
                period.view());
        return period.view();
    }

    /** One period, if the caller may see it (a partner: its own). */
    @Transactional(readOnly = true)
    public Optional<Period> find(UUID periodId) {
        return tenancy.visible(store.find(periodId), period -> new PartnerId(period.partnerId()))
                .map(SettlementPeriod::view);
    }

    /**
     * The periods that start in [from, to), of one partner or (partnerId {@code null}) of all, by partner and
     * start: what the conservation check sums over a time range.
     */
    @Transactional(readOnly = true)
    public List<Period> startingBetween(Instant from, Instant to, UUID partnerId) {
        return store.startingBetween(from, to, partnerId).stream().map(SettlementPeriod::view).toList();
    }

    /** The partner's periods, oldest first. */
    @Transactional(readOnly = true)
    public List<Period> ofPartner(UUID partnerId) {
        return store.ofPartner(partnerId).stream().map(SettlementPeriod::view).toList();
    }

    /** The service clock's instant: a period list's {@code at=now}. */
    Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    Page<Period> list(UUID partnerId, PeriodState state, Instant at, Pageable page) {
        UUID scope = tenancy.listScope(partnerId);
        if (Tenancy.NOBODY.equals(scope)) {
            return Page.empty(page);
        }
        return store.list(scope, state, at, page).map(SettlementPeriod::view);
    }

    /**
     * Finance closes the partner's current period early: its end becomes now, and the next period starts now and ends
     * where the closed one would have. Returns both.
     */
    @Transactional
    List<Period> closeEarly(UUID periodId, String reason) {
        SettlementPeriod period = load(periodId);
        store.lockPartner(period.partnerId());
        Period before = period.view();
        Instant now = clock.instant();
        Instant formerEnd = period.closeEarly(now, tenancy.actor());
        store.update(period);
        PartnerId partner = new PartnerId(period.partnerId());
        audit.record(partner, "SettlementPeriod", periodId.toString(), "closed-early", before,
                new EarlyClose(period.view(), reason));
        SettlementPeriod next = SettlementPeriod.open(period.partnerId(), period.agreementId(), period.cycle(), now,
                formerEnd, now);
        store.insert(next);
        audit.record(partner, "SettlementPeriod", next.id().toString(), "opened", null, next.view());
        log.info("Period {} of partner {} closed early at {} by {} ({}); period {} opened until {}", periodId,
                period.partnerId(), now, tenancy.actor(), reason, next.id(), formerEnd);
        return List.of(period.view(), next.view());
    }

    /** A run (a job, or finance starting it) works on any partner's period. */
    private SettlementPeriod loadForRun(UUID periodId) {
        return store.find(periodId).orElseThrow(() -> new NotFoundException("Settlement period", periodId));
    }

    private SettlementPeriod load(UUID periodId) {
        return tenancy.visible(store.find(periodId), period -> new PartnerId(period.partnerId()))
                .orElseThrow(() -> new NotFoundException("Settlement period", periodId));
    }

    /**
     * Opens the partner's periods until one contains {@code upTo}: a partner's first period starts when its earliest
     * agreement came into force, or at the start of the calendar period of {@code from} if that is later (no backlog
     * of empty periods); each next one starts where the last ended and follows the cycle of the agreement in force
     * then.
     */
    private int openUntil(UUID partnerId, Instant from, Instant upTo) {
        store.lockPartner(partnerId);
        List<PartnerTerms.Agreement> agreements = partners.agreements(partnerId);
        Optional<SettlementPeriod> latest = store.latest(partnerId);
        Instant start;
        if (latest.isEmpty()) {
            Optional<PartnerTerms.Agreement> first = agreementFrom(agreements, Instant.MIN, upTo);
            if (first.isEmpty()) {
                return 0;
            }
            Instant calendarStart = PeriodCalendar.startOf(first.get().settlementCycle(), from);
            start = first.get().inForceFrom().isAfter(calendarStart) ? first.get().inForceFrom() : calendarStart;
        } else {
            start = latest.get().endAt();
        }
        List<SettlementPeriod> opened = new ArrayList<>();
        while (!start.isAfter(upTo) && opened.size() < MAX_OPENED) {
            Optional<PartnerTerms.Agreement> agreement = agreementFrom(agreements, start, upTo);
            if (agreement.isEmpty()) {
                break;
            }
            Instant periodStart = agreement.get().inForceFrom().isAfter(start) ? agreement.get().inForceFrom() : start;
            String cycle = agreement.get().settlementCycle();
            SettlementPeriod period = SettlementPeriod.open(partnerId, agreement.get().agreementId(), cycle,
                    periodStart, PeriodCalendar.endOf(cycle, periodStart), clock.instant());
            store.insert(period);
            audit.record(new PartnerId(partnerId), "SettlementPeriod", period.id().toString(), "opened", null,
                    period.view());
            opened.add(period);
            start = period.endAt();
        }
        if (!opened.isEmpty()) {
            log.info("Opened {} settlement period(s) of partner {} up to {}", opened.size(), partnerId,
                    opened.getLast().endAt());
        }
        return opened.size();
    }

    /** The agreement in force at {@code from}, else the next one coming into force by {@code upTo}. */
    private static Optional<PartnerTerms.Agreement> agreementFrom(List<PartnerTerms.Agreement> agreements,
                                                                  Instant from, Instant upTo) {
        Optional<PartnerTerms.Agreement> inForce = agreements.stream().filter(a -> a.inForceAt(from))
                .max(java.util.Comparator.comparing(PartnerTerms.Agreement::inForceFrom));
        if (inForce.isPresent()) {
            return inForce;
        }
        return agreements.stream()
                .filter(a -> a.inForceFrom().isAfter(from) && !a.inForceFrom().isAfter(upTo))
                .filter(a -> a.inForceUntil() == null || a.inForceUntil().isAfter(a.inForceFrom()))
                .min(java.util.Comparator.comparing(PartnerTerms.Agreement::inForceFrom));
    }

    /** The start of the calendar period of {@code cycle} (month, quarter, half-year, year; UTC) holding {@code at}. */
    public static Instant calendarStart(String cycle, Instant at) {
        return PeriodCalendar.startOf(cycle, at);
    }

    /** The end (exclusive) of the calendar period of {@code cycle} holding {@code at}. */
    public static Instant calendarEnd(String cycle, Instant at) {
        return PeriodCalendar.endOf(cycle, at);
    }

    /**
     * A settlement period [startAt, endAt) in UTC.
     *
     * @param closedEarlyAt when finance closed it early (its end then), {@code null} otherwise
     */
    public record Period(UUID id, UUID partnerId, String agreementId, String cycle, Instant startAt, Instant endAt,
                         PeriodState state, Instant closedEarlyAt, String closedEarlyBy, Instant closingAt,
                         Instant closedAt) {
    }

    /**
     * Where usage lands.
     *
     * @param period                 the OPEN period it is settled in
     * @param priorPeriodAdjustment  true when its own period was no longer open (or lay before the first): the
     *                               statement shows it as a labelled prior-period adjustment line
     * @param usagePeriodId          the period the usage time falls in, when it is an adjustment and one does
     */
    public record Placement(Period period, boolean priorPeriodAdjustment, UUID usagePeriodId) {
    }

    record EarlyClose(Period period, String reason) {
    }
}
