package io.accord.orchestration.inventory;

import io.accord.platform.security.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The compact history of every item transition (who, when, from, to, why), written in the transaction of the
 * transition. Admin actions are also in the audit trail; reservations by orders and the jobs' moves only here.
 */
@Component
class ItemHistory {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ItemHistory(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    void record(InventoryItem item, Transition transition, Instant at) {
        jdbc.sql("""
                        insert into inventory_item_history (item_id, from_state, to_state, action, reference, actor,
                                                            occurred_at)
                        values (:item, :from, :to, :action, :reference, :actor, :at)""")
                .param("item", item.id())
                .param("from", transition.from().name())
                .param("to", transition.to().name())
                .param("action", transition.action())
                .param("reference", truncate(transition.reference()))
                .param("actor", tenancy.actor())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** An item's transitions, oldest first. */
    List<Entry> of(UUID itemId) {
        return jdbc.sql("""
                        select from_state, to_state, action, reference, actor, occurred_at
                        from inventory_item_history where item_id = :item order by id""")
                .param("item", itemId)
                .query((row, n) -> new Entry(row.getString("from_state"), row.getString("to_state"),
                        row.getString("action"), row.getString("reference"), row.getString("actor"),
                        row.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private static String truncate(String reference) {
        return reference == null || reference.length() <= 200 ? reference : reference.substring(0, 200);
    }

    record Entry(String from, String to, String action, String reference, String actor, Instant at) {
    }
}
