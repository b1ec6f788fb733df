package io.accord.orchestration.product;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Product instances in PostgreSQL, in plain SQL; a save checks the version it read (a lost race is 409). */
@Repository
class ProductRepository {

    private static final TypeReference<List<ProductDetails.SubscriberIdentifier>> IDENTIFIERS =
            new TypeReference<>() { };
    private static final TypeReference<List<RealisingResource>> RESOURCES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> CHARACTERISTICS = new TypeReference<>() { };
    private static final TypeReference<List<OfferingLaunched.Participant>> PARTICIPANTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ProductDetails.LockedCharge>> CHARGES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ProductInstance product) {
        jdbc.sql("""
                        insert into product_instance (id, order_id, order_item_id, offering_id, offering_version,
                               offering_name, owner_partner_id, category_code, bundle_product_id, buyer_partner_id,
                               sales_channel, customer_id, identifiers, resources, characteristics, participants,
                               usage_price_ids, charges, state, state_reason, start_at, end_at, created_at,
                               updated_at, version)
                        values (:id, :orderId, :orderItemId, :offeringId, :offeringVersion, :offeringName, :owner,
                                :category, :bundle, :buyer, :channel, :customer, cast(:identifiers as jsonb),
                                cast(:resources as jsonb), cast(:characteristics as jsonb),
                                cast(:participants as jsonb), cast(:usagePriceIds as jsonb), cast(:charges as jsonb),
                                :state, :reason, :startAt, :endAt, :createdAt, :updatedAt, 0)
                        """)
                .param("id", product.id).param("orderId", product.orderId)
                .param("orderItemId", product.orderItemId).param("offeringId", product.offeringId)
                .param("offeringVersion", product.offeringVersion).param("offeringName", product.offeringName)
                .param("owner", product.ownerPartnerId).param("category", product.categoryCode)
                .param("bundle", product.bundleProductId).param("buyer", product.buyerPartnerId)
                .param("channel", product.salesChannel).param("customer", product.customerId)
                .param("identifiers", write(product.identifiers)).param("resources", write(product.resources))
                .param("characteristics", write(product.characteristics))
                .param("participants", write(product.participants))
                .param("usagePriceIds", write(product.usagePriceIds)).param("charges", write(product.charges))
                .param("state", product.state.name()).param("reason", product.stateReason)
                .param("startAt", ts(product.startAt)).param("endAt", ts(product.endAt))
                .param("createdAt", ts(product.createdAt)).param("updatedAt", ts(product.updatedAt)).update();
    }

    /** Writes what may change, or 409 when someone else changed the instance since it was read. */
    void update(ProductInstance product) {
        int updated = jdbc.sql("""
                        update product_instance set identifiers = cast(:identifiers as jsonb),
                               resources = cast(:resources as jsonb), characteristics = cast(:characteristics as jsonb),
                               state = :state, state_reason = :reason, suspended_by_side = :suspendedBySide,
                               suspended_by = :suspendedBy, suspended_at = :suspendedAt, start_at = :startAt,
                               end_at = :endAt, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", product.id).param("version", product.version)
                .param("identifiers", write(product.identifiers)).param("resources", write(product.resources))
                .param("characteristics", write(product.characteristics))
                .param("state", product.state.name()).param("reason", product.stateReason)
                .param("suspendedBySide", product.suspension == null ? null : product.suspension.side().name())
                .param("suspendedBy", product.suspension == null ? null : product.suspension.actor())
                .param("suspendedAt", product.suspension == null ? null : ts(product.suspension.at()))
                .param("startAt", ts(product.startAt)).param("endAt", ts(product.endAt))
                .param("updatedAt", ts(product.updatedAt)).update();
        if (updated == 0) {
            throw new ConflictException("Product " + product.id + " was changed concurrently; read it again");
        }
        product.version++;
    }

    Optional<ProductInstance> find(UUID id) {
        return jdbc.sql("select * from product_instance where id = :id").param("id", id).query(this::product)
                .optional();
    }

    /** The instance, locked until the transaction ends (a PATCH checks its If-Match on what it then changes). */
    Optional<ProductInstance> lock(UUID id) {
        return jdbc.sql("select * from product_instance where id = :id for update").param("id", id)
                .query(this::product).optional();
    }

    /** The direct components of a bundle's instance, oldest first (none for an instance that is no bundle). */
    List<ProductInstance> components(UUID bundleProductId) {
        return jdbc.sql("select * from product_instance where bundle_product_id = :bundle order by created_at, id")
                .param("bundle", bundleProductId).query(this::product).list();
    }

    List<ProductInstance> ofOrder(String orderId) {
        return jdbc.sql("select * from product_instance where order_id = :order order by created_at, id")
                .param("order", orderId).query(this::product).list();
    }

    /**
     * A page of instances, oldest first.
     *
     * @param partner    {@code null} for staff (all); else the instances of the partner's offerings (owner or
     *                   participant) and those it bought
     * @param states     wanted states, empty: any
     * @param offerings  wanted offering ids, empty: any
     * @param parties    wanted related party ids (owner, participant, buyer partner, sales channel or customer),
     *                   empty: any
     */
    Page<ProductInstance> page(UUID partner, List<String> states, List<String> offerings, List<String> parties,
                               Pageable page) {
        // only the conditions given, each in a form its index serves (owner, buyer, participants, customer, sales
        // channel, state, offering): a generic plan of ':x is null or ...' or a cast column could use none
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (partner != null) {
            conditions.add("(owner_partner_id = :partner or buyer_partner_id = :partner"
                    + " or participants @> cast(:participant as jsonb))");
            parameters.put("partner", partner);
            parameters.put("participant", participant(partner.toString()));
        }
        if (!states.isEmpty()) {
            conditions.add("state in (:states)");
            parameters.put("states", states);
        }
        if (!offerings.isEmpty()) {
            conditions.add("offering_id in (:offerings)");
            parameters.put("offerings", offerings);
        }
        if (!parties.isEmpty()) {
            StringBuilder party = new StringBuilder("(customer_id in (:parties) or sales_channel in (:parties)");
            parameters.put("parties", parties);
            List<UUID> partners = parties.stream().flatMap(id -> PartnerId.ifWritten(id).stream())
                    .map(PartnerId::value).distinct().toList();
            if (!partners.isEmpty()) {
                party.append(" or owner_partner_id in (:partyPartners) or buyer_partner_id in (:partyPartners)");
                parameters.put("partyPartners", partners);
                for (int i = 0; i < partners.size(); i++) {
                    party.append(" or participants @> cast(:partyParticipant").append(i).append(" as jsonb)");
                    parameters.put("partyParticipant" + i, participant(partners.get(i).toString()));
                }
            }
            conditions.add(party.append(')').toString());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return PagedQuery.from(jdbc, "product_instance" + where).params(parameters).orderBy("created_at, id")
                .page(page, this::product);
    }

    /** {@code [{"partnerId": "<id>"}]}: what {@code participants @>} looks for. */
    private String participant(String partnerId) {
        return write(List.of(Map.of("partnerId", partnerId)));
    }

    private ProductInstance product(ResultSet rs, int row) throws SQLException {
        ProductInstance product = new ProductInstance(rs.getObject("id", UUID.class),
                new ProductInstance.Origin(rs.getString("order_id"), rs.getString("order_item_id"),
                        rs.getObject("bundle_product_id", UUID.class), rs.getObject("buyer_partner_id", UUID.class),
                        rs.getString("sales_channel"), rs.getString("customer_id")),
                new ProductInstance.OfferingCopy(rs.getString("offering_id"), rs.getInt("offering_version"),
                        rs.getString("offering_name"), rs.getObject("owner_partner_id", UUID.class),
                        rs.getString("category_code"), json.readValue(rs.getString("participants"), PARTICIPANTS),
                        json.readValue(rs.getString("usage_price_ids"), STRINGS)),
                json.readValue(rs.getString("characteristics"), CHARACTERISTICS),
                json.readValue(rs.getString("charges"), CHARGES), instant(rs, "created_at"));
        product.identifiers = json.readValue(rs.getString("identifiers"), IDENTIFIERS);
        product.resources = json.readValue(rs.getString("resources"), RESOURCES);
        product.state = ProductState.valueOf(rs.getString("state"));
        product.stateReason = rs.getString("state_reason");
        String suspendedBy = rs.getString("suspended_by_side");
        product.suspension = suspendedBy == null ? null : new Suspension(Suspension.Side.valueOf(suspendedBy),
                rs.getString("suspended_by"), instant(rs, "suspended_at"));
        product.startAt = instant(rs, "start_at");
        product.endAt = instant(rs, "end_at");
        product.updatedAt = instant(rs, "updated_at");
        product.version = rs.getLong("version");
        return product;
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
