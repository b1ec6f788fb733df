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
 *
 * <p>Each event gets the next sequence number of its key (the aggregate id). The upsert of that key's counter
 * row holds a row lock until the transaction ends, so a second transaction publishing for the same aggregate
 * waits and gets the next number: per key, sequence order is commit order. Consumers receive it as the
 * CloudEvents extension {@code sequence} ({@code ce_sequence}) and apply an event only if it is newer.
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
        // the key's next sequence and the event in one statement: one round trip per event
        jdbc.sql("""
                        with seq as (
                            insert into outbox_sequence (message_key, last_seq) values (:key, 1)
                            on conflict (message_key) do update set last_seq = outbox_sequence.last_seq + 1
                            returning last_seq)
                        insert into outbox_event (id, topic, message_key, sequence, event_type, subject, payload,
                                                  correlation_id, occurred_at)
                        select :id, :topic, :key, seq.last_seq, :type, :subject, :payload, :correlationId,
                               :occurredAt
                        from seq
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
