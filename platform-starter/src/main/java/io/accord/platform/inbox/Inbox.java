package io.accord.platform.inbox;

import io.accord.platform.web.CorrelationId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Consumer;

/**
 * The idempotent inbox: {@link #receive} runs the handler and records the event id in ONE transaction, so an
 * event delivered twice (a redelivery after a crash, a replayed partition) takes effect once. A handler that
 * throws rolls back both; the error handler then retries and finally dead-letters the record.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * @param consumer a stable name of the consuming feature: the same event may matter to several
     * @return true if the event was new and the handler ran
     */
    public boolean receive(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.from(record, json);
        try (CorrelationId.Scope ignored = CorrelationId.open(event.correlationId())) {
            Boolean applied = transactions.execute(status -> {
                int inserted = jdbc.sql("""
                                insert into inbox_event (consumer, event_id, event_type, topic)
                                values (:consumer, :id, :type, :topic) on conflict do nothing
                                """)
                        .param("consumer", consumer)
                        .param("id", event.id())
                        .param("type", event.type())
                        .param("topic", record.topic())
                        .update();
                if (inserted == 0) {
                    return false;
                }
                handler.accept(event);
                return true;
            });
            return Boolean.TRUE.equals(applied);
        }
    }
}
