package io.accord.platform.outbox;

import io.accord.contracts.events.DomainEvent;
import io.accord.platform.web.CorrelationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;

/**
 * The transactional outbox: {@link #publish} writes the event row in the caller's database transaction, so
 * the event exists exactly when the state change commits. {@link OutboxRelay} sends it to Kafka afterwards.
 * There is no other way to publish: never a dual write.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void publish(String topic, DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the business transaction of the state change");
        }
        jdbc.sql("""
                        insert into outbox_event (id, topic, message_key, event_type, subject, payload,
                                                  correlation_id, occurred_at)
                        values (:id, :topic, :key, :type, :subject, :payload, :correlationId, :occurredAt)
                        """)
                .param("id", event.eventId())
                .param("topic", topic)
                .param("key", event.key())
                .param("type", event.type())
                .param("subject", event.partnerId())
                .param("payload", json.writeValueAsString(event))
                .param("correlationId", CorrelationId.current())
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .update();
    }
}
