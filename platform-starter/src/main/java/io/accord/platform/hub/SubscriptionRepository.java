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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions in {@code hub_subscription}, always read within one API (its base path), with their partner's
 * status as the hub knows it ({@code hub_partner_status}).
 */
class SubscriptionRepository {

    private static final String COLUMNS = """
            s.id, s.api, s.partner_id, s.callback, s.query, s.event_types, s.secret, s.status, s.consecutive_failures,
            s.last_error, s.last_error_at, s.last_delivered_at, s.disabled_at, s.created_by, s.created_at,
            s.status_reason, p.status as partner_status, p.changed_at as partner_status_at""";
    private static final String FROM = """
            hub_subscription s left join hub_partner_status p on p.partner_id = s.partner_id""";

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
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where s.api = :api and s.id = :id"
                        + (forUpdate ? " for update of s" : ""))
                .param("api", api).param("id", id)
                .query((rs, row) -> map(rs)).optional();
    }

    /** Oldest first; {@code partner == null} lists every partner's and staff's. */
    Page<Subscription> page(String api, PartnerId partner, Pageable page) {
        return PagedQuery.from(jdbc, FROM + " where s.api = :api"
                        + (partner == null ? "" : " and s.partner_id = :partner"))
                .param("api", api)
                .param("partner", partner == null ? null : partner.value())
                .select(COLUMNS).orderBy("s.created_at, s.id")
                .page(page, (rs, row) -> map(rs));
    }

    /**
     * Serialises registrations of one owner (a partner, or staff: {@code null}) on one API until the transaction
     * ends, so that two identical ones sent at once cannot both pass {@link #sameAs} nor the cap.
     */
    void lockOwner(String api, PartnerId owner) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "hub-subscription:" + api + ":" + (owner == null ? "staff" : owner.toString()))
                .query().listOfRows();
    }

    /**
     * The owner's subscriptions on this API with this callback that want the same events (the same event types in
     * any order, or all events): registering it again would deliver every event twice.
     */
    Optional<Subscription> sameAs(String api, PartnerId owner, String callback, List<String> eventTypes) {
        Set<String> wanted = eventTypes == null ? null : Set.copyOf(eventTypes);
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where s.api = :api and s.callback = :callback"
                        + " and s.partner_id is not distinct from :owner order by s.created_at, s.id")
                .param("api", api).param("callback", callback).param("owner", owner == null ? null : owner.value())
                .query((rs, row) -> map(rs)).stream()
                .filter(existing -> Objects.equals(wanted,
                        existing.eventTypes() == null ? null : Set.copyOf(existing.eventTypes())))
                .findFirst();
    }

    /** How many subscriptions (active or disabled) the partner has on this API. */
    long count(String api, PartnerId partner) {
        return jdbc.sql("select count(*) from hub_subscription where api = :api and partner_id = :partner")
                .param("api", api).param("partner", partner.value()).query(Long.class).single();
    }

    /** Active again: nothing is held back by an earlier backoff, no reason to be disabled. */
    void saveEnabled(Subscription subscription) {
        jdbc.sql("""
                        update hub_subscription set status = :status, consecutive_failures = 0, disabled_at = null,
                               next_attempt_at = null, status_reason = null
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
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("status_reason"),
                rs.getString("partner_status"), instant(rs.getTimestamp("partner_status_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
