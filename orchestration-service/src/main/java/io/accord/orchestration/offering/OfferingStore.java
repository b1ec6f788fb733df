package io.accord.orchestration.offering;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.platform.persistence.TransactionScoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The offering read model's two tables, in plain SQL; the order rules live in {@link CatalogEventsListener}. */
@Repository
class OfferingStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<OfferingLaunched.Participant>> PARTICIPANTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OfferingStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What the row holds: absent, a placeholder (no launch seen yet) or a launched offering; and its sequence. */
    record Held(boolean placeholder, Long sequence) {
    }

    Optional<Held> held(String id) {
        return jdbc.sql("select name, sequence from offering_view where id = :id").param("id", id)
                .query((rs, row) -> new Held(rs.getString("name") == null, rs.getObject("sequence", Long.class)))
                .optional();
    }

    /** Replaces the definition (and keeps any retirement a placeholder recorded). */
    void define(OfferingLaunched launched, Long sequence, boolean advanceSequence) {
        TransactionScoped.forget();
        jdbc.sql("""
                        insert into offering_view (id, partner_id, offering_version, name, category_code, sales_channels,
                                                   valid_from, valid_to, bundle, bundle_pricing, bundled_offering_ids,
                                                   specification, participants, sequence, updated_at)
                        values (:id, :partner, :version, :name, :category, cast(:channels as jsonb), :from, :to,
                                :bundle, :bundlePricing, cast(:bundled as jsonb), cast(:spec as jsonb),
                                cast(:participants as jsonb), :sequence, :at)
                        on conflict (id) do update set partner_id = excluded.partner_id,
                            offering_version = excluded.offering_version, name = excluded.name,
                            category_code = excluded.category_code, sales_channels = excluded.sales_channels,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to, bundle = excluded.bundle,
                            bundle_pricing = excluded.bundle_pricing,
                            bundled_offering_ids = excluded.bundled_offering_ids,
                            specification = excluded.specification, participants = excluded.participants,
                            sequence = case when :advance then coalesce(excluded.sequence, offering_view.sequence)
                                            else offering_view.sequence end,
                            updated_at = excluded.updated_at
                        """)
                .param("id", launched.offeringId()).param("partner", uuid(launched.partnerId()))
                .param("version", launched.offeringVersion()).param("name", launched.name())
                .param("category", launched.categoryCode()).param("channels", write(launched.salesChannels()))
                .param("from", timestamp(launched.validFrom())).param("to", timestamp(launched.validTo()))
                .param("bundle", launched.bundle()).param("bundlePricing", launched.bundlePricing())
                .param("bundled", write(launched.bundledOfferingIds()))
                .param("spec", launched.specification() == null ? null : write(launched.specification()))
                .param("participants", write(launched.participants())).param("sequence", sequence)
                .param("advance", advanceSequence).param("at", timestamp(launched.occurredAt()))
                .update();
    }

    /** A row for an offering whose launch has not arrived yet, holding the sequence of what did. */
    void placeholder(String id, String partnerId, Long sequence, Instant at) {
        TransactionScoped.forget();
        jdbc.sql("""
                        insert into offering_view (id, partner_id, sequence, updated_at)
                        values (:id, :partner, :sequence, :at) on conflict (id) do nothing
                        """)
                .param("id", id).param("partner", uuid(partnerId)).param("sequence", sequence)
                .param("at", timestamp(at)).update();
    }

    void advance(String id, Long sequence, Instant at) {
        TransactionScoped.forget();
        jdbc.sql("update offering_view set sequence = coalesce(cast(:sequence as bigint), sequence), updated_at = :at "
                        + "where id = :id")
                .param("id", id).param("sequence", sequence).param("at", timestamp(at)).update();
    }

    void retire(String id, String reason, Instant at) {
        TransactionScoped.forget();
        jdbc.sql("update offering_view set retired_at = :at, retired_reason = :reason where id = :id")
                .param("id", id).param("reason", reason).param("at", timestamp(at)).update();
    }

    /** Inserts or replaces a price version ({@code onlyIfAbsent}: keeps a version already held). */
    void price(String offeringId, OfferingPrice price, boolean onlyIfAbsent) {
        TransactionScoped.forget();
        jdbc.sql("""
                        insert into offering_price_view (price_version_id, offering_id, price_id, version, valid_from,
                                                         valid_to, price)
                        values (:id, :offering, :priceId, :version, :from, :to, cast(:price as jsonb))
                        on conflict (price_version_id) do
                        """ + (onlyIfAbsent ? "nothing" : """
                         update set valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                                    price = excluded.price
                        """))
                .param("id", price.priceVersionId()).param("offering", offeringId).param("priceId", price.priceId())
                .param("version", price.version()).param("from", timestamp(price.validFrom()))
                .param("to", timestamp(price.validTo())).param("price", write(price)).update();
    }

    /** Drops versions a newer launch no longer carries (catalog superseded them: announced, never in force). */
    void keepOnly(String offeringId, List<String> priceVersionIds) {
        TransactionScoped.forget();
        if (priceVersionIds.isEmpty()) {
            jdbc.sql("delete from offering_price_view where offering_id = :id").param("id", offeringId).update();
            return;
        }
        jdbc.sql("delete from offering_price_view where offering_id = :id and price_version_id not in (:kept)")
                .param("id", offeringId).param("kept", priceVersionIds).update();
    }

    /** A replaced version ends where its successor starts. */
    void close(String priceVersionId, Instant validTo) {
        TransactionScoped.forget();
        jdbc.sql("update offering_price_view set valid_to = :to where price_version_id = :id")
                .param("id", priceVersionId).param("to", timestamp(validTo)).update();
    }

    /** Read once per transaction (placing an order asks for its offering several times). */
    Optional<SellableOfferings.Offering> find(String id) {
        return TransactionScoped.get(List.of(OfferingStore.class, "offering", String.valueOf(id)), () ->
                jdbc.sql("select * from offering_view where id = :id and name is not null").param("id", id)
                        .query(this::offering).optional());
    }

    /** Read once per transaction, as {@link #find}. */
    List<OfferingPrice> prices(String offeringId) {
        return TransactionScoped.get(List.of(OfferingStore.class, "prices", String.valueOf(offeringId)), () ->
                List.copyOf(jdbc.sql("select price, valid_to from offering_price_view where offering_id = :id "
                                + "order by price_id, version")
                        .param("id", offeringId)
                        .query((rs, row) -> withValidTo(json.readValue(rs.getString("price"), OfferingPrice.class),
                                instant(rs, "valid_to")))
                        .list()));
    }

    private SellableOfferings.Offering offering(ResultSet rs, int row) throws SQLException {
        String spec = rs.getString("specification");
        return new SellableOfferings.Offering(rs.getString("id"),
                rs.getObject("partner_id", UUID.class), rs.getInt("offering_version"), rs.getString("name"),
                rs.getString("category_code"), read(rs.getString("sales_channels"), STRINGS),
                instant(rs, "valid_from"), instant(rs, "valid_to"), rs.getBoolean("bundle"),
                rs.getString("bundle_pricing"), read(rs.getString("bundled_offering_ids"), STRINGS),
                spec == null ? null : json.readValue(spec, OfferingLaunched.Specification.class),
                read(rs.getString("participants"), PARTICIPANTS),
                instant(rs, "retired_at"), rs.getString("retired_reason"));
    }

    private static OfferingPrice withValidTo(OfferingPrice p, Instant validTo) {
        return new OfferingPrice(p.priceVersionId(), p.priceId(), p.version(), p.name(), p.type(), p.amount(),
                p.currency(), p.taxCategory(), p.period(), p.proration(), p.unit(), p.roundingFirst(),
                p.roundingNext(), p.minimumQuantity(), p.tierMode(), p.tiers(), p.accumulation(), p.usageTypes(),
                p.minimumCharge(), p.validFrom(), validTo);
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        return text == null ? List.of() : json.readValue(text, type);
    }

    private String write(Object value) {
        return json.writeValueAsString(value == null ? List.of() : value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
