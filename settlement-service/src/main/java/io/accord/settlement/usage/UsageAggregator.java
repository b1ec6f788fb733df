package io.accord.settlement.usage;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.usage.UsageRated;
import io.accord.settlement.period.SettlementPeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds a batch of rated records to the period sums, inside the batch's transaction: every partner amount of a record
 * is placed with {@link SettlementPeriods#periodFor} (late usage lands in the next open period, flagged prior-period)
 * and added, with the record's quantity and charge, to its period, partner, offering, usage type, direction, currency,
 * flag and billed unit (since V73; {@code null}: not known). Reversals carry negated values and so subtract. The
 * batch's partners are locked and their periods read at once ({@link SettlementPeriods#placements}), and all its
 * sums are added in one statement: the cost of a batch hardly grows with the number of partners in it. Each sum keeps the highest rated sequence added to it, and every
 * amount placed outside its own period (late, or taken by no period although a period of the partner holds its usage
 * time) is kept by rated id in {@code usage_late_record}: together they say which rated records a period's statement
 * billed ({@link UsageSums#statementRecords}).
 */
class UsageAggregator {

    private static final Logger log = LoggerFactory.getLogger(UsageAggregator.class);
    /** The amounts whose records we billed end customers for in the partner's name (its revenue share). */
    private static final String BILLED_ON_BEHALF = "PAYABLE_TO_PARTNER";
    /** A partner owes the record's whole charge: it billed the end customer itself, the CSP billed nobody. */
    private static final String OWED = "OWED_BY_PARTNER";

    private final SettlementPeriods periods;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LateUsageSums lateUsage;

    UsageAggregator(SettlementPeriods periods, JdbcClient jdbc, Clock clock) {
        this.lateUsage = new LateUsageSums(jdbc);
        this.periods = periods;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds the records' amounts; returns how many partner amounts were placed in a period. */
    int add(List<UsageRated> records) {
        List<Share> shares = new ArrayList<>();
        for (UsageRated record : records) {
            if (record.parties() == null) {
                continue;
            }
            for (UsageRated.PartyAmount party : record.parties()) {
                shares.add(new Share(UUID.fromString(party.partnerId()), party, record));
            }
        }
        shares.sort(Comparator.comparing(Share::partnerId));
        Map<SumKey, Sum> sums = new LinkedHashMap<>();
        Map<RateKey, Sum> rates = new LinkedHashMap<>();
        Map<UnplacedKey, Sum> unplaced = new LinkedHashMap<>();
        List<LateRecord> late = new ArrayList<>();
        Map<CustomerKey, Sum> customers = new LinkedHashMap<>();
        Map<PriorKey, Sum> priors = new LinkedHashMap<>();
        LateUsageSums.Batch lateSums = new LateUsageSums.Batch();
        Map<UUID, SettlementPeriods.Placement> current = new HashMap<>();
        SettlementPeriods.Placements placements = periods.placements(
                shares.stream().map(Share::partnerId).distinct().toList());
        int placed = 0;
        for (Share share : shares) {
            Instant usage = share.record().usageTime().toInstant();
            Optional<SettlementPeriods.Placement> placement = place(placements, share.partnerId(), usage, current);
            Sum delta = Sum.of(share);
            if (placement.isEmpty()) {
                log.warn("No settlement period takes usage {} of partner {} at {} (no agreement covers it)",
                        share.record().ratedId(), share.partnerId(), usage);
                unplaced.merge(new UnplacedKey(share.partnerId(), share.record().currency(),
                        share.party().direction().name()), delta, Sum::plus);
                placements.periodContaining(share.partnerId(), usage).ifPresent(own ->
                        late.add(LateRecord.of(share, null, own)));
                continue;
            }
            placed++;
            if (placement.get().priorPeriodAdjustment()) {
                late.add(LateRecord.of(share, placement.get().period().id(), placement.get().usagePeriodId()));
            }
            boolean byOwnPeriod = placement.get().priorPeriodAdjustment() && placement.get().usagePeriodId() != null;
            if (BILLED_ON_BEHALF.equals(share.party().direction().name()) && billedByTheCsp(share.record())) {
                customers.merge(new CustomerKey(placement.get().period().id(), share.partnerId(),
                        customer(share.record().customerReference()), share.record().offeringId(),
                        share.record().usageType(), share.record().currency(),
                        placement.get().priorPeriodAdjustment(), taxCategory(share.record().taxCategory())), delta,
                        Sum::plus);
                if (byOwnPeriod) {
                    lateSums.customer(new LateUsageSums.CustomerKey(placement.get().period().id(),
                            placement.get().usagePeriodId(), share.partnerId(),
                            customer(share.record().customerReference()), share.record().offeringId(),
                            share.record().usageType(), share.record().currency(),
                            taxCategory(share.record().taxCategory())), delta.quantity(), delta.charge(), delta.count());
                }
            }
            if (byOwnPeriod) {
                priors.merge(new PriorKey(placement.get().period().id(), placement.get().usagePeriodId(),
                        share.partnerId(), share.party().direction().name(), share.record().currency()), delta,
                        Sum::plus);
                lateSums.sum(new LateUsageSums.SumKey(placement.get().period().id(), placement.get().usagePeriodId(),
                        share.partnerId(), share.record().offeringId(), share.record().usageType(),
                        share.party().direction().name(), share.record().currency(),
                        billedUnit(share.record().billedUnit())), delta.quantity(), delta.charge(), delta.amount(),
                        delta.count(), delta.reversals(), delta.maxSequence());
            }
            SumKey sumKey = new SumKey(placement.get().period().id(), share.partnerId(),
                    share.record().offeringId(), share.record().usageType(), share.party().direction().name(),
                    share.record().currency(), placement.get().priorPeriodAdjustment(),
                    billedUnit(share.record().billedUnit()));
            sums.merge(sumKey, delta, Sum::plus);
            rates.merge(RateKey.of(sumKey, delta.prices(), share.party().sharePercent()), delta, Sum::plus);
        }
        Timestamp now = Timestamp.from(clock.instant());
        upsert(sums, now);
        upsertRates(rates, now);
        insertLate(late, now);
        upsertCustomers(customers, now);
        upsertPriors(priors, now);
        lateUsage.add(lateSums, now);
        unplaced.forEach((key, sum) -> upsertUnplaced(key, sum, now));
        return placed;
    }

    /**
     * The CSP billed the record's end customer, so its revenue shares were billed on behalf of their partners: no
     * partner owes the record's charge. A partner that owes it ({@code OWED_BY_PARTNER}) billed the end customer
     * itself: a reseller of a CSP offering ({@code RESELL}, no shares), or, since session 62, a partner that bought a
     * co-created or partner-owned offering ({@code CO_CREATED} / {@code SELL_THROUGH}: shares paid to the owner or
     * participants, the whole charge owed by the buyer). The event does not name the buyer, but rating puts an owed
     * amount on a record exactly when a partner bought the instance, so the owed entry is the criterion, whatever the
     * allocation; the customer reference cannot tell (it names the end customer either way). A reversal carries the
     * entries of the record it reverses, so it subtracts from the customer sums only what that record added.
     */
    private static boolean billedByTheCsp(UsageRated record) {
        for (UsageRated.PartyAmount party : record.parties()) {
            if (OWED.equals(party.direction().name())) {
                return false;
            }
        }
        return true;
    }

    /** The partner's current open period serves every usage inside it; anything else asks the batch's placements. */
    private static Optional<SettlementPeriods.Placement> place(SettlementPeriods.Placements placements,
                                                               UUID partnerId, Instant usage,
                                                               Map<UUID, SettlementPeriods.Placement> current) {
        SettlementPeriods.Placement known = current.get(partnerId);
        if (known != null && !usage.isBefore(known.period().startAt()) && usage.isBefore(known.period().endAt())) {
            return Optional.of(known);
        }
        Optional<SettlementPeriods.Placement> placement = placements.place(partnerId, usage);
        placement.filter(found -> !found.priorPeriodAdjustment()).ifPresent(found -> current.put(partnerId, found));
        return placement;
    }

    /**
     * Adds every sum of the batch in one statement (arrays unnested into rows): one round trip, whatever the number of
     * partners. The keys are distinct (merged above), so no row is touched twice.
     */
    private void upsert(Map<SumKey, Sum> sums, Timestamp now) {
        if (sums.isEmpty()) {
            return;
        }
        int size = sums.size();
        UUID[] periodIds = new UUID[size];
        UUID[] partnerIds = new UUID[size];
        String[] offerings = new String[size];
        String[] usageTypes = new String[size];
        String[] directions = new String[size];
        String[] currencies = new String[size];
        Boolean[] priors = new Boolean[size];
        BigDecimal[] quantities = new BigDecimal[size];
        BigDecimal[] charges = new BigDecimal[size];
        BigDecimal[] amounts = new BigDecimal[size];
        Long[] counts = new Long[size];
        Long[] reversals = new Long[size];
        Long[] maxSequences = new Long[size];
        String[] units = new String[size];
        BigDecimal[] priceLows = new BigDecimal[size];
        BigDecimal[] priceHighs = new BigDecimal[size];
        Boolean[] pricesMixed = new Boolean[size];
        int i = 0;
        for (Map.Entry<SumKey, Sum> entry : sums.entrySet()) {
            SumKey key = entry.getKey();
            Sum sum = entry.getValue();
            periodIds[i] = key.periodId();
            partnerIds[i] = key.partnerId();
            offerings[i] = key.offeringId();
            usageTypes[i] = key.usageType();
            directions[i] = key.direction();
            currencies[i] = key.currency();
            priors[i] = key.priorPeriod();
            quantities[i] = sum.quantity();
            charges[i] = sum.charge();
            amounts[i] = sum.amount();
            counts[i] = sum.count();
            reversals[i] = sum.reversals();
            maxSequences[i] = sum.maxSequence();
            units[i] = key.billedUnit();
            priceLows[i] = sum.prices().low();
            priceHighs[i] = sum.prices().high();
            pricesMixed[i] = sum.prices().mixed();
            i++;
        }
        jdbc.sql("""
                        insert into usage_sum (period_id, partner_id, offering_id, usage_type, direction, currency,
                                               prior_period, quantity, charge, amount, record_count, reversal_count,
                                               max_sequence, billed_unit, price_low, price_high, price_mixed,
                                               updated_at)
                        select s.*, :now
                        from unnest(:periods, :partners, :offerings, :usageTypes, :directions, :currencies, :priors,
                                    :quantities, :charges, :amounts, :counts, :reversals, :maxSequences, :units,
                                    :priceLows, :priceHighs, :pricesMixed)
                             as s(period_id, partner_id, offering_id, usage_type, direction, currency, prior_period,
                                  quantity, charge, amount, record_count, reversal_count, max_sequence, billed_unit,
                                  price_low, price_high, price_mixed)
                        on conflict (period_id, partner_id, offering_id, usage_type, direction, currency, prior_period,
                                     billed_unit)
                        do update set quantity = usage_sum.quantity + excluded.quantity,
                                      charge = usage_sum.charge + excluded.charge,
                                      amount = usage_sum.amount + excluded.amount,
                                      record_count = usage_sum.record_count + excluded.record_count,
                                      reversal_count = usage_sum.reversal_count + excluded.reversal_count,
                                      -- a row summed before V70 stays without one: its records are not all known
                                      max_sequence = case when usage_sum.max_sequence is null then null
                                                          else greatest(usage_sum.max_sequence, excluded.max_sequence)
                                                     end,
                                      -- the prices both agree with (UnitPrices.Range#plus; greatest and least
                                      -- skip a null bound: a row that told no price yet); none: mixed
                                      price_mixed = usage_sum.price_mixed or excluded.price_mixed
                                                    or coalesce(greatest(usage_sum.price_low, excluded.price_low)
                                                       > least(usage_sum.price_high, excluded.price_high), false),
                                      price_low = case when usage_sum.price_mixed or excluded.price_mixed
                                                    or coalesce(greatest(usage_sum.price_low, excluded.price_low)
                                                       > least(usage_sum.price_high, excluded.price_high), false) then null
                                                       else greatest(usage_sum.price_low, excluded.price_low) end,
                                      price_high = case when usage_sum.price_mixed or excluded.price_mixed
                                                    or coalesce(greatest(usage_sum.price_low, excluded.price_low)
                                                       > least(usage_sum.price_high, excluded.price_high), false) then null
                                                        else least(usage_sum.price_high, excluded.price_high) end,
                                      updated_at = excluded.updated_at""")
                .param("periods", new SqlArrayValue("uuid", (Object[]) periodIds))
                .param("partners", new SqlArrayValue("uuid", (Object[]) partnerIds))
                .param("offerings", new SqlArrayValue("varchar", (Object[]) offerings))
                .param("usageTypes", new SqlArrayValue("varchar", (Object[]) usageTypes))
                .param("directions", new SqlArrayValue("varchar", (Object[]) directions))
                .param("currencies", new SqlArrayValue("varchar", (Object[]) currencies))
                .param("priors", new SqlArrayValue("boolean", (Object[]) priors))
                .param("quantities", new SqlArrayValue("numeric", (Object[]) quantities))
                .param("charges", new SqlArrayValue("numeric", (Object[]) charges))
                .param("amounts", new SqlArrayValue("numeric", (Object[]) amounts))
                .param("counts", new SqlArrayValue("int8", (Object[]) counts))
                .param("reversals", new SqlArrayValue("int8", (Object[]) reversals))
                .param("maxSequences", new SqlArrayValue("int8", (Object[]) maxSequences))
                .param("units", new SqlArrayValue("varchar", (Object[]) units))
                .param("priceLows", new SqlArrayValue("numeric", (Object[]) priceLows))
                .param("priceHighs", new SqlArrayValue("numeric", (Object[]) priceHighs))
                .param("pricesMixed", new SqlArrayValue("boolean", (Object[]) pricesMixed))
                .param("now", now).update();
    }

    /**
     * Adds the batch's records to their sums' price and share buckets ({@code usage_sum_rate}) in one statement: net
     * quantity and count per bucket (a reversal cancels its original in the bucket they share), the prices its
     * records agree with (all agree with the bucket's price, so the range never empties).
     */
    private void upsertRates(Map<RateKey, Sum> rates, Timestamp now) {
        if (rates.isEmpty()) {
            return;
        }
        List<Map.Entry<RateKey, Sum>> entries = List.copyOf(rates.entrySet());
        jdbc.sql("""
                        insert into usage_sum_rate (period_id, partner_id, offering_id, usage_type, direction, currency,
                                                    prior_period, billed_unit, price, price_mixed, share_percent,
                                                    net_quantity, net_count, price_low, price_high, updated_at)
                        select s.*, :now
                        from unnest(:periods, :partners, :offerings, :usageTypes, :directions, :currencies, :priors,
                                    :units, :prices, :mixed, :shares, :quantities, :counts, :lows, :highs)
                             as s(period_id, partner_id, offering_id, usage_type, direction, currency, prior_period,
                                  billed_unit, price, price_mixed, share_percent, net_quantity, net_count,
                                  price_low, price_high)
                        on conflict (period_id, partner_id, offering_id, usage_type, direction, currency, prior_period,
                                     billed_unit, price, price_mixed, share_percent)
                        do update set net_quantity = usage_sum_rate.net_quantity + excluded.net_quantity,
                                      net_count = usage_sum_rate.net_count + excluded.net_count,
                                      price_low = greatest(usage_sum_rate.price_low, excluded.price_low),
                                      price_high = least(usage_sum_rate.price_high, excluded.price_high),
                                      updated_at = excluded.updated_at""")
                .param("periods", new SqlArrayValue("uuid", entries.stream().map(e -> e.getKey().sum().periodId())
                        .toArray()))
                .param("partners", new SqlArrayValue("uuid", entries.stream()
                        .map(e -> e.getKey().sum().partnerId()).toArray()))
                .param("offerings", new SqlArrayValue("varchar", entries.stream()
                        .map(e -> e.getKey().sum().offeringId()).toArray()))
                .param("usageTypes", new SqlArrayValue("varchar", entries.stream()
                        .map(e -> e.getKey().sum().usageType()).toArray()))
                .param("directions", new SqlArrayValue("varchar", entries.stream()
                        .map(e -> e.getKey().sum().direction()).toArray()))
                .param("currencies", new SqlArrayValue("varchar", entries.stream()
                        .map(e -> e.getKey().sum().currency()).toArray()))
                .param("priors", new SqlArrayValue("boolean", entries.stream()
                        .map(e -> e.getKey().sum().priorPeriod()).toArray()))
                .param("units", new SqlArrayValue("varchar", entries.stream()
                        .map(e -> e.getKey().sum().billedUnit()).toArray()))
                .param("prices", new SqlArrayValue("numeric", entries.stream().map(e -> e.getKey().price())
                        .toArray()))
                .param("mixed", new SqlArrayValue("boolean", entries.stream().map(e -> e.getKey().priceMixed())
                        .toArray()))
                .param("shares", new SqlArrayValue("numeric", entries.stream().map(e -> e.getKey().sharePercent())
                        .toArray()))
                .param("quantities", new SqlArrayValue("numeric", entries.stream().map(e -> e.getValue().quantity())
                        .toArray()))
                .param("counts", new SqlArrayValue("int8", entries.stream().map(e -> e.getValue().count())
                        .toArray()))
                .param("lows", new SqlArrayValue("numeric", entries.stream().map(e -> e.getValue().prices().low())
                        .toArray()))
                .param("highs", new SqlArrayValue("numeric", entries.stream().map(e -> e.getValue().prices().high())
                        .toArray()))
                .param("now", now).update();
    }

    /**
     * Keeps the batch's amounts placed outside their own period by rated id, in one statement. A record with two
     * amounts of one partner is placed once (both have its usage time), so the second is left out.
     */
    private void insertLate(List<LateRecord> late, Timestamp now) {
        if (late.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into usage_late_record (partner_id, rated_id, period_id, usage_period_id, usage_time,
                                                       sequence, placed_at, summed_by_own_period)
                        select s.*, :now, s.period_id is not null and s.usage_period_id is not null
                        from unnest(:partners, :rated, :periods, :usagePeriods, :times, :sequences)
                             as s(partner_id, rated_id, period_id, usage_period_id, usage_time, sequence)
                        on conflict (partner_id, rated_id) do nothing""")
                .param("partners", new SqlArrayValue("uuid", late.stream().map(LateRecord::partnerId).toArray()))
                .param("rated", new SqlArrayValue("uuid", late.stream().map(LateRecord::ratedId).toArray()))
                .param("periods", new SqlArrayValue("uuid", late.stream().map(LateRecord::periodId).toArray()))
                .param("usagePeriods", new SqlArrayValue("uuid",
                        late.stream().map(LateRecord::usagePeriodId).toArray()))
                .param("times", new SqlArrayValue("timestamptz", late.stream().map(LateRecord::usageTime).toArray()))
                .param("sequences", new SqlArrayValue("int8", late.stream().map(LateRecord::sequence).toArray()))
                .param("now", now).update();
    }

    /** Adds the batch's per-customer sums (billing on behalf) in one statement, like {@link #upsert}. */
    private void upsertCustomers(Map<CustomerKey, Sum> customers, Timestamp now) {
        if (customers.isEmpty()) {
            return;
        }
        int size = customers.size();
        UUID[] periodIds = new UUID[size];
        UUID[] partnerIds = new UUID[size];
        String[] references = new String[size];
        String[] offerings = new String[size];
        String[] usageTypes = new String[size];
        String[] currencies = new String[size];
        Boolean[] priors = new Boolean[size];
        String[] taxCategories = new String[size];
        BigDecimal[] quantities = new BigDecimal[size];
        BigDecimal[] charges = new BigDecimal[size];
        Long[] counts = new Long[size];
        int i = 0;
        for (Map.Entry<CustomerKey, Sum> entry : customers.entrySet()) {
            CustomerKey key = entry.getKey();
            periodIds[i] = key.periodId();
            partnerIds[i] = key.partnerId();
            references[i] = key.customerReference();
            offerings[i] = key.offeringId();
            usageTypes[i] = key.usageType();
            currencies[i] = key.currency();
            priors[i] = key.priorPeriod();
            taxCategories[i] = key.taxCategory();
            quantities[i] = entry.getValue().quantity();
            charges[i] = entry.getValue().charge();
            counts[i] = entry.getValue().count();
            i++;
        }
        jdbc.sql("""
                        insert into usage_customer_sum (period_id, partner_id, customer_reference, offering_id,
                                                        usage_type, currency, prior_period, tax_category, quantity,
                                                        charge, record_count, updated_at)
                        select s.*, :now
                        from unnest(:periods, :partners, :references, :offerings, :usageTypes, :currencies, :priors,
                                    :taxCategories, :quantities, :charges, :counts)
                             as s(period_id, partner_id, customer_reference, offering_id, usage_type, currency,
                                  prior_period, tax_category, quantity, charge, record_count)
                        on conflict (period_id, customer_reference, offering_id, usage_type, currency, prior_period,
                                     partner_id, tax_category)
                        do update set quantity = usage_customer_sum.quantity + excluded.quantity,
                                      charge = usage_customer_sum.charge + excluded.charge,
                                      record_count = usage_customer_sum.record_count + excluded.record_count,
                                      updated_at = excluded.updated_at""")
                .param("periods", new SqlArrayValue("uuid", (Object[]) periodIds))
                .param("partners", new SqlArrayValue("uuid", (Object[]) partnerIds))
                .param("references", new SqlArrayValue("varchar", (Object[]) references))
                .param("offerings", new SqlArrayValue("varchar", (Object[]) offerings))
                .param("usageTypes", new SqlArrayValue("varchar", (Object[]) usageTypes))
                .param("currencies", new SqlArrayValue("varchar", (Object[]) currencies))
                .param("priors", new SqlArrayValue("boolean", (Object[]) priors))
                .param("taxCategories", new SqlArrayValue("varchar", (Object[]) taxCategories))
                .param("quantities", new SqlArrayValue("numeric", (Object[]) quantities))
                .param("charges", new SqlArrayValue("numeric", (Object[]) charges))
                .param("counts", new SqlArrayValue("int8", (Object[]) counts))
                .param("now", now).update();
    }

    /**
     * Adds the batch's late usage by the period it belongs to (what a split calendar period's guarantee counts), in one
     * statement like {@link #upsert}.
     */
    private void upsertPriors(Map<PriorKey, Sum> priors, Timestamp now) {
        if (priors.isEmpty()) {
            return;
        }
        int size = priors.size();
        UUID[] periodIds = new UUID[size];
        UUID[] usagePeriodIds = new UUID[size];
        UUID[] partnerIds = new UUID[size];
        String[] directions = new String[size];
        String[] currencies = new String[size];
        BigDecimal[] amounts = new BigDecimal[size];
        Long[] counts = new Long[size];
        int i = 0;
        for (Map.Entry<PriorKey, Sum> entry : priors.entrySet()) {
            PriorKey key = entry.getKey();
            periodIds[i] = key.periodId();
            usagePeriodIds[i] = key.usagePeriodId();
            partnerIds[i] = key.partnerId();
            directions[i] = key.direction();
            currencies[i] = key.currency();
            amounts[i] = entry.getValue().amount();
            counts[i] = entry.getValue().count();
            i++;
        }
        jdbc.sql("""
                        insert into usage_prior_sum (period_id, usage_period_id, partner_id, direction, currency,
                                                     amount, record_count, updated_at)
                        select s.*, :now
                        from unnest(:periods, :usagePeriods, :partners, :directions, :currencies, :amounts, :counts)
                             as s(period_id, usage_period_id, partner_id, direction, currency, amount, record_count)
                        on conflict (period_id, usage_period_id, partner_id, direction, currency)
                        do update set amount = usage_prior_sum.amount + excluded.amount,
                                      record_count = usage_prior_sum.record_count + excluded.record_count,
                                      updated_at = excluded.updated_at""")
                .param("periods", new SqlArrayValue("uuid", (Object[]) periodIds))
                .param("usagePeriods", new SqlArrayValue("uuid", (Object[]) usagePeriodIds))
                .param("partners", new SqlArrayValue("uuid", (Object[]) partnerIds))
                .param("directions", new SqlArrayValue("varchar", (Object[]) directions))
                .param("currencies", new SqlArrayValue("varchar", (Object[]) currencies))
                .param("amounts", new SqlArrayValue("numeric", (Object[]) amounts))
                .param("counts", new SqlArrayValue("int8", (Object[]) counts))
                .param("now", now).update();
    }

    /** The customer reference as kept: '' when rating knew none; at most 200 characters. */
    private static String customer(String reference) {
        if (reference == null || reference.isBlank()) {
            return "";
        }
        return reference.length() <= 200 ? reference : reference.substring(0, 200);
    }

    /**
     * The billed unit as kept: a {@link UnitOfMeasure} by its code ({@code "mb"} is {@code MB}), another code as sent
     * (stripped, up to 32 characters), {@code null} when the record named none (an unknown unit, never added to a
     * known one's quantity).
     */
    private static String billedUnit(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        return UnitOfMeasure.ofCode(unit).map(UnitOfMeasure::name).orElseGet(() -> {
            String code = unit.strip();
            return code.length() <= 32 ? code : null;
        });
    }

    /** The tax category as kept: '' when the record carried none; at most 64 characters. */
    private static String taxCategory(String category) {
        if (category == null || category.isBlank()) {
            return "";
        }
        String code = category.strip();
        return code.length() <= 64 ? code : code.substring(0, 64);
    }

    private void upsertUnplaced(UnplacedKey key, Sum sum, Timestamp now) {
        jdbc.sql("""
                        insert into usage_unplaced (partner_id, currency, direction, amount, record_count, updated_at)
                        values (:partner, :currency, :direction, :amount, :count, :now)
                        on conflict (partner_id, currency, direction)
                        do update set amount = usage_unplaced.amount + excluded.amount,
                                      record_count = usage_unplaced.record_count + excluded.record_count,
                                      updated_at = excluded.updated_at""")
                .param("partner", key.partnerId()).param("currency", key.currency())
                .param("direction", key.direction()).param("amount", sum.amount()).param("count", sum.count())
                .param("now", now).update();
    }

    private record Share(UUID partnerId, UsageRated.PartyAmount party, UsageRated record) {
    }

    private record SumKey(UUID periodId, UUID partnerId, String offeringId, String usageType, String direction,
                          String currency, boolean priorPeriod, String billedUnit) {
    }

    /**
     * A sum's bucket of records of one price (the shortest decimal a record's range names; {@code null} when it told
     * none), charged without a quantity ({@code priceMixed}), and of one share percent ({@code null}: none).
     */
    private record RateKey(SumKey sum, BigDecimal price, boolean priceMixed, BigDecimal sharePercent) {

        static RateKey of(SumKey sum, UnitPrices.Range prices, String sharePercent) {
            return new RateKey(sum, UnitPrices.price(prices.low(), prices.high(), prices.mixed()), prices.mixed(),
                    UnitPrices.plain(sharePercent));
        }
    }

    private record CustomerKey(UUID periodId, UUID partnerId, String customerReference, String offeringId,
                               String usageType, String currency, boolean priorPeriod, String taxCategory) {
    }

    private record UnplacedKey(UUID partnerId, String currency, String direction) {
    }

    private record PriorKey(UUID periodId, UUID usagePeriodId, UUID partnerId, String direction, String currency) {
    }

    /** A partner amount placed outside its own period: in {@code periodId} (null: in none) instead of its own. */
    private record LateRecord(UUID partnerId, UUID ratedId, UUID periodId, UUID usagePeriodId, Timestamp usageTime,
                              Long sequence) {

        static LateRecord of(Share share, UUID periodId, UUID usagePeriodId) {
            return new LateRecord(share.partnerId(), share.record().ratedId(), periodId, usagePeriodId,
                    Timestamp.from(share.record().usageTime().toInstant()), share.record().sequence());
        }
    }

    /**
     * A record's contribution: a reversal counts −1 record (and one reversal), its values are already negated; the
     * highest rated sequence among the records summed.
     */
    private record Sum(BigDecimal quantity, BigDecimal charge, BigDecimal amount, long count, long reversals,
                       long maxSequence, UnitPrices.Range prices) {

        static Sum of(Share share) {
            boolean reversal = "REVERSAL".equals(share.record().kind());
            BigDecimal quantity = new BigDecimal(share.record().billedQuantity());
            BigDecimal charge = new BigDecimal(share.record().charge());
            return new Sum(quantity, charge, new BigDecimal(share.party().amount()), reversal ? -1 : 1,
                    reversal ? 1 : 0, share.record().sequence(), UnitPrices.of(quantity, charge));
        }

        Sum plus(Sum other) {
            return new Sum(quantity.add(other.quantity), charge.add(other.charge), amount.add(other.amount),
                    count + other.count, reversals + other.reversals, Math.max(maxSequence, other.maxSequence),
                    prices.plus(other.prices));
        }
    }
}
