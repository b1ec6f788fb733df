package io.accord.rating.model;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The read models' tables, in plain SQL. Every change also counts one revision ({@link #countChange()}) in its own
 * transaction, so that a snapshot knows exactly which changes it reflects. The order rules live in the listeners.
 */
@Repository
class ModelStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ModelStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The number of changes committed so far. */
    long revision() {
        return jdbc.sql("select revision from rating_model_revision where id = 1").query(Long.class).single();
    }

    /** Counts a change of prices, offerings or agreements: one that every instance of the snapshot depends on. */
    void countChange() {
        jdbc.sql("""
                update rating_model_revision set revision = revision + 1, structure_revision = structure_revision + 1
                where id = 1""").update();
    }

    /**
     * Counts a change of one product instance; answers the revision it takes, which its row keeps
     * ({@link #product}) so that the next snapshot reads only the rows changed since its own revision. The
     * revision row stays locked until the commit, so revisions commit in their order.
     */
    long countProductChange() {
        return jdbc.sql("update rating_model_revision set revision = revision + 1 where id = 1 returning revision")
                .query(Long.class).single();
    }

    // ---- catalog.events.v1

    /** Records the offering's newest sequence (and owner); answers the sequence held before, if any. */
    void offeringSeen(String offeringId, String partnerId, Long sequence, Instant at) {
        jdbc.sql("""
                        insert into rating_offering (offering_id, partner_id, sequence, updated_at)
                        values (:id, :partner, :sequence, :at)
                        on conflict (offering_id) do update set
                            partner_id = coalesce(excluded.partner_id, rating_offering.partner_id),
                            sequence = greatest(rating_offering.sequence, excluded.sequence),
                            updated_at = excluded.updated_at
                        """)
                .param("id", offeringId).param("partner", partnerId).param("sequence", sequence)
                .param("at", timestamp(at)).update();
    }

    void offeringRetired(String offeringId, String reason, Instant at) {
        jdbc.sql("update rating_offering set retired_at = :at, retired_reason = :reason where offering_id = :id")
                .param("id", offeringId).param("reason", reason).param("at", timestamp(at)).update();
    }

    /** Keeps a usage price version (immutable: known already, only an earlier end is taken). */
    void usagePrice(String offeringId, OfferingPrice price, Instant at) {
        jdbc.sql("""
                        insert into rating_usage_price (price_version_id, offering_id, price_id, version, valid_from,
                                                        valid_to, price, received_at)
                        values (:id, :offering, :priceId, :version, :from, :to, cast(:price as jsonb), :at)
                        on conflict (price_version_id) do update set
                            valid_to = least(rating_usage_price.valid_to, excluded.valid_to)
                        """)
                .param("id", price.priceVersionId()).param("offering", offeringId).param("priceId", price.priceId())
                .param("version", price.version()).param("from", timestamp(price.validFrom()))
                .param("to", timestamp(price.validTo())).param("price", json.writeValueAsString(price))
                .param("at", timestamp(at)).update();
    }

    /** A replaced version ends where its successor starts (or earlier, if an event said so). */
    void endPrice(String priceVersionId, Instant validTo) {
        jdbc.sql("update rating_usage_price set valid_to = least(valid_to, :to) where price_version_id = :id")
                .param("id", priceVersionId).param("to", timestamp(validTo)).update();
    }

    // ---- partner.events.v1

    /** The terms of an activated version; an end already known (an event that overtook it) is kept. */
    void agreementActivated(AgreementActivated activated, Instant at) {
        jdbc.sql("""
                        insert into rating_agreement (agreement_id, partner_id, version, business_model,
                                                      in_force_from, valid_until, terms, updated_at)
                        values (:id, :partner, :version, :model, :from, :until, cast(:terms as jsonb), :at)
                        on conflict (agreement_id) do update set partner_id = excluded.partner_id,
                            version = excluded.version, business_model = excluded.business_model,
                            in_force_from = excluded.in_force_from, valid_until = excluded.valid_until,
                            terms = excluded.terms, updated_at = excluded.updated_at
                        """)
                .param("id", activated.agreementId()).param("partner", activated.partnerId())
                .param("version", activated.version()).param("model", activated.businessModel())
                .param("from", timestamp(activated.inForceFrom())).param("until", timestamp(activated.validUntil()))
                .param("terms", json.writeValueAsString(activated)).param("at", timestamp(at)).update();
    }

    /** The version stops being in force at {@code end}; the earliest end any event gives wins. */
    void agreementEnded(String agreementId, String partnerId, Integer version, Instant end, String reason,
                        Instant at) {
        jdbc.sql("""
                        insert into rating_agreement (agreement_id, partner_id, version, ended_at, end_reason,
                                                      updated_at)
                        values (:id, :partner, :version, :end, :reason, :at)
                        on conflict (agreement_id) do update set
                            version = coalesce(rating_agreement.version, excluded.version),
                            end_reason = case when rating_agreement.ended_at is null
                                                   or excluded.ended_at < rating_agreement.ended_at
                                              then excluded.end_reason else rating_agreement.end_reason end,
                            ended_at = least(rating_agreement.ended_at, excluded.ended_at),
                            updated_at = excluded.updated_at
                        """)
                .param("id", agreementId).param("partner", partnerId).param("version", version)
                .param("end", timestamp(end)).param("reason", reason).param("at", timestamp(at)).update();
    }

    /** Terminated before it came into force: it never rates anything. */
    void agreementNeverInForce(String agreementId, String partnerId, int version, Instant at) {
        jdbc.sql("""
                        insert into rating_agreement (agreement_id, partner_id, version, never_in_force, end_reason,
                                                      updated_at)
                        values (:id, :partner, :version, true, 'TERMINATED', :at)
                        on conflict (agreement_id) do update set never_in_force = true, end_reason = 'TERMINATED',
                            updated_at = excluded.updated_at
                        """)
                .param("id", agreementId).param("partner", partnerId).param("version", version)
                .param("at", timestamp(at)).update();
    }

    // ---- order.events.v1

    /** Whether a product row exists, and the sequence it holds ({@code null}: none). */
    Optional<Held> product(String productId) {
        return jdbc.sql("select sequence from rating_product where product_id = :id").param("id", productId)
                .query((rs, row) -> new Held(rs.getObject("sequence", Long.class))).optional();
    }

    record Held(Long sequence) {
    }

    /** Replaces the instance and its identifiers with the event's; {@code revision} from {@link #countProductChange}. */
    void product(ProductDetails product, String subscriberId, Instant validFrom, Instant validTo, Long sequence,
                 Instant at, long revision) {
        jdbc.sql("""
                        insert into rating_product (product_id, subscriber_id, offering_id, status, valid_from,
                                                    valid_to, details, sequence, updated_at, revision)
                        values (:id, :subscriber, :offering, :status, :from, :to, cast(:details as jsonb),
                                :sequence, :at, :revision)
                        on conflict (product_id) do update set subscriber_id = excluded.subscriber_id,
                            offering_id = excluded.offering_id, status = excluded.status,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                            details = excluded.details,
                            sequence = coalesce(excluded.sequence, rating_product.sequence),
                            updated_at = excluded.updated_at, revision = excluded.revision
                        """)
                .param("id", product.productId()).param("subscriber", subscriberId)
                .param("offering", product.offeringId()).param("status", product.status())
                .param("from", timestamp(validFrom)).param("to", timestamp(validTo))
                .param("details", json.writeValueAsString(product)).param("sequence", sequence)
                .param("at", timestamp(at)).param("revision", revision).update();
        jdbc.sql("delete from rating_product_identifier where product_id = :id").param("id", product.productId())
                .update();
        for (ProductDetails.SubscriberIdentifier identifier : SnapshotMapping.identifiers(product)) {
            jdbc.sql("""
                            insert into rating_product_identifier (product_id, type, value) values (:id, :type, :value)
                            on conflict do nothing
                            """)
                    .param("id", product.productId()).param("type", identifier.type())
                    .param("value", identifier.value()).update();
        }
    }

    // ---- what the read models know (a request's scope checked against them)

    /** Whether the tables hold an agreement of the partner (any version, in force or not) or an offering it owns. */
    boolean knowsPartner(String partnerId) {
        return jdbc.sql("""
                        select exists (select 1 from rating_agreement where partner_id = :id)
                            or exists (select 1 from rating_offering where partner_id = :id)""")
                .param("id", partnerId).query(Boolean.class).single();
    }

    /** Whether the tables hold the offering or a usage price of it. */
    boolean knowsOffering(String offeringId) {
        return jdbc.sql("""
                        select exists (select 1 from rating_offering where offering_id = :id)
                            or exists (select 1 from rating_usage_price where offering_id = :id)""")
                .param("id", offeringId).query(Boolean.class).single();
    }

    /** The usage types any usage price version of the offering ever named (in force, past or announced). */
    java.util.SortedSet<String> usageTypesPriced(String offeringId) {
        return new java.util.TreeSet<>(jdbc.sql("""
                        select distinct jsonb_array_elements_text(price -> 'usageTypes') from rating_usage_price
                        where offering_id = :id and jsonb_typeof(price -> 'usageTypes') = 'array'""")
                .param("id", offeringId).query(String.class).list());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
