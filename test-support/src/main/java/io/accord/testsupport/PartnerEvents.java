package io.accord.testsupport;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Partner events as onboarding publishes them, for feeding a service's partner view in tests. */
public final class PartnerEvents {

    private PartnerEvents() {
    }

    public static String activated(String partnerId, String legalName, String eventId) {
        return activated(partnerId, legalName, eventId, null);
    }

    /** With the per-partner {@code ce_sequence} onboarding's outbox gives it ({@code null}: none). */
    public static String activated(String partnerId, String legalName, String eventId, Long sequence) {
        TestKafka.send(sequenced(sequence, TestKafka.cloudEvent(Topics.PARTNER_EVENTS, partnerId, "PartnerActivated", eventId, partnerId,
                """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","legalName":"%s","partnerType":"MVNO",
                 "businessModel":"RESELL","country":"FR","settlementCurrency":"EUR"}
                """.formatted(eventId, Instant.now(), partnerId, legalName))));
        return eventId;
    }

    public static String activated(String partnerId, String legalName) {
        return activated(partnerId, legalName, UUID.randomUUID().toString());
    }

    public static void statusChanged(String partnerId, String from, String to) {
        statusChanged(partnerId, from, to, null);
    }

    /** @return the event id */
    public static String statusChanged(String partnerId, String from, String to, Long sequence) {
        return statusChanged(partnerId, from, to, UUID.randomUUID().toString(), sequence);
    }

    /** With a given event id (a redelivery); @return the event id */
    public static String statusChanged(String partnerId, String from, String to, String eventId, Long sequence) {
        TestKafka.send(sequenced(sequence, TestKafka.cloudEvent(Topics.PARTNER_EVENTS, partnerId, "PartnerStatusChanged", eventId,
                partnerId, """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","previousStatus":"%s","status":"%s",
                 "reason":"test"}
                """.formatted(eventId, Instant.now(), partnerId, from, to))));
        return eventId;
    }

    private static ProducerRecord<String, byte[]> sequenced(Long sequence, ProducerRecord<String, byte[]> record) {
        if (sequence != null) {
            record.headers().add(CloudEventHeaders.SEQUENCE, sequence.toString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
