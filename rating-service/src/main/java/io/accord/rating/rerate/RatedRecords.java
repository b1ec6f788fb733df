package io.accord.rating.rerate;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.usage.UsageRated;
import io.accord.contracts.value.Money;
import io.accord.rating.engine.AccumulatorKey;
import io.accord.rating.engine.AllocationCase;
import io.accord.rating.engine.PartyAmount;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingBasis;
import io.accord.rating.engine.TierUsage;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;
import io.accord.rating.engine.UsageRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads rated rows back into the engine's {@link RatedUsage}, exactly as they were written (amounts, parties, basis,
 * tiers, accumulator), so that they can be reversed and rated again. The usage record names the row's product
 * instance: a re-rating keeps the instance and takes the price and agreements in force now.
 */
final class RatedRecords {

    /**
     * The subscriber id row {@code r} was accumulated under (V95): the instance's canonical one, which is
     * {@code subscriber_id} unless the sender named the instance by another of its identifiers. The volume-tier
     * finaliser keys its periods by it, through the index {@code usage_rated_volume_accumulator} on this expression.
     */
    static final String ACCUMULATOR_SUBSCRIBER = "coalesce(r.accumulator_subscriber_id, r.subscriber_id)";

    /** The columns {@link #read} needs, for {@code select ... from usage_rated r}. */
    static final String COLUMNS = """
            r.rated_id, r.seq, r.kind, r.source, r.usage_id, r.subscriber_id, r.usage_time, r.usage_offset_secs,
            r.usage_type, r.quantity, r.unit, r.billed_quantity, r.billed_unit, r.currency, r.charge, r.margin,
            r.allocation, r.parties, r.product_instance_id, r.offering_id, r.offering_version, r.price_version_id,
            r.price_version, r.agreements, r.tier_mode, r.tier_portions, r.provisional, r.tier_period, r.period_start,
            r.accumulator_before, r.accumulator_after, r.arrival_order, r.characteristics, r.received_at,
            r.tax_category, """ + ACCUMULATOR_SUBSCRIBER + " as accumulator_subscriber_id";

    /** The row is the usage's rating in force: a first rating or a replacement that nothing has reversed. */
    static final String IS_CURRENT = """
            r.kind <> 'REVERSAL' and not exists (
                select 1 from usage_rated v where v.reversal_of = r.rated_id and v.kind = 'REVERSAL')""";

    private static final TypeReference<List<UsageRated.PartyAmount>> PARTIES = new TypeReference<>() { };
    private static final TypeReference<List<UsageRated.AgreementVersionRef>> AGREEMENTS = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, String>>> PORTIONS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> CHARACTERISTICS = new TypeReference<>() { };

    private final JsonMapper json;

    RatedRecords(JsonMapper json) {
        this.json = json;
    }

    CurrentRating read(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        String characteristics = rs.getString("characteristics");
        UsageRecord usage = new UsageRecord(rs.getString("source"), rs.getString("usage_id"),
                rs.getString("usage_type"), rs.getString("subscriber_id"), rs.getTimestamp("usage_time").toInstant()
                .atOffset(ZoneOffset.ofTotalSeconds(rs.getInt("usage_offset_secs"))),
                rs.getBigDecimal("quantity"), UnitOfMeasure.valueOf(rs.getString("unit")),
                rs.getString("product_instance_id"), null,
                characteristics == null ? Map.of() : json.readValue(characteristics, CHARACTERISTICS));
        List<PartyAmount> parties = new ArrayList<>();
        for (UsageRated.PartyAmount party : json.readValue(rs.getString("parties"), PARTIES)) {
            parties.add(new PartyAmount(party.partnerId(), PartyAmount.Direction.valueOf(party.direction().name()),
                    party.sharePercent() == null ? null : new BigDecimal(party.sharePercent()),
                    Money.of(new BigDecimal(party.amount()), currency)));
        }
        List<RatingBasis.AgreementRef> agreements = json.readValue(rs.getString("agreements"), AGREEMENTS).stream()
                .map(a -> new RatingBasis.AgreementRef(a.partnerId(), a.agreementId(), a.version())).toList();
        RatingBasis basis = new RatingBasis(rs.getString("product_instance_id"), rs.getString("offering_id"),
                rs.getInt("offering_version"), rs.getString("price_version_id"), rs.getInt("price_version"),
                agreements, rs.getString("tax_category"));
        List<TierUsage.TierPortion> portions = new ArrayList<>();
        for (Map<String, String> portion : json.readValue(rs.getString("tier_portions"), PORTIONS)) {
            portions.add(new TierUsage.TierPortion(Integer.parseInt(portion.get("tier")),
                    new BigDecimal(portion.get("quantity")), new BigDecimal(portion.get("rate"))));
        }
        // the key the record was accumulated under: the instance's canonical subscriber id then (V95), which is not the
        // record's own subscriber id when the sender named the instance by another of its identifiers
        AccumulatorKey key = new AccumulatorKey(rs.getString("accumulator_subscriber_id"), rs.getString("offering_id"),
                rs.getString("usage_type"), TierPeriod.valueOf(rs.getString("tier_period")),
                rs.getObject("period_start", LocalDate.class));
        TierUsage tiers = new TierUsage(TierMode.valueOf(rs.getString("tier_mode")), List.copyOf(portions),
                rs.getBoolean("provisional"), key, rs.getBigDecimal("accumulator_before"),
                rs.getBigDecimal("accumulator_after"));
        RatedUsage rated = new RatedUsage(usage, RatedUsage.Kind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("billed_quantity"), UnitOfMeasure.valueOf(rs.getString("billed_unit")),
                Money.of(rs.getBigDecimal("charge"), currency), List.copyOf(parties),
                Money.of(rs.getBigDecimal("margin"), currency), AllocationCase.valueOf(rs.getString("allocation")),
                basis, tiers);
        return new CurrentRating(rs.getObject("rated_id", UUID.class), rs.getLong("seq"),
                rs.getLong("arrival_order"), rs.getTimestamp("received_at").toInstant(), rated);
    }

    /** Whether a new rating comes to the same as the current one (amounts, parties, basis): nothing to correct. */
    static boolean sameRating(RatedUsage current, RatedUsage candidate) {
        if (current.billedQuantity().compareTo(candidate.billedQuantity()) != 0
                || !current.charge().equals(candidate.charge()) || !current.margin().equals(candidate.margin())
                || !current.basis().equals(candidate.basis()) || current.parties().size() != candidate.parties().size()
                || current.tiers().provisional() != candidate.tiers().provisional()) {
            return false;
        }
        for (int i = 0; i < current.parties().size(); i++) {
            PartyAmount a = current.parties().get(i);
            PartyAmount b = candidate.parties().get(i);
            if (!a.partnerId().equals(b.partnerId()) || a.direction() != b.direction()
                    || !a.amount().equals(b.amount())) {
                return false;
            }
        }
        return true;
    }

    /** The same rating as a replacement ({@code RERATED}). */
    static RatedUsage asReplacement(RatedUsage rated) {
        return new RatedUsage(rated.usage(), RatedUsage.Kind.RERATED, rated.billedQuantity(), rated.billedUnit(),
                rated.charge(), rated.parties(), rated.margin(), rated.allocation(), rated.basis(), rated.tiers());
    }
}
