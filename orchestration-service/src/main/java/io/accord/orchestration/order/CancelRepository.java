package io.accord.orchestration.order;

import io.accord.platform.persistence.PagedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** TMF622 cancelProductOrder requests. */
@Repository
class CancelRepository {

    /**
     * One accepted cancellation: {@code done} once the order is cancelled (its sagas compensated);
     * {@code requestedAt} the client's requestedCancellationDate (null, or not after {@code createdAt}).
     */
    record Cancellation(UUID id, UUID orderId, UUID buyerPartnerId, boolean done, String reason, String requestedBy,
                        Instant requestedAt, Instant createdAt, Instant effectiveAt) {
    }

    private final JdbcClient jdbc;

    CancelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Cancellation cancellation) {
        jdbc.sql("""
                        insert into cancel_product_order (id, order_id, buyer_partner_id, state, cancellation_reason,
                               requested_by, requested_cancellation_date, creation_date, effective_date)
                        values (:id, :order, :buyer, 'IN_PROGRESS', :reason, :by, :requested, :created, null)
                        """)
                .param("id", cancellation.id()).param("order", cancellation.orderId())
                .param("buyer", cancellation.buyerPartnerId()).param("reason", cancellation.reason())
                .param("by", cancellation.requestedBy())
                .param("requested", OrderRepository.ts(cancellation.requestedAt()))
                .param("created", OrderRepository.ts(cancellation.createdAt()))
                .update();
    }

    /** The order's open cancellations are done: the order is cancelled (or ended otherwise) at {@code at}. */
    List<Cancellation> finish(UUID orderId, Instant at) {
        jdbc.sql("update cancel_product_order set state = 'DONE', effective_date = :at where order_id = :order "
                        + "and state = 'IN_PROGRESS'")
                .param("at", OrderRepository.ts(at)).param("order", orderId).update();
        return jdbc.sql("select * from cancel_product_order where order_id = :order order by creation_date")
                .param("order", orderId).query(this::cancellation).list();
    }

    Optional<Cancellation> find(UUID id) {
        return jdbc.sql("select * from cancel_product_order where id = :id").param("id", id)
                .query(this::cancellation).optional();
    }

    Page<Cancellation> page(UUID buyer, Pageable page) {
        return PagedQuery.from(jdbc,
                        "cancel_product_order where (cast(:buyer as uuid) is null or buyer_partner_id = :buyer)")
                .param("buyer", buyer).orderBy("creation_date, id").page(page, this::cancellation);
    }

    private Cancellation cancellation(ResultSet rs, int row) throws SQLException {
        return new Cancellation(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("buyer_partner_id", UUID.class), "DONE".equals(rs.getString("state")),
                rs.getString("cancellation_reason"), rs.getString("requested_by"),
                OrderRepository.instant(rs, "requested_cancellation_date"),
                OrderRepository.instant(rs, "creation_date"), OrderRepository.instant(rs, "effective_date"));
    }
}
