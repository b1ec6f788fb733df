package io.accord.platform.hub;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Page;
import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.value.PartnerId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions in {@code hub_subscription}, always read within one API (its base path). */
class SubscriptionRepository {

    private static final String COLUMNS = """
            id, api, partner_id, callback, query, event_types, secret, status, consecutive_failures, last_error,
            last_error_at, last_delivered_at, disabled_at, created_by, created_at""";

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription subscription) {
        jdbc.sql("""
                        insert into hub_subscription (id, api, partner_id, callback, query, event_types, secret, status,
                                                      created_by, created_at)
                        values (:id, :api, :partner, :callback, :query, :types, :secret, :status, :createdBy,
                                :createdAt)""")
                .param("id", subscription.id())
                .param("api", subscription.api())
                .param("partner", subscription.partner() == null ? null : subscription.partner().value())
                .param("callback", subscription.callback())
                .param("query", subscription.query())
                .param("types", subscription.eventTypes() == null ? null
                        : subscription.eventTypes().toArray(String[]::new))
                .param("secret", subscription.secret())
                .param("status", subscription.status().column())
                .param("createdBy", subscription.createdBy())
                .param("createdAt", Timestamp.from(subscription.createdAt()))
                .update();
    }

    /** The subscription, locked for the rest of the transaction when {@code forUpdate}. */
    Optional<Subscription> find(String api, UUID id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from hub_subscription where api = :api and id = :id"
                        + (forUpdate ? " for update" : ""))
                .param("api", api).param("id", id)
                .query((rs, row) -> map(rs)).optional();
    }

    /** Oldest first; {@code partner == null} lists every partner's and staff's. */
    Page<Subscription> page(String api, PartnerId partner, Pageable page) {
        return PagedQuery.from(jdbc, "hub_subscription where api = :api"
                        + (partner == null ? "" : " and partner_id = :partner"))
                .param("api", api)
                .param("partner", partner == null ? null : partner.value())
                .select(COLUMNS).orderBy("created_at, id")
                .page(page, (rs, row) -> map(rs));
    }

    /** Active again: nothing is held back by an earlier backoff. */
    void saveEnabled(Subscription subscription) {
        jdbc.sql("""
                        update hub_subscription set status = :status, consecutive_failures = 0, disabled_at = null,
                               next_attempt_at = null
                        where id = :id""")
                .param("status", subscription.status().column()).param("id", subscription.id()).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from hub_subscription where id = :id").param("id", id).update();
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        UUID partner = rs.getObject("partner_id", UUID.class);
        Array types = rs.getArray("event_types");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("api"),
                partner == null ? null : new PartnerId(partner), rs.getString("callback"), rs.getString("query"),
                types == null ? null : Arrays.asList((String[]) types.getArray()), rs.getString("secret"),
                Subscription.Status.of(rs.getString("status")), rs.getInt("consecutive_failures"),
                rs.getString("last_error"), instant(rs.getTimestamp("last_error_at")),
                instant(rs.getTimestamp("last_delivered_at")), instant(rs.getTimestamp("disabled_at")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
