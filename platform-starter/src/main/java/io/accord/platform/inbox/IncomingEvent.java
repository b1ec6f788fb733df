package io.accord.platform.inbox;

import io.accord.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A CloudEvent received from Kafka (binary mode): its attributes from the headers, its data as JSON. */
public record IncomingEvent(UUID id, String type, String source, String subject, String correlationId,
                            byte[] data, JsonMapper json) {

    static IncomingEvent from(ConsumerRecord<String, byte[]> record, JsonMapper json) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            throw new PoisonMessageException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent (ce_id, ce_type and data are required)");
        }
        try {
            return new IncomingEvent(UUID.fromString(id), type, header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT), header(record, CloudEventHeaders.CORRELATION_ID),
                    record.value(), json);
        } catch (IllegalArgumentException malformedId) {
            throw new PoisonMessageException("ce_id '" + id + "' is not a UUID");
        }
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

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
