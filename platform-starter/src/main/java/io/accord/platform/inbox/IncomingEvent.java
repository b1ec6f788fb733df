package io.accord.platform.inbox;

import io.accord.contracts.CloudEventHeaders;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/**
 * A CloudEvent received from Kafka (binary mode, read with cloudevents-kafka): its attributes, its data as JSON.
 *
 * @param sequence the event's per-aggregate sequence number (extension {@code sequence}), or {@code null} for an
 *                 event published before Accord numbered them; see {@link #isNewerThan(Long)}
 */
public record IncomingEvent(UUID id, String type, String source, String subject, String correlationId,
                            Long sequence, byte[] data, JsonMapper json) {

    static IncomingEvent from(ConsumerRecord<String, byte[]> record, JsonMapper json) {
        String where = "record " + record.topic() + "/" + record.partition() + "@" + record.offset();
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException notACloudEvent) {
            throw new PoisonMessageException(where + " is not a CloudEvent in binary mode: "
                    + notACloudEvent.getMessage());
        }
        CloudEventData data = event.getData();
        if (data == null) {
            throw new PoisonMessageException(where + " is a CloudEvent without data");
        }
        try {
            return new IncomingEvent(UUID.fromString(event.getId()), event.getType(), event.getSource().toString(),
                    event.getSubject(), text(event.getExtension(CloudEventHeaders.CORRELATION_ID_EXTENSION)),
                    sequence(event), data.toBytes(), json);
        } catch (IllegalArgumentException malformedId) {
            throw new PoisonMessageException(where + ": ce_id '" + event.getId() + "' is not a UUID");
        }
    }

    /**
     * Whether this event is newer than the sequence a read model holds ({@code null}: it holds none yet). An event
     * without a sequence carries no order and counts as newer, as every event did before sequences existed.
     */
    public boolean isNewerThan(Long held) {
        return sequence == null || held == null || sequence > held;
    }

    /** The event data as the given record type; malformed data is a poison message (straight to the DLT). */
    public <T> T payload(Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (JacksonException malformed) {
            throw new PoisonMessageException("event " + id + " of type " + this.type + " has malformed data: "
                    + malformed.getOriginalMessage());
        }
    }

    private static Long sequence(CloudEvent event) {
        String value = text(event.getExtension(CloudEventHeaders.SEQUENCE_EXTENSION));
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException malformed) {
            throw new PoisonMessageException("event " + event.getId() + " has a malformed sequence '" + value + "'");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
