package io.accord.platform.inbox;

import io.accord.platform.web.CorrelationId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The idempotent inbox: the handler runs and the event id is recorded in ONE transaction, so an event delivered twice
 * (a redelivery after a crash, a replayed partition) takes effect once. A handler that throws rolls back both; the
 * error handler then retries and finally dead-letters the record.
 *
 * <p>{@link #receiveAll} takes a listener's whole poll in one transaction (one inbox insert, one commit), for
 * listeners declared {@code @KafkaListener(batch = "true")}: the events' effects are those of receiving them one by
 * one, in the same order. When event {@code i} fails, the transaction rolls back, the events before it are applied
 * again in a transaction of their own, and a {@link BatchListenerFailedException} names record {@code i}: the error
 * handler commits the offsets before it and retries (or dead-letters) that record and those after it, as it does for a
 * record listener. A failure of the transaction itself (the inbox insert, the commit) names the first record.
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
                if (claim(consumer, List.of(event), List.of(record)).isEmpty()) {
                    return false;
                }
                handler.accept(event);
                return true;
            });
            return Boolean.TRUE.equals(applied);
        }
    }

    /**
     * Receives a poll's records in order in one transaction; see the class comment for a failure.
     *
     * @param consumer a stable name of the consuming feature
     * @return how many of the events were new (their handler ran)
     * @throws BatchListenerFailedException naming the first record that could not be read or whose handler threw,
     *                                      once the records before it are applied
     */
    public int receiveAll(String consumer, List<ConsumerRecord<String, byte[]>> records,
                          Consumer<IncomingEvent> handler) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(IncomingEvent.from(record, json));
            } catch (RuntimeException failure) {
                unreadable = failure;
                break;
            }
        }
        int readable = events.size();
        int applied;
        try {
            applied = readable == 0 ? 0 : transactions.execute(status -> applyAll(consumer, events, records, handler));
        } catch (FailedAt failed) {
            int before = failed.index == 0 ? 0
                    : receiveAll(consumer, records.subList(0, failed.index), handler);
            throw failure(records, failed.index, failed.getCause(), before);
        } catch (RuntimeException notApplied) {
            // the inbox insert or the commit failed (the database is away, say): nothing of the poll took effect, so
            // the error handler retries from the first record, and after its retries dead-letters that one only, as
            // it did when each record had its own transaction, not the whole poll
            throw failure(records, 0, notApplied, 0);
        }
        if (unreadable != null) {
            throw failure(records, readable, unreadable, applied);
        }
        return applied;
    }

    private int applyAll(String consumer, List<IncomingEvent> events, List<ConsumerRecord<String, byte[]>> records,
                         Consumer<IncomingEvent> handler) {
        Set<UUID> claimed = claim(consumer, events, records);
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            // the first of two copies in one poll is applied, the second is a redelivery like any other
            if (!claimed.remove(event.id())) {
                continue;
            }
            try (CorrelationId.Scope ignored = CorrelationId.open(event.correlationId())) {
                handler.accept(event);
            } catch (RuntimeException failure) {
                throw new FailedAt(i, failure);
            }
            applied++;
        }
        return applied;
    }

    /** Inserts the events' inbox rows in one statement; returns the ids that were not there yet. */
    private Set<UUID> claim(String consumer, List<IncomingEvent> events, List<ConsumerRecord<String, byte[]>> records) {
        StringBuilder sql = new StringBuilder("insert into inbox_event (consumer, event_id, event_type, topic) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:consumer, :id").append(i).append(", :type").append(i)
                    .append(", :topic").append(i).append(')');
        }
        sql.append(" on conflict do nothing returning event_id");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("consumer", consumer);
        for (int i = 0; i < events.size(); i++) {
            statement = statement.param("id" + i, events.get(i).id())
                    .param("type" + i, events.get(i).type())
                    .param("topic" + i, records.get(i).topic());
        }
        return new HashSet<>(statement.query(UUID.class).list());
    }

    private static BatchListenerFailedException failure(List<ConsumerRecord<String, byte[]>> records, int index,
                                                        Throwable cause, int appliedBefore) {
        ConsumerRecord<String, byte[]> record = records.get(index);
        return new BatchListenerFailedException("record " + record.topic() + "/" + record.partition() + "@"
                + record.offset() + " failed (" + cause.getMessage() + "); the " + index + " before it are received ("
                + appliedBefore + " new)", cause, index);
    }

    /** A handler's failure at event {@code index} of a batch: rolls the batch's transaction back. */
    private static final class FailedAt extends RuntimeException {

        private final int index;

        FailedAt(int index, RuntimeException cause) {
            super(cause);
            this.index = index;
        }
    }
}
