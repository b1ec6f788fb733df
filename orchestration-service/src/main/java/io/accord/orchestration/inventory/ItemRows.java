package io.accord.orchestration.inventory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows the fulfilment saga reads and moves (reserve, look up, allocate, release), in plain SQL on the
 * transaction's connection. A profile of {@code ./accord bench orders} found about a quarter of the orchestration
 * service's CPU in these few lookups when they went through Spring Data's query methods and Hibernate's native
 * queries (the repository proxies, query building, entity materialisation and an auto-flush before each one). The
 * items and pools read here are not managed by JPA: a changed item is written with {@link #update}, under the
 * row lock its lookup took and the optimistic version JPA also checks, so the admin API and the jobs, which go
 * through {@link InventoryItemRepository}, see the same rows and versions.
 */
@Component
class ItemRows {

    private static final String ITEM = """
            select id, pool_id, resource_type, value, state, reservation_id, order_ref, reserved_until,
                   product_instance_ref, quarantined_until, updated_at, version
            from inventory_item""";
    private static final String POOL = """
            select id, name, resource_type, partner_id, low_watermark, low_watermark_armed, created_at, version
            from inventory_pool""";

    private final JdbcClient jdbc;

    ItemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next AVAILABLE item of a pool, locked for this transaction. {@code SKIP LOCKED} passes over items that
     * concurrent reservations hold, so they never wait for each other nor take the same item.
     */
    Optional<InventoryItem> lockNextAvailable(UUID pool) {
        return jdbc.sql(ITEM + " where pool_id = :pool and state = 'AVAILABLE' order by value limit 1"
                        + " for update skip locked")
                .param("pool", pool).query((row, n) -> InventoryItem.fromRow(row)).optional();
    }

    /**
     * The next AVAILABLE item of the first of these pools (in this order) that has one, locked for this
     * transaction, in one statement however many of the pools are exhausted. Empty when every item it saw was
     * locked by concurrent reservations ({@code SKIP LOCKED}): then ask the pools one by one.
     */
    Optional<InventoryItem> lockFirstAvailable(List<UUID> pools) {
        return jdbc.sql("""
                        with first_pool as (
                            select p.id from unnest(cast(:pools as uuid[])) with ordinality as p (id, rank)
                            where exists (select 1 from inventory_item a where a.pool_id = p.id
                                                                       and a.state = 'AVAILABLE')
                            order by p.rank limit 1)
                        """ + ITEM + """
                         where pool_id = (select id from first_pool) and state = 'AVAILABLE'
                        order by value limit 1 for update skip locked""")
                .param("pools", pools.toArray(new UUID[0]))
                .query((row, n) -> InventoryItem.fromRow(row)).optional();
    }

    /** The item a reservation holds, locked for this transaction. */
    Optional<InventoryItem> lockByReservation(UUID reservation) {
        return jdbc.sql(ITEM + " where reservation_id = :reservation for update")
                .param("reservation", reservation).query((row, n) -> InventoryItem.fromRow(row)).optional();
    }

    /** The item a reservation for {@code orderRef} holds (reserved or allocated), if any. */
    Optional<InventoryItem> heldFor(String orderRef) {
        return jdbc.sql(ITEM + " where order_ref = :orderRef and state in ('RESERVED', 'ALLOCATED')"
                        + " order by updated_at desc limit 1")
                .param("orderRef", orderRef).query((row, n) -> InventoryItem.fromRow(row)).optional();
    }

    /** Writes what a transition changed; the version must be the one read (the row lock makes it so). */
    void update(InventoryItem item) {
        int updated = jdbc.sql("""
                        update inventory_item set state = :state, reservation_id = :reservation, order_ref = :orderRef,
                               reserved_until = :reservedUntil, product_instance_ref = :productInstance,
                               quarantined_until = :quarantinedUntil, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version""")
                .param("state", item.state().name())
                .param("reservation", item.reservationId())
                .param("orderRef", item.orderRef())
                .param("reservedUntil", timestamp(item.reservedUntil()))
                .param("productInstance", item.productInstanceRef())
                .param("quarantinedUntil", timestamp(item.quarantinedUntil()))
                .param("updatedAt", timestamp(item.updatedAt()))
                .param("id", item.id())
                .param("version", item.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("inventory item " + item.id() + " changed meanwhile");
        }
        item.written();
    }

    /** The pools an order of {@code partner} may take from: the partner's own first, then the CSP's. */
    List<InventoryPool> candidates(ResourceType type, UUID partner) {
        return jdbc.sql(POOL + """
                         where resource_type = :type and (partner_id = :partner or partner_id is null)
                        order by case when partner_id is null then 1 else 0 end, created_at, id""")
                .param("type", type.name()).param("partner", partner)
                .query((row, n) -> InventoryPool.fromRow(row)).list();
    }

    /** The CSP's own pools of a type (no partner), oldest first. */
    List<InventoryPool> cspPools(ResourceType type) {
        return jdbc.sql(POOL + " where resource_type = :type and partner_id is null order by created_at, id")
                .param("type", type.name()).query((row, n) -> InventoryPool.fromRow(row)).list();
    }

    Optional<InventoryPool> pool(UUID id) {
        return jdbc.sql(POOL + " where id = :id").param("id", id).query((row, n) -> InventoryPool.fromRow(row))
                .optional();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
