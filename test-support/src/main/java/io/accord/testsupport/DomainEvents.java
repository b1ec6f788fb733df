package io.accord.testsupport;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.events.DomainEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Any service's domain events (the records of shared-contracts) as its outbox relay publishes them: binary-mode
 * CloudEvents keyed by the aggregate, {@code ce_subject} the partner ({@code csp} when none), an optional
 * per-aggregate {@code ce_sequence}. For feeding a service's read models in tests through the real topics.
 */
public final class DomainEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DomainEvents() {
    }

    /** Sends the event with its {@code ce_id} = its event id and the given {@code ce_sequence} ({@code null}: none). */
    public static void send(String topic, DomainEvent event, Long sequence) {
        TestKafka.send(record(topic, event, sequence));
    }

    /** Sends the events in order through one producer; {@code sequences} pairs with them ({@code null}s allowed). */
    public static void sendAll(String topic, List<? extends DomainEvent> events, List<Long> sequences) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            records.add(record(topic, events.get(i), sequences == null ? null : sequences.get(i)));
        }
        TestKafka.sendAll(records);
    }

    /** The record the relay would publish for the event. */
    public static ProducerRecord<String, byte[]> record(String topic, DomainEvent event, Long sequence) {
        ProducerRecord<String, byte[]> record = TestKafka.cloudEvent(topic, event.key(), event.type(),
                event.eventId().toString(), event.partnerId() == null ? "csp" : event.partnerId(),
                JSON.writeValueAsString(event));
        if (sequence != null) {
            record.headers().add(CloudEventHeaders.SEQUENCE, sequence.toString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
