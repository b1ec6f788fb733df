package io.accord.catalog.partner;

import io.accord.contracts.Topics;
import io.accord.testsupport.TestKafka;

import java.time.Instant;
import java.util.UUID;

/** Partner events as onboarding publishes them, for feeding catalog in tests. */
public final class PartnerEvents {

    private PartnerEvents() {
    }

    public static String activated(String partnerId, String legalName, String eventId) {
        TestKafka.send(TestKafka.cloudEvent(Topics.PARTNER_EVENTS, partnerId, "PartnerActivated", eventId, partnerId,
                """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","legalName":"%s","partnerType":"MVNO",
                 "businessModel":"RESELL","country":"FR","settlementCurrency":"EUR"}
                """.formatted(eventId, Instant.now(), partnerId, legalName)));
        return eventId;
    }

    public static String activated(String partnerId, String legalName) {
        return activated(partnerId, legalName, UUID.randomUUID().toString());
    }

    public static void statusChanged(String partnerId, String from, String to) {
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(TestKafka.cloudEvent(Topics.PARTNER_EVENTS, partnerId, "PartnerStatusChanged", eventId,
                partnerId, """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","previousStatus":"%s","status":"%s",
                 "reason":"test"}
                """.formatted(eventId, Instant.now(), partnerId, from, to)));
    }
}
