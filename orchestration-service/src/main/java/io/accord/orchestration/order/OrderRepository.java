package io.accord.orchestration.order;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Product orders in PostgreSQL, in plain SQL; a save checks the version it read (a lost race is 409). */
@Repository
class OrderRepository {

    private static final TypeReference<List<OrderItem>> ITEMS = new TypeReference<>() { };
    private static final TypeReference<List<ProductOrder.Note>> NOTES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrderRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ProductOrder order) {
        jdbc.sql("""
                        insert into product_order (id, state, buyer_partner_id, sales_channel, customer_id,
                               customer_name, quote_id, description, external_id, requested_completion_date,
                               requested_start_date, notes, items, state_reason, cancellation_reason, order_date,
                               completion_date, state_changed_at, created_by, created_at, updated_at, version)
                        values (:id, :state, :buyer, :channel, :customer, :customerName, :quote, :description,
                                :externalId, :requested, :requestedStart, cast(:notes as jsonb),
                                cast(:items as jsonb), :reason, :cancellation, :orderDate, :completionDate,
                                :stateChangedAt, :createdBy, :orderDate, :updatedAt, 0)
                        """)
                .param("id", order.id).param("state", order.state.name()).param("buyer", order.buyerPartnerId)
                .param("channel", order.salesChannel).param("customer", order.customerId)
                .param("customerName", order.customerName).param("quote", order.quoteId)
                .param("description", order.description).param("externalId", order.externalId)
                .param("requested", ts(order.requestedCompletionDate))
                .param("requestedStart", ts(order.requestedStartDate))
                .param("notes", json.writeValueAsString(order.notes))
                .param("items", json.writeValueAsString(order.items)).param("reason", order.stateReason)
                .param("cancellation", order.cancellationReason).param("orderDate", ts(order.orderDate))
                .param("completionDate", ts(order.completionDate)).param("stateChangedAt", ts(order.stateChangedAt))
                .param("createdBy", order.createdBy).param("updatedAt", ts(order.updatedAt)).update();
    }

    /** Writes the changes, or 409 when someone else changed the order since it was read. */
    void update(ProductOrder order) {
        int updated = jdbc.sql("""
                        update product_order set state = :state, description = :description,
                               external_id = :externalId, requested_completion_date = :requested,
                               notes = cast(:notes as jsonb), items = cast(:items as jsonb), state_reason = :reason,
                               cancellation_reason = :cancellation, completion_date = :completionDate,
                               state_changed_at = :stateChangedAt, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", order.id).param("version", order.version).param("state", order.state.name())
                .param("description", order.description).param("externalId", order.externalId)
                .param("requested", ts(order.requestedCompletionDate))
                .param("notes", json.writeValueAsString(order.notes))
                .param("items", json.writeValueAsString(order.items)).param("reason", order.stateReason)
                .param("cancellation", order.cancellationReason)
                .param("completionDate", ts(order.completionDate)).param("stateChangedAt", ts(order.stateChangedAt))
                .param("updatedAt", ts(order.updatedAt)).update();
        if (updated == 0) {
            throw new ConflictException("Product order " + order.id + " was changed concurrently; read it again");
        }
        order.version++;
    }

    Optional<ProductOrder> find(UUID id) {
        writeHeld(id);
        return jdbc.sql("select * from product_order where id = :id").param("id", id).query(this::order).optional();
    }

    /** The order, locked until the end of the transaction (item sagas ending at the same time queue up here). */
    Optional<ProductOrder> lock(UUID id) {
        writeHeld(id);
        return jdbc.sql("select * from product_order where id = :id for update").param("id", id)
                .query(this::order).optional();
    }

    /**
     * The order, locked for fulfilment in this transaction: read (and locked) by the first call, the same instance
     * for every later call in the transaction, so that a saga run that starts an item and ends it (AUTO activation:
     * one runner transaction), or several item sagas in one runner batch, read the order once; saved with
     * {@link #updateAtFlush}.
     */
    Optional<ProductOrder> lockForFulfilment(UUID id) {
        HeldOrders held = heldOrders(true);
        if (held == null) {
            return lock(id);
        }
        ProductOrder order = held.orders.get(id);
        if (order != null) {
            return Optional.of(order);
        }
        Optional<ProductOrder> found = lock(id);
        found.ifPresent(locked -> held.orders.put(id, locked));
        return found;
    }

    /**
     * Saves an order of {@link #lockForFulfilment} once, however often it changes in the transaction: at the
     * transaction's next flush (the saga runner flushes after each saga of a batch) or just before it commits, and
     * before any other read of the order in the transaction. The row lock is held since the read, so the version
     * check cannot fail.
     */
    void updateAtFlush(ProductOrder order) {
        HeldOrders held = heldOrders(false);
        if (held == null || held.orders.get(order.id) != order) {
            update(order);
            return;
        }
        held.changed.add(order.id);
    }

    /** Writes the held order's pending changes and forgets it, so that another reader reads the row as written. */
    private void writeHeld(UUID id) {
        HeldOrders held = heldOrders(false);
        if (held != null) {
            ProductOrder order = held.orders.remove(id);
            if (order != null && held.changed.remove(id)) {
                update(order);
            }
        }
    }

    private HeldOrders heldOrders(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        HeldOrders held = (HeldOrders) TransactionSynchronizationManager.getResource(this);
        if (held == null && create) {
            held = new HeldOrders();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(held);
        }
        return held;
    }

    /** The orders a transaction locked for fulfilment, and which of them changed since they were last written. */
    private final class HeldOrders implements TransactionSynchronization {

        private final Map<UUID, ProductOrder> orders = new HashMap<>();
        private final Set<UUID> changed = new LinkedHashSet<>();

        @Override
        public int getOrder() {
            // before the audit trail's insert (the lowest precedence), so that the transaction's last work stays that
            return Ordered.LOWEST_PRECEDENCE - 100;
        }

        @Override
        public void flush() {
            for (UUID id : List.copyOf(changed)) {
                update(orders.get(id));
                changed.remove(id);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void savepointRollback(Object savepoint) {
            // the rows are as they were at the savepoint again: read them afresh (changes before it were flushed)
            orders.clear();
            changed.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OrderRepository.this);
        }
    }

    /**
     * Serialises, until the transaction ends, the placing (or re-labelling) of orders of one buyer ({@code null}:
     * the CSP's own channels) with one {@code externalId}, so that two concurrent requests cannot both find none.
     * A lock, not a unique index: orders placed twice before V44 would make such an index fail.
     */
    void lockExternalId(UUID buyer, String externalId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('product-order-external-id'), hashtext(:key))")
                .param("key", (buyer == null ? "" : buyer.toString()) + "|" + externalId)
                .query((row, number) -> 1).list();
    }

    /**
     * The oldest order of the buyer ({@code null}: the CSP's own channels) with the {@code externalId} that is not
     * cancelled or failed, other than {@code except}.
     */
    Optional<ProductOrder> liveWithExternalId(UUID buyer, String externalId, UUID except) {
        return jdbc.sql("""
                        select * from product_order
                        where buyer_partner_id is not distinct from :buyer and external_id = :externalId
                          and state not in ('CANCELLED', 'FAILED') and id is distinct from :except
                        order by created_at, id limit 1
                        """)
                .param("buyer", buyer).param("externalId", externalId).param("except", except)
                .query(this::order).optional();
    }

    boolean existsForQuote(UUID quoteId) {
        return jdbc.sql("select count(*) from product_order where quote_id = :quote").param("quote", quoteId)
                .query(Long.class).single() > 0;
    }

    /**
     * A page of the orders a buyer partner ({@code null}: all, for staff) may see, optionally in some states and
     * with any of some related parties (customer, buyer partner or sales channel id; empty: any). The statement names
     * only the conditions given, so that each can use its index (a generic plan of {@code :x is null or column = :x}
     * cannot). Related parties or several states make it a {@code union all} of one branch per party column and
     * state, each an ordered scan of one index (V36, V38) that the planner merges: with {@code (customer_id = :party
     * or sales_channel = :party) and state in (...)} it walked the creation index instead, filtering every older
     * order. The party branches exclude each other ({@code customer_id not in (:parties)} in the others), so no
     * order is listed twice.
     */
    Page<ProductOrder> page(UUID buyer, List<String> states, List<String> parties, Pageable page) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> common = new ArrayList<>();
        if (buyer != null) {
            common.add("buyer_partner_id = :buyer");
            parameters.put("buyer", buyer);
        }
        List<String> partyConditions = new ArrayList<>();
        if (!parties.isEmpty()) {
            parameters.put("parties", parties);
            partyConditions.add("customer_id in (:parties)");
            partyConditions.add("sales_channel in (:parties) and customer_id not in (:parties)");
            List<UUID> partners = parties.stream().flatMap(id -> PartnerId.ifWritten(id).stream())
                    .map(PartnerId::value).distinct().toList();
            if (!partners.isEmpty()) {
                parameters.put("partyPartners", partners);
                partyConditions.add("buyer_partner_id in (:partyPartners) and customer_id not in (:parties)"
                        + " and (sales_channel is null or sales_channel not in (:parties))");
            }
        } else {
            partyConditions.add(null);
        }
        List<String> stateConditions = new ArrayList<>();
        List<String> distinctStates = List.copyOf(new LinkedHashSet<>(states));
        for (int i = 0; i < distinctStates.size(); i++) {
            parameters.put("state" + i, distinctStates.get(i));
            stateConditions.add("state = :state" + i);
        }
        if (stateConditions.isEmpty()) {
            stateConditions.add(null);
        }
        List<String> branches = new ArrayList<>();
        for (String partyCondition : partyConditions) {
            for (String stateCondition : stateConditions) {
                List<String> conditions = new ArrayList<>(common);
                if (partyCondition != null) {
                    conditions.add(partyCondition);
                }
                if (stateCondition != null) {
                    conditions.add(stateCondition);
                }
                branches.add(conditions.isEmpty() ? "product_order"
                        : "product_order where " + String.join(" and ", conditions));
            }
        }
        String from = branches.size() == 1 ? branches.getFirst()
                : "(select * from " + String.join("\n union all select * from ", branches) + ") o";
        return PagedQuery.from(jdbc, from).params(parameters).orderBy("created_at, id").page(page, this::order);
    }

    private ProductOrder order(ResultSet rs, int row) throws SQLException {
        ProductOrder order = new ProductOrder(rs.getObject("id", UUID.class),
                rs.getObject("buyer_partner_id", UUID.class), rs.getString("sales_channel"),
                rs.getString("customer_id"), rs.getString("customer_name"), rs.getObject("quote_id", UUID.class),
                instant(rs, "order_date"), rs.getString("created_by"),
                json.readValue(rs.getString("items"), ITEMS));
        order.description = rs.getString("description");
        order.externalId = rs.getString("external_id");
        order.requestedCompletionDate = instant(rs, "requested_completion_date");
        order.requestedStartDate = instant(rs, "requested_start_date");
        order.notes = json.readValue(rs.getString("notes"), NOTES);
        order.state = OrderState.valueOf(rs.getString("state"));
        order.stateReason = rs.getString("state_reason");
        order.cancellationReason = rs.getString("cancellation_reason");
        order.completionDate = instant(rs, "completion_date");
        order.stateChangedAt = instant(rs, "state_changed_at");
        order.updatedAt = instant(rs, "updated_at");
        order.version = rs.getLong("version");
        return order;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
