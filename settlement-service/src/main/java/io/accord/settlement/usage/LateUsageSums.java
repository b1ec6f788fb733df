package io.accord.settlement.usage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Late usage by the period it belongs to, with the whole key of its usage sum ({@code usage_late_sum},
 * {@code usage_late_customer_sum}, V75): summed beside {@code usage_sum} for every amount placed as a prior-period
 * adjustment whose own period is known, so that a new draft of that period (its statement was discarded) can take it
 * back as its own ordinary usage ({@link #moveHome}).
 */
final class LateUsageSums {

    private final JdbcClient jdbc;

    LateUsageSums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a usage batch's late sums, one statement per table, like the batch's usage sums. */
    void add(Batch batch, Timestamp now) {
        if (!batch.sums.isEmpty()) {
            List<Map.Entry<SumKey, Amounts>> rows = List.copyOf(batch.sums.entrySet());
            jdbc.sql("""
                            insert into usage_late_sum (period_id, usage_period_id, partner_id, offering_id, usage_type,
                                                        direction, currency, billed_unit, quantity, charge, amount,
                                                        record_count, reversal_count, max_sequence, updated_at)
                            select s.*, :now
                            from unnest(:periods, :usagePeriods, :partners, :offerings, :usageTypes, :directions,
                                        :currencies, :units, :quantities, :charges, :amounts, :counts, :reversals,
                                        :maxSequences)
                                 as s(period_id, usage_period_id, partner_id, offering_id, usage_type, direction,
                                      currency, billed_unit, quantity, charge, amount, record_count, reversal_count,
                                      max_sequence)
                            on conflict (period_id, usage_period_id, partner_id, offering_id, usage_type, direction,
                                         currency, billed_unit)
                            do update set quantity = usage_late_sum.quantity + excluded.quantity,
                                          charge = usage_late_sum.charge + excluded.charge,
                                          amount = usage_late_sum.amount + excluded.amount,
                                          record_count = usage_late_sum.record_count + excluded.record_count,
                                          reversal_count = usage_late_sum.reversal_count + excluded.reversal_count,
                                          max_sequence = greatest(usage_late_sum.max_sequence, excluded.max_sequence),
                                          updated_at = excluded.updated_at""")
                    .param("periods", array("uuid", rows.stream().map(row -> row.getKey().periodId())))
                    .param("usagePeriods", array("uuid", rows.stream().map(row -> row.getKey().usagePeriodId())))
                    .param("partners", array("uuid", rows.stream().map(row -> row.getKey().partnerId())))
                    .param("offerings", array("varchar", rows.stream().map(row -> row.getKey().offeringId())))
                    .param("usageTypes", array("varchar", rows.stream().map(row -> row.getKey().usageType())))
                    .param("directions", array("varchar", rows.stream().map(row -> row.getKey().direction())))
                    .param("currencies", array("varchar", rows.stream().map(row -> row.getKey().currency())))
                    .param("units", array("varchar", rows.stream().map(row -> row.getKey().billedUnit())))
                    .param("quantities", array("numeric", rows.stream().map(row -> row.getValue().quantity())))
                    .param("charges", array("numeric", rows.stream().map(row -> row.getValue().charge())))
                    .param("amounts", array("numeric", rows.stream().map(row -> row.getValue().amount())))
                    .param("counts", array("int8", rows.stream().map(row -> row.getValue().count())))
                    .param("reversals", array("int8", rows.stream().map(row -> row.getValue().reversals())))
                    .param("maxSequences", array("int8", rows.stream().map(row -> row.getValue().maxSequence())))
                    .param("now", now).update();
        }
        if (!batch.customers.isEmpty()) {
            List<Map.Entry<CustomerKey, Amounts>> rows = List.copyOf(batch.customers.entrySet());
            jdbc.sql("""
                            insert into usage_late_customer_sum (period_id, usage_period_id, partner_id,
                                                                 customer_reference, offering_id, usage_type, currency,
                                                                 tax_category, quantity, charge, record_count,
                                                                 updated_at)
                            select s.*, :now
                            from unnest(:periods, :usagePeriods, :partners, :references, :offerings, :usageTypes,
                                        :currencies, :taxCategories, :quantities, :charges, :counts)
                                 as s(period_id, usage_period_id, partner_id, customer_reference, offering_id,
                                      usage_type, currency, tax_category, quantity, charge, record_count)
                            on conflict (period_id, usage_period_id, customer_reference, offering_id, usage_type,
                                         currency, partner_id, tax_category)
                            do update set quantity = usage_late_customer_sum.quantity + excluded.quantity,
                                          charge = usage_late_customer_sum.charge + excluded.charge,
                                          record_count = usage_late_customer_sum.record_count + excluded.record_count,
                                          updated_at = excluded.updated_at""")
                    .param("periods", array("uuid", rows.stream().map(row -> row.getKey().periodId())))
                    .param("usagePeriods", array("uuid", rows.stream().map(row -> row.getKey().usagePeriodId())))
                    .param("partners", array("uuid", rows.stream().map(row -> row.getKey().partnerId())))
                    .param("references", array("varchar", rows.stream().map(row -> row.getKey().customerReference())))
                    .param("offerings", array("varchar", rows.stream().map(row -> row.getKey().offeringId())))
                    .param("usageTypes", array("varchar", rows.stream().map(row -> row.getKey().usageType())))
                    .param("currencies", array("varchar", rows.stream().map(row -> row.getKey().currency())))
                    .param("taxCategories", array("varchar", rows.stream().map(row -> row.getKey().taxCategory())))
                    .param("quantities", array("numeric", rows.stream().map(row -> row.getValue().quantity())))
                    .param("charges", array("numeric", rows.stream().map(row -> row.getValue().charge())))
                    .param("counts", array("int8", rows.stream().map(row -> row.getValue().count())))
                    .param("now", now).update();
        }
    }

    /**
     * Moves the late usage of {@code home} placed in the periods {@code from} (as prior-period adjustments, since V75)
     * back into {@code home}'s sums as its ordinary usage: out of their {@code usage_sum}, {@code usage_customer_sum}
     * and {@code usage_prior_sum}, into {@code home}'s; its rated records are no longer kept as placed elsewhere
     * (the record-level match then finds them billed by {@code home}'s statement). Amounts move exactly, so the
     * partner's total usage is unchanged. Late sums keep no unit price, so a home sum that takes some back shows none
     * ({@code price_mixed}). The caller holds the partner's period lock (no usage batch of the partner
     * runs meanwhile). How many late sums moved.
     */
    int moveHome(UUID partnerId, UUID home, Collection<UUID> from, Timestamp now) {
        if (from.isEmpty()) {
            return 0;
        }
        int moved = jdbc.sql("""
                        with moved as (
                            delete from usage_late_sum
                            where partner_id = :partner and usage_period_id = :home and period_id in (:from)
                            returning *),
                        taken as (
                            update usage_sum u
                            set quantity = u.quantity - m.quantity, charge = u.charge - m.charge,
                                amount = u.amount - m.amount, record_count = u.record_count - m.record_count,
                                reversal_count = u.reversal_count - m.reversal_count, rates_complete = false,
                                updated_at = :now
                            from moved m
                            where u.period_id = m.period_id and u.partner_id = m.partner_id
                              and u.offering_id = m.offering_id and u.usage_type = m.usage_type
                              and u.direction = m.direction and u.currency = m.currency and u.prior_period
                              and u.billed_unit is not distinct from m.billed_unit
                            returning 1),
                        priors as (
                            update usage_prior_sum p
                            set amount = p.amount - m.amount, record_count = p.record_count - m.record_count,
                                updated_at = :now
                            from (select period_id, direction, currency, sum(amount) as amount,
                                         sum(record_count) as record_count
                                  from moved group by period_id, direction, currency) m
                            where p.period_id = m.period_id and p.usage_period_id = :home
                              and p.partner_id = :partner and p.direction = m.direction
                              and p.currency = m.currency
                            returning 1)
                        insert into usage_sum (period_id, partner_id, offering_id, usage_type, direction, currency,
                                               prior_period, quantity, charge, amount, record_count, reversal_count,
                                               max_sequence, billed_unit, price_mixed, rates_complete,
                                               updated_at)
                        select :home, partner_id, offering_id, usage_type, direction, currency, false, sum(quantity),
                               sum(charge), sum(amount), sum(record_count), sum(reversal_count), max(max_sequence),
                               billed_unit, true, false, :now
                        from moved
                        group by partner_id, offering_id, usage_type, direction, currency, billed_unit
                        on conflict (period_id, partner_id, offering_id, usage_type, direction, currency, prior_period,
                                     billed_unit)
                        do update set quantity = usage_sum.quantity + excluded.quantity,
                                      charge = usage_sum.charge + excluded.charge,
                                      amount = usage_sum.amount + excluded.amount,
                                      record_count = usage_sum.record_count + excluded.record_count,
                                      reversal_count = usage_sum.reversal_count + excluded.reversal_count,
                                      max_sequence = case when usage_sum.max_sequence is null then null
                                                          else greatest(usage_sum.max_sequence, excluded.max_sequence)
                                                     end,
                                      -- late sums keep no unit price: a sum that took some back has none known
                                      price_mixed = true, price_low = null, price_high = null,
                                      rates_complete = false, updated_at = excluded.updated_at""")
                .param("partner", partnerId).param("home", home).param("from", from).param("now", now).update();
        jdbc.sql("""
                        with moved as (
                            delete from usage_late_customer_sum
                            where partner_id = :partner and usage_period_id = :home and period_id in (:from)
                            returning *),
                        taken as (
                            update usage_customer_sum c
                            set quantity = c.quantity - m.quantity, charge = c.charge - m.charge,
                                record_count = c.record_count - m.record_count, updated_at = :now
                            from moved m
                            where c.period_id = m.period_id and c.partner_id = m.partner_id
                              and c.customer_reference = m.customer_reference and c.offering_id = m.offering_id
                              and c.usage_type = m.usage_type and c.currency = m.currency and c.prior_period
                              and c.tax_category = m.tax_category
                            returning 1)
                        insert into usage_customer_sum (period_id, partner_id, customer_reference, offering_id,
                                                        usage_type, currency, prior_period, tax_category, quantity,
                                                        charge, record_count, updated_at)
                        select :home, partner_id, customer_reference, offering_id, usage_type, currency, false,
                               tax_category, sum(quantity), sum(charge), sum(record_count), :now
                        from moved
                        group by partner_id, customer_reference, offering_id, usage_type, currency, tax_category
                        on conflict (period_id, customer_reference, offering_id, usage_type, currency, prior_period,
                                     partner_id, tax_category)
                        do update set quantity = usage_customer_sum.quantity + excluded.quantity,
                                      charge = usage_customer_sum.charge + excluded.charge,
                                      record_count = usage_customer_sum.record_count + excluded.record_count,
                                      updated_at = excluded.updated_at""")
                .param("partner", partnerId).param("home", home).param("from", from).param("now", now).update();
        // what is left of a sum once all of it moved is nothing: no empty prior-period line on the later statement
        jdbc.sql("""
                        delete from usage_sum
                        where partner_id = :partner and period_id in (:from) and prior_period and quantity = 0
                          and charge = 0 and amount = 0 and record_count = 0 and reversal_count = 0""")
                .param("partner", partnerId).param("from", from).update();
        jdbc.sql("""
                        delete from usage_customer_sum
                        where partner_id = :partner and period_id in (:from) and prior_period and quantity = 0
                          and charge = 0 and record_count = 0""")
                .param("partner", partnerId).param("from", from).update();
        jdbc.sql("""
                        delete from usage_prior_sum
                        where partner_id = :partner and period_id in (:from) and usage_period_id = :home
                          and amount = 0 and record_count = 0""")
                .param("partner", partnerId).param("from", from).param("home", home).update();
        jdbc.sql("""
                        delete from usage_late_record
                        where partner_id = :partner and usage_period_id = :home and period_id in (:from)
                          and summed_by_own_period""")
                .param("partner", partnerId).param("home", home).param("from", from).update();
        return moved;
    }

    private static SqlArrayValue array(String type, java.util.stream.Stream<?> values) {
        return new SqlArrayValue(type, values.toArray());
    }

    /** A usage batch's late sums, merged per key (no row is touched twice by one statement). */
    static final class Batch {

        private final Map<SumKey, Amounts> sums = new LinkedHashMap<>();
        private final Map<CustomerKey, Amounts> customers = new LinkedHashMap<>();

        void sum(SumKey key, BigDecimal quantity, BigDecimal charge, BigDecimal amount, long count, long reversals,
                 long maxSequence) {
            sums.merge(key, new Amounts(quantity, charge, amount, count, reversals, maxSequence), Amounts::plus);
        }

        void customer(CustomerKey key, BigDecimal quantity, BigDecimal charge, long count) {
            customers.merge(key, new Amounts(quantity, charge, BigDecimal.ZERO, count, 0, 0), Amounts::plus);
        }
    }

    record SumKey(UUID periodId, UUID usagePeriodId, UUID partnerId, String offeringId, String usageType,
                  String direction, String currency, String billedUnit) {
    }

    record CustomerKey(UUID periodId, UUID usagePeriodId, UUID partnerId, String customerReference, String offeringId,
                       String usageType, String currency, String taxCategory) {
    }

    private record Amounts(BigDecimal quantity, BigDecimal charge, BigDecimal amount, long count, long reversals,
                           long maxSequence) {

        Amounts plus(Amounts other) {
            return new Amounts(quantity.add(other.quantity), charge.add(other.charge), amount.add(other.amount),
                    count + other.count, reversals + other.reversals, Math.max(maxSequence, other.maxSequence));
        }
    }
}
