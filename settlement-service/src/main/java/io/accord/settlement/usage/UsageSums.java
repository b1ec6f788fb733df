package io.accord.settlement.usage;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The rated usage aggregated per settlement period (the feature's entry point): what statements are built from,
 * never recomputing a share. Amounts are the exact sums of the rated records' 6-decimal amounts, reversals included.
 */
@Service
public class UsageSums {

    private final JdbcClient jdbc;
    private final LateUsageSums late;

    UsageSums(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.late = new LateUsageSums(jdbc);
    }

    /**
     * A new draft of {@code periodId} (its statement was discarded) takes back its late usage: the usage of its own
     * window that arrived after it closed and was placed, as a prior-period adjustment, in one of the partner's
     * periods {@code from} (periods with no statement yet) becomes its ordinary usage again, moved exactly out of
     * their sums into its own. Late usage placed before V75 is not known by its key and stays where it was. In the
     * drafting transaction, which holds the partner's period lock. How many late sums moved.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int takeBackLateUsage(UUID partnerId, UUID periodId, java.util.Collection<UUID> from, Instant now) {
        return late.moveHome(partnerId, periodId, from, java.sql.Timestamp.from(now));
    }

    /**
     * Which rated records of the partner the sums of {@code periodId} took, and so its statement billed, once the
     * period is no longer OPEN: those of its own usage time window, up to {@link Billed#toSequence}, that were not
     * placed elsewhere ({@link #placedOutside}), and the late records placed in it, whose usage times lie in
     * {@link Billed#lateWindows}. Empty when a sum of the period was added before V70 (its highest sequence was not
     * kept): then only the period window tells.
     */
    @Transactional(readOnly = true)
    public Optional<Billed> billed(UUID partnerId, UUID periodId) {
        boolean legacy = jdbc.sql("""
                        select count(*) > 0 from usage_sum
                        where period_id = :period and partner_id = :partner and max_sequence is null""")
                .param("period", periodId).param("partner", partnerId).query(Boolean.class).single();
        if (legacy) {
            return Optional.empty();
        }
        long toSequence = jdbc.sql("""
                        select coalesce(max(max_sequence), 0) from usage_sum
                        where period_id = :period and partner_id = :partner""")
                .param("period", periodId).param("partner", partnerId).query(Long.class).single();
        // per period the late records came from (they lie in it, or all before the partner's first period): one
        // window each, from the first to just after the last (usage times are kept to the microsecond)
        List<Window> windows = jdbc.sql("""
                        select min(usage_time) as first_time, max(usage_time) as last_time from usage_late_record
                        where partner_id = :partner and period_id = :period
                        group by usage_period_id order by 1""")
                .param("partner", partnerId).param("period", periodId)
                .query((rs, row) -> new Window(rs.getTimestamp("first_time").toInstant(),
                        rs.getTimestamp("last_time").toInstant().plus(1, ChronoUnit.MICROS)))
                .list();
        return Optional.of(new Billed(toSequence, windows));
    }

    /**
     * The partner's rated records placed outside their own period that concern {@code periodId}: placed in it
     * (late usage of an earlier period, {@code billedHere}) or belonging to it but placed later or nowhere (not
     * billed by it). In no order; read with a cursor inside the caller's transaction.
     */
    public Stream<Placed> placedOutside(UUID partnerId, UUID periodId, int fetchSize) {
        return jdbc.sql("""
                        select rated_id, period_id is not distinct from :period as billed_here
                        from usage_late_record
                        where partner_id = :partner and (period_id = :period or usage_period_id = :period)""")
                .withFetchSize(fetchSize).param("partner", partnerId).param("period", periodId)
                .query((rs, row) -> new Placed(rs.getObject("rated_id", UUID.class), rs.getBoolean("billed_here")))
                .stream();
    }

    /**
     * What a period's sums took (see {@link #billed}).
     *
     * @param toSequence  the highest rated sequence number in its sums (0: none); a record after it was not billed
     * @param lateWindows usage time windows [from, to) holding the late records placed in it, disjoint, in order
     */
    public record Billed(long toSequence, List<Window> lateWindows) {
    }

    /** A usage time window [from, to). */
    public record Window(Instant from, Instant to) {
    }

    /** A rated record placed outside its own period: {@code billedHere} when the period asked about took it. */
    public record Placed(UUID ratedId, boolean billedHere) {
    }

    /**
     * The sums of one partner's period, ordered by offering, usage type, direction, flag, currency and billed unit (a
     * unit not known, {@code null}, last).
     */
    @Transactional(readOnly = true)
    public List<Sum> ofPeriod(UUID periodId) {
        Map<List<Object>, InForce> inForce = inForce(periodId);
        return jdbc.sql("""
                        select period_id, partner_id, offering_id, usage_type, direction, currency, prior_period,
                               quantity, charge, amount, record_count, reversal_count, billed_unit,
                               price_low, price_high, price_mixed, rates_complete
                        from usage_sum where period_id = :period
                        order by offering_id, usage_type, direction, prior_period, currency, billed_unit""")
                .param("period", periodId)
                .query((rs, row) -> {
                    List<Object> key = Arrays.asList(rs.getString("offering_id"), rs.getString("usage_type"),
                            rs.getString("direction"), rs.getString("currency"), rs.getBoolean("prior_period"),
                            rs.getString("billed_unit"));
                    InForce rates = rs.getBoolean("rates_complete") ? inForce.getOrDefault(key, InForce.NONE) : null;
                    BigDecimal price = rates != null ? rates.price() : UnitPrices.price(
                            rs.getBigDecimal("price_low"), rs.getBigDecimal("price_high"),
                            rs.getBoolean("price_mixed"));
                    return new Sum(rs.getObject("period_id", UUID.class),
                            rs.getObject("partner_id", UUID.class), rs.getString("offering_id"),
                            rs.getString("usage_type"), rs.getString("direction"), rs.getString("currency"),
                            rs.getBoolean("prior_period"), rs.getBigDecimal("quantity"), rs.getBigDecimal("charge"),
                            rs.getBigDecimal("amount"), rs.getLong("record_count"), rs.getLong("reversal_count"),
                            rs.getString("billed_unit"), price, rates == null ? null : rates.share());
                })
                .list();
    }

    /**
     * The price and share of each sum of the period from its records in force: the buckets of {@code usage_sum_rate}
     * whose net quantity or count is not 0 (a reversal and its original cancel). One price when every bucket in force
     * agrees with one (none charged without a quantity), one share when every bucket in force has the same.
     */
    private Map<List<Object>, InForce> inForce(UUID periodId) {
        Map<List<Object>, InForce> result = new java.util.HashMap<>();
        jdbc.sql("""
                        select offering_id, usage_type, direction, currency, prior_period, billed_unit, price,
                               price_mixed, share_percent, price_low, price_high
                        from usage_sum_rate
                        where period_id = :period and (net_quantity <> 0 or net_count <> 0)""")
                .param("period", periodId)
                .query((rs, row) -> {
                    List<Object> key = Arrays.asList(rs.getString("offering_id"), rs.getString("usage_type"),
                            rs.getString("direction"), rs.getString("currency"), rs.getBoolean("prior_period"),
                            rs.getString("billed_unit"));
                    InForce bucket = new InForce(rs.getBigDecimal("price_low"), rs.getBigDecimal("price_high"),
                            rs.getBoolean("price_mixed"), UnitPrices.plain(rs.getString("share_percent")), false,
                            true);
                    result.merge(key, bucket, InForce::plus);
                    return key;
                })
                .list();
        return result;
    }

    /** What a sum's buckets in force agree on: a price range (mixed: none) and a share ({@code shareMixed}: none). */
    private record InForce(BigDecimal low, BigDecimal high, boolean mixed, BigDecimal shareOf, boolean shareMixed,
                           boolean any) {

        static final InForce NONE = new InForce(null, null, false, null, false, false);

        InForce plus(InForce other) {
            UnitPrices.Range prices = new UnitPrices.Range(low, high, mixed)
                    .plus(new UnitPrices.Range(other.low, other.high, other.mixed));
            boolean sharesDiffer = shareMixed || other.shareMixed
                    || !java.util.Objects.equals(shareOf == null ? null : shareOf.stripTrailingZeros(),
                    other.shareOf == null ? null : other.shareOf.stripTrailingZeros());
            return new InForce(prices.low(), prices.high(), prices.mixed(), sharesDiffer ? null : shareOf,
                    sharesDiffer, true);
        }

        BigDecimal price() {
            return UnitPrices.price(low, high, mixed);
        }

        BigDecimal share() {
            return shareMixed ? null : shareOf;
        }
    }

    /**
     * The late usage these periods took (prior-period adjustments) by the period it belongs to, per direction and
     * currency: what a calendar period's minimum guarantee counts of its own usage billed on a later statement. Usage
     * summed before V71, or lying before the partner's first period, is not in it (its own period is not known).
     */
    @Transactional(readOnly = true)
    public List<PriorSum> priorOfPeriods(java.util.Collection<UUID> periodIds) {
        if (periodIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select period_id, usage_period_id, direction, currency, amount, record_count
                        from usage_prior_sum where period_id in (:periods)
                        order by period_id, usage_period_id, direction, currency""")
                .param("periods", periodIds)
                .query((rs, row) -> new PriorSum(rs.getObject("period_id", UUID.class),
                        rs.getObject("usage_period_id", UUID.class), rs.getString("direction"),
                        rs.getString("currency"), rs.getBigDecimal("amount"), rs.getLong("record_count")))
                .list();
    }

    /**
     * The late usage of {@code usagePeriodId} (rated after it was cut) that later periods took, per period that took
     * it, direction and currency: where its records went. Usage summed before V71 is not in it.
     */
    @Transactional(readOnly = true)
    public List<PriorSum> priorOfUsagePeriod(UUID usagePeriodId) {
        return jdbc.sql("""
                        select period_id, usage_period_id, direction, currency, amount, record_count
                        from usage_prior_sum where usage_period_id = :usagePeriod
                        order by period_id, direction, currency""")
                .param("usagePeriod", usagePeriodId)
                .query((rs, row) -> new PriorSum(rs.getObject("period_id", UUID.class),
                        rs.getObject("usage_period_id", UUID.class), rs.getString("direction"),
                        rs.getString("currency"), rs.getBigDecimal("amount"), rs.getLong("record_count")))
                .list();
    }

    /**
     * The late usage {@code periodId} took, by the period it belongs to and with its usage sum's whole key: which
     * closed period each prior-period line of the period's statement adjusts. Late usage placed before V75 is not in
     * it (its key by own period was not kept).
     */
    @Transactional(readOnly = true)
    public List<LateOrigin> lateOrigins(UUID periodId) {
        return jdbc.sql("""
                        select offering_id, usage_type, direction, currency, billed_unit, usage_period_id,
                               record_count
                        from usage_late_sum where period_id = :period
                        order by offering_id, usage_type, direction, currency, billed_unit, usage_period_id""")
                .param("period", periodId)
                .query((rs, row) -> new LateOrigin(rs.getString("offering_id"), rs.getString("usage_type"),
                        rs.getString("direction"), rs.getString("currency"), rs.getString("billed_unit"),
                        rs.getObject("usage_period_id", UUID.class), rs.getLong("record_count")))
                .list();
    }

    /**
     * Late usage of one key (offering, usage type, direction, currency, billed unit; a prior-period sum's) placed in a
     * period, of the closed period {@code usagePeriodId} it belongs to: {@code recordCount} rated records, net.
     */
    public record LateOrigin(String offeringId, String usageType, String direction, String currency,
                             String billedUnit, UUID usagePeriodId, long recordCount) {
    }

    /**
     * Late usage one period took, of the period it belongs to.
     *
     * @param periodId      the period whose statement carries it (as prior-period adjustment lines)
     * @param usagePeriodId the (closed) period the usage time falls in
     * @param direction     {@code PAYABLE_TO_PARTNER} (revenue share) or {@code OWED_BY_PARTNER} (wholesale)
     * @param amount        Σ the partner's amounts (6 decimals, usage currency)
     */
    public record PriorSum(UUID periodId, UUID usagePeriodId, String direction, String currency, BigDecimal amount,
                           long recordCount) {
    }

    /**
     * Billing on behalf: a page of the end customers the period's revenue-share usage was billed to in the partner's
     * name (by customer reference, ordered by it; {@code null} for records rating knew no customer of), each with its
     * lines per offering × usage type × tax category (× prior-period flag), its total gross charge per currency and
     * per tax category and currency.
     */
    @Transactional(readOnly = true)
    public Page<CustomerSums> customersOfPeriod(UUID periodId, Pageable page) {
        long total = jdbc.sql("""
                        select count(distinct customer_reference) from usage_customer_sum where period_id = :p""")
                .param("p", periodId).query(Long.class).single();
        List<String> references = jdbc.sql("""
                        select distinct customer_reference from usage_customer_sum where period_id = :p
                        order by customer_reference limit :limit offset :offset""")
                .param("p", periodId).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query(String.class).list();
        Map<String, List<CustomerLine>> lines = new LinkedHashMap<>();
        references.forEach(reference -> lines.put(reference, new ArrayList<>()));
        if (!references.isEmpty()) {
            jdbc.sql("""
                            select customer_reference, offering_id, usage_type, tax_category, currency,
                                   prior_period, sum(quantity) as quantity, sum(charge) as charge,
                                   sum(record_count) as records
                            from usage_customer_sum where period_id = :p and customer_reference in (:references)
                            group by customer_reference, offering_id, usage_type, tax_category, currency, prior_period
                            order by customer_reference, offering_id, usage_type, tax_category, prior_period,
                                     currency""")
                    .param("p", periodId).param("references", references)
                    .query((rs, row) -> lines.get(rs.getString("customer_reference")).add(new CustomerLine(
                            rs.getString("offering_id"), rs.getString("usage_type"),
                            category(rs.getString("tax_category")), rs.getString("currency"),
                            rs.getBoolean("prior_period"), rs.getBigDecimal("quantity"), rs.getBigDecimal("charge"),
                            rs.getLong("records")))).list();
        }
        List<CustomerSums> customers = lines.entrySet().stream().map(entry -> new CustomerSums(
                entry.getKey().isEmpty() ? null : entry.getKey(), totals(entry.getValue()),
                taxCategoryTotals(entry.getValue()), entry.getValue()))
                .toList();
        return new PageImpl<>(customers, page, total);
    }

    /**
     * Billing on behalf for the statement's document: the period's revenue-share usage billed to end customers in the
     * partner's name, all customers together, per tax category × offering × usage type × currency (prior-period usage
     * included), ordered by tax category ({@code null}, no category known, last), offering, usage type, currency.
     */
    @Transactional(readOnly = true)
    public List<OnBehalfLine> onBehalfOfPeriod(UUID periodId) {
        return jdbc.sql("""
                        select tax_category, offering_id, usage_type, currency, sum(quantity) as quantity,
                               sum(charge) as charge, sum(record_count) as records
                        from usage_customer_sum where period_id = :p
                        group by tax_category, offering_id, usage_type, currency
                        order by tax_category = '', tax_category, offering_id, usage_type, currency""")
                .param("p", periodId)
                .query((rs, row) -> new OnBehalfLine(category(rs.getString("tax_category")),
                        rs.getString("offering_id"), rs.getString("usage_type"), rs.getString("currency"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("charge"), rs.getLong("records")))
                .list();
    }

    /** The stored '' (the record carried no category) as {@code null}. */
    private static String category(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }

    private static List<TaxCategoryTotal> taxCategoryTotals(List<CustomerLine> lines) {
        Map<List<String>, TaxCategoryTotal> totals = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparing(CustomerLine::taxCategory,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CustomerLine::currency))
                .forEach(line -> totals.merge(Arrays.asList(line.taxCategory(), line.currency()),
                        new TaxCategoryTotal(line.taxCategory(), line.currency(), line.charge(), line.recordCount()),
                        (a, b) -> new TaxCategoryTotal(a.taxCategory(), a.currency(), a.charge().add(b.charge()),
                                a.recordCount() + b.recordCount())));
        return List.copyOf(totals.values());
    }

    private static List<CustomerTotal> totals(List<CustomerLine> lines) {
        Map<String, CustomerTotal> totals = new TreeMap<>();
        for (CustomerLine line : lines) {
            totals.merge(line.currency(), new CustomerTotal(line.currency(), line.charge(), line.recordCount()),
                    (a, b) -> new CustomerTotal(a.currency(), a.charge().add(b.charge()),
                            a.recordCount() + b.recordCount()));
        }
        return List.copyOf(totals.values());
    }

    /**
     * What we billed one end customer in the partner's name in a period.
     *
     * @param customerReference the rated records' customer reference, {@code null} when rating knew none
     * @param totals            Σ gross charge and net record count per currency
     * @param taxCategoryTotals Σ gross charge and net record count per tax category and currency (what an invoice's
     *                          tax breakdown is built from), ordered by category, {@code null} (none known) last
     */
    public record CustomerSums(String customerReference, List<CustomerTotal> totals,
                               List<TaxCategoryTotal> taxCategoryTotals, List<CustomerLine> lines) {
    }

    /**
     * Σ gross charge and net record count of one tax category in one currency.
     *
     * @param taxCategory the rated prices' tax category, {@code null} for usage rated without one
     */
    public record TaxCategoryTotal(String taxCategory, String currency, BigDecimal charge, long recordCount) {
    }

    /**
     * A period's billing on behalf of one tax category × offering × usage type × currency, all customers together.
     *
     * @param taxCategory the rated prices' tax category, {@code null} for usage rated without one
     * @param charge      Σ gross charge billed to the end customers (6 decimals, usage currency)
     * @param recordCount net record count (a reversal counts −1)
     */
    public record OnBehalfLine(String taxCategory, String offeringId, String usageType, String currency,
                               BigDecimal quantity, BigDecimal charge, long recordCount) {
    }

    /** Σ gross charge and net record count of one customer in one currency. */
    public record CustomerTotal(String currency, BigDecimal charge, long recordCount) {
    }

    /**
     * One customer's usage of an offering and usage type under one tax category.
     *
     * @param taxCategory the rated price's tax category ({@code UsageRated.taxCategory}), {@code null} for usage
     *                    rated without one
     * @param priorPeriod usage of an earlier (closed) period that landed in this one
     * @param charge      Σ gross charge billed to the customer (6 decimals, usage currency)
     * @param recordCount net record count (a reversal counts −1)
     */
    public record CustomerLine(String offeringId, String usageType, String taxCategory, String currency,
                               boolean priorPeriod, BigDecimal quantity, BigDecimal charge, long recordCount) {
    }

    /** The partner amounts no period could take, per currency and direction. */
    @Transactional(readOnly = true)
    public List<Unplaced> unplaced(UUID partnerId) {
        return jdbc.sql("""
                        select currency, direction, amount, record_count from usage_unplaced
                        where partner_id = :partner order by currency, direction""")
                .param("partner", partnerId)
                .query((rs, row) -> new Unplaced(partnerId, rs.getString("currency"), rs.getString("direction"),
                        rs.getBigDecimal("amount"), rs.getLong("record_count")))
                .list();
    }

    /** Every partner's amounts no period took, per partner, currency and direction. */
    @Transactional(readOnly = true)
    public List<Unplaced> unplaced() {
        return jdbc.sql("""
                        select partner_id, currency, direction, amount, record_count from usage_unplaced
                        order by partner_id, currency, direction""")
                .query((rs, row) -> new Unplaced(rs.getObject("partner_id", UUID.class), rs.getString("currency"),
                        rs.getString("direction"), rs.getBigDecimal("amount"), rs.getLong("record_count")))
                .list();
    }

    /**
     * One sum.
     *
     * @param direction     {@code PAYABLE_TO_PARTNER} (revenue share) or {@code OWED_BY_PARTNER} (wholesale)
     * @param priorPeriod   the usage's own period was closed already: shown as a prior-period adjustment
     * @param quantity      Σ billed quantity
     * @param charge        Σ gross charge of the records
     * @param amount        Σ the partner's amount (6 decimals, unrounded to the statement currency)
     * @param recordCount   net record count (a reversal counts −1)
     * @param reversalCount how many reversals are in it
     * @param billedUnit    the unit {@code quantity} is in (the rated records' {@code billedUnit}, a
     *                      {@code UnitOfMeasure} code), {@code null} when not known (summed before V73, or records
     *                      that named none)
     * @param unitPrice     the one unit price (usage currency per {@code billedUnit}) every record was charged at
     *                      ({@link UnitPrices}), {@code null} when they had none in common (tiers, a minimum charge,
     *                      price versions of different rates, volume re-rating) or it is not known (summed before V78,
     *                      or took back late usage)
     */
    public record Sum(UUID periodId, UUID partnerId, String offeringId, String usageType, String direction,
                      String currency, boolean priorPeriod, BigDecimal quantity, BigDecimal charge, BigDecimal amount,
                      long recordCount, long reversalCount, String billedUnit, BigDecimal unitPrice,
                      BigDecimal shareRate) {

        /** A sum of no known share (as summed before V80). */
        public Sum(UUID periodId, UUID partnerId, String offeringId, String usageType, String direction,
                   String currency, boolean priorPeriod, BigDecimal quantity, BigDecimal charge, BigDecimal amount,
                   long recordCount, long reversalCount, String billedUnit, BigDecimal unitPrice) {
            this(periodId, partnerId, offeringId, usageType, direction, currency, priorPeriod, quantity, charge,
                    amount, recordCount, reversalCount, billedUnit, unitPrice, null);
        }

        /** A sum of no known unit price (as summed before V78). */
        public Sum(UUID periodId, UUID partnerId, String offeringId, String usageType, String direction,
                   String currency, boolean priorPeriod, BigDecimal quantity, BigDecimal charge, BigDecimal amount,
                   long recordCount, long reversalCount, String billedUnit) {
            this(periodId, partnerId, offeringId, usageType, direction, currency, priorPeriod, quantity, charge,
                    amount, recordCount, reversalCount, billedUnit, null, null);
        }

        /** A sum of a unit not known (as summed before V73). */
        public Sum(UUID periodId, UUID partnerId, String offeringId, String usageType, String direction,
                   String currency, boolean priorPeriod, BigDecimal quantity, BigDecimal charge, BigDecimal amount,
                   long recordCount, long reversalCount) {
            this(periodId, partnerId, offeringId, usageType, direction, currency, priorPeriod, quantity, charge,
                    amount, recordCount, reversalCount, null, null, null);
        }
    }

    /** Amounts of a partner's usage no period took. */
    public record Unplaced(UUID partnerId, String currency, String direction, BigDecimal amount, long recordCount) {
    }
}
