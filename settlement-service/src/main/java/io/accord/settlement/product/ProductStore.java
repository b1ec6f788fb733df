package io.accord.settlement.product;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The product read model's table, in plain SQL; the order rules live in {@link OrderEventsListener}. */
@Repository
class ProductStore {

    private static final TypeReference<List<ProductDetails.LockedCharge>> CHARGES = new TypeReference<>() { };
    private static final TypeReference<List<OfferingLaunched.Participant>> PARTICIPANTS = new TypeReference<>() { };
    private static final TypeReference<List<ProductDetails.SubscriberIdentifier>> IDENTIFIERS =
            new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The sequence the row holds ({@code null}: none, or the row came from an order's completion). */
    Optional<Optional<Long>> heldSequence(String productId) {
        return jdbc.sql("select sequence from product_view where product_id = :id").param("id", productId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("sequence", Long.class))).optional();
    }

    /**
     * Replaces the instance ({@code onlyIfAbsent}: keeps one already held). {@code receivedAt} is when settlement
     * learnt of it: the instance keeps the first; its end is added to {@code product_end_change} when it is new or
     * differs from the end held.
     */
    void put(ProductDetails product, Long sequence, Instant at, Instant receivedAt, boolean onlyIfAbsent) {
        jdbc.sql("""
                        insert into product_end_change (product_id, end_at, received_at)
                        select :id, cast(:end as timestamptz), cast(:received as timestamptz)
                        where not exists (select 1 from product_view where product_id = :id
                        """ + (onlyIfAbsent ? ")" : " and end_at is not distinct from cast(:end as timestamptz))"))
                .param("id", product.productId()).param("end", timestamp(product.endAt()))
                .param("received", timestamp(receivedAt)).update();
        jdbc.sql("""
                        insert into product_view (product_id, order_id, offering_id, offering_name, category_code,
                                                  owner_partner_id, buyer_partner_id, customer_id, status, start_at,
                                                  end_at, charges, participants, identifiers, sequence, updated_at,
                                                  received_at)
                        values (:id, :order, :offering, :name, :category, :owner, :buyer, :customer, :status, :start,
                                :end, cast(:charges as jsonb), cast(:participants as jsonb),
                                cast(:identifiers as jsonb), :sequence, :at, :received)
                        on conflict (product_id) do
                        """ + (onlyIfAbsent ? "nothing" : """
                         update set order_id = excluded.order_id, offering_id = excluded.offering_id,
                            offering_name = excluded.offering_name, category_code = excluded.category_code,
                            owner_partner_id = excluded.owner_partner_id, buyer_partner_id = excluded.buyer_partner_id,
                            customer_id = excluded.customer_id, status = excluded.status,
                            start_at = excluded.start_at, end_at = excluded.end_at, charges = excluded.charges,
                            participants = excluded.participants, identifiers = excluded.identifiers,
                            sequence = coalesce(excluded.sequence, product_view.sequence),
                            updated_at = excluded.updated_at
                        """))
                .param("id", product.productId()).param("order", product.orderId())
                .param("offering", product.offeringId()).param("name", product.offeringName())
                .param("category", product.categoryCode()).param("owner", uuid(product.ownerPartnerId()))
                .param("buyer", uuid(product.buyerPartnerId())).param("customer", product.customerId())
                .param("status", product.status()).param("start", timestamp(product.startAt()))
                .param("end", timestamp(product.endAt()))
                .param("charges", json.writeValueAsString(product.charges() == null ? List.of() : product.charges()))
                .param("participants", json.writeValueAsString(
                        product.participants() == null ? List.of() : product.participants()))
                .param("identifiers", json.writeValueAsString(
                        product.identifiers() == null ? List.of() : product.identifiers()))
                .param("sequence", sequence).param("at", timestamp(at)).param("received", timestamp(receivedAt))
                .update();
    }

    List<PartnerProducts.Product> activeBetween(UUID partnerId, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from product_view
                        where (owner_partner_id = :p or buyer_partner_id = :p
                                 or participants @> cast(:participant as jsonb))
                          and start_at is not null
                          and start_at < :to and (end_at is null or end_at > :from)
                        order by start_at, product_id
                        """)
                .param("p", partnerId).param("participant", participant(partnerId))
                .param("from", timestamp(from)).param("to", timestamp(to))
                .query(this::product).list();
    }

    List<PartnerProducts.Product> startedBetween(UUID partnerId, Instant from, Instant to) {
        return jdbc.sql("""
                        select * from product_view
                        where (owner_partner_id = :p or buyer_partner_id = :p
                                 or participants @> cast(:participant as jsonb))
                          and start_at >= :from and start_at < :to
                        order by start_at, product_id
                        """)
                .param("p", partnerId).param("participant", participant(partnerId))
                .param("from", timestamp(from)).param("to", timestamp(to))
                .query(this::product).list();
    }

    /**
     * The partner's products that started before {@code before}, that settlement learnt of (since V62) and whose
     * one-time charges no statement carried as late yet, with when they were received.
     */
    List<PartnerProducts.Received> startedBeforeNotChargedLate(UUID partnerId, Instant before) {
        return jdbc.sql("""
                        select * from product_view
                        where (owner_partner_id = :p or buyer_partner_id = :p
                                 or participants @> cast(:participant as jsonb))
                          and start_at < :before and received_at is not null
                          and not exists (select 1 from product_late_charge c
                                          where c.product_id = product_view.product_id and c.partner_id = :p)
                        order by start_at, product_id
                        """)
                .param("p", partnerId).param("participant", participant(partnerId))
                .param("before", timestamp(before))
                .query((rs, row) -> new PartnerProducts.Received(product(rs, row), instant(rs, "received_at")))
                .list();
    }

    void chargedLate(UUID partnerId, List<String> productIds, UUID statementId, Instant at) {
        for (String productId : productIds) {
            jdbc.sql("""
                            insert into product_late_charge (product_id, partner_id, statement_id, charged_at)
                            values (:product, :partner, :statement, :at)""")
                    .param("product", productId).param("partner", partnerId).param("statement", statementId)
                    .param("at", timestamp(at)).update();
        }
    }

    /**
     * The partner's started products whose end settlement learnt of after {@code since} (a changed end, or the
     * product itself), each with every end held for it and whether a statement carried it late for the partner.
     */
    List<PartnerProducts.EndHistory> endsLearntSince(UUID partnerId, Instant since) {
        List<PartnerProducts.Product> changed = jdbc.sql("""
                        select * from product_view
                        where (owner_partner_id = :p or buyer_partner_id = :p
                                 or participants @> cast(:participant as jsonb))
                          and start_at is not null
                          and exists (select 1 from product_end_change h
                                      where h.product_id = product_view.product_id and h.received_at > :since)
                        order by start_at, product_id
                        """)
                .param("p", partnerId).param("participant", participant(partnerId))
                .param("since", timestamp(since)).query(this::product).list();
        if (changed.isEmpty()) {
            return List.of();
        }
        List<String> ids = changed.stream().map(PartnerProducts.Product::productId).toList();
        Map<String, List<PartnerProducts.KnownEnd>> ends = new HashMap<>();
        jdbc.sql("""
                        select product_id, end_at, received_at from product_end_change
                        where product_id in (:ids) order by received_at, id""")
                .param("ids", ids)
                .query((rs, row) -> ends.computeIfAbsent(rs.getString("product_id"), ignored -> new ArrayList<>())
                        .add(new PartnerProducts.KnownEnd(instant(rs, "end_at"), receivedAt(rs))))
                .list();
        Set<String> chargedLate = new HashSet<>(jdbc.sql("""
                        select product_id from product_late_charge where partner_id = :p and product_id in (:ids)""")
                .param("p", partnerId).param("ids", ids).query(String.class).list());
        return changed.stream().map(product -> new PartnerProducts.EndHistory(product,
                List.copyOf(ends.getOrDefault(product.productId(), List.of())),
                chargedLate.contains(product.productId()))).toList();
    }

    void released(UUID partnerId, UUID statementId) {
        jdbc.sql("delete from product_late_charge where partner_id = :partner and statement_id = :statement")
                .param("partner", partnerId).param("statement", statementId).update();
        jdbc.sql("delete from product_end_charge where partner_id = :partner and statement_id = :statement")
                .param("partner", partnerId).param("statement", statementId).update();
    }

    void endsAdjusted(UUID partnerId, List<PartnerProducts.AdjustedEnd> adjusted, UUID statementId, Instant at) {
        for (PartnerProducts.AdjustedEnd end : adjusted) {
            jdbc.sql("""
                            insert into product_end_charge (product_id, partner_id, statement_id, charged_end_at,
                                                            end_at, charged_at)
                            values (:product, :partner, :statement, :charged, :end, :at)""")
                    .param("product", end.productId()).param("partner", partnerId).param("statement", statementId)
                    .param("charged", timestamp(end.chargedEndAt())).param("end", timestamp(end.endAt()))
                    .param("at", timestamp(at)).update();
        }
    }

    /** {@code -infinity} (an end held before V65 was received) reads as {@link Instant#MIN}. */
    private static Instant receivedAt(ResultSet rs) throws SQLException {
        String text = rs.getString("received_at");
        return "-infinity".equals(text) ? Instant.MIN : instant(rs, "received_at");
    }

    private PartnerProducts.Product product(ResultSet rs, int row) throws SQLException {
        return new PartnerProducts.Product(rs.getString("product_id"), rs.getString("order_id"),
                rs.getString("offering_id"), rs.getString("offering_name"), rs.getString("category_code"),
                rs.getObject("owner_partner_id", UUID.class), rs.getObject("buyer_partner_id", UUID.class),
                rs.getString("customer_id"), rs.getString("status"), instant(rs, "start_at"), instant(rs, "end_at"),
                json.readValue(rs.getString("charges"), CHARGES),
                json.readValue(rs.getString("participants"), PARTICIPANTS),
                json.readValue(rs.getString("identifiers"), IDENTIFIERS));
    }

    /** The category code of each offering a product of it names (the newest product's), for share-rule matching. */
    Map<String, String> categories(Collection<String> offeringIds) {
        if (offeringIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> categories = new HashMap<>();
        jdbc.sql("""
                        select distinct on (offering_id) offering_id, category_code from product_view
                        where offering_id in (:offerings) and category_code is not null
                        order by offering_id, updated_at desc""")
                .param("offerings", offeringIds)
                .query((rs, row) -> categories.put(rs.getString("offering_id"), rs.getString("category_code")))
                .list();
        return categories;
    }

    /** The newest known name of each offering (those without a known name are absent). */
    Map<String, String> names(Collection<String> offeringIds) {
        if (offeringIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql("""
                        select distinct on (offering_id) offering_id, offering_name from product_view
                        where offering_id in (:offerings) and offering_name is not null and offering_name <> ''
                        order by offering_id, updated_at desc""")
                .param("offerings", offeringIds)
                .query((rs, row) -> names.put(rs.getString("offering_id"), rs.getString("offering_name")))
                .list();
        return names;
    }

    /** The containment pattern of a participant: {@code [{"partnerId": "…"}]}. */
    private String participant(UUID partnerId) {
        return json.writeValueAsString(List.of(Map.of("partnerId", partnerId.toString())));
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
