package io.accord.testsupport;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementExpired;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.contracts.events.DomainEvent;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Partner events as onboarding publishes them, for feeding a service's partner view and agreement read models in tests. */
public final class PartnerEvents {

    private PartnerEvents() {
    }

    public static String activated(String partnerId, String legalName, String eventId) {
        return activated(partnerId, legalName, eventId, null);
    }

    /** With the per-partner {@code ce_sequence} onboarding's outbox gives it ({@code null}: none). */
    public static String activated(String partnerId, String legalName, String eventId, Long sequence) {
        return activated(partnerId, legalName, "RESELL", eventId, sequence);
    }

    /** A partner of another business model than RESELL (the others' default): SELL_THROUGH or CO_CREATE. */
    public static String activated(String partnerId, String legalName, String businessModel, String eventId,
                                   Long sequence) {
        TestKafka.send(sequenced(sequence, TestKafka.cloudEvent(Topics.PARTNER_EVENTS, partnerId, "PartnerActivated", eventId, partnerId,
                """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","legalName":"%s","partnerType":"MVNO",
                 "businessModel":"%s","country":"FR","settlementCurrency":"EUR"}
                """.formatted(eventId, Instant.now(), partnerId, legalName, businessModel))));
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

    /** Sends a typed partner event (an agreement's activation, supersession, termination or expiry). */
    public static void send(DomainEvent event, Long sequence) {
        DomainEvents.send(Topics.PARTNER_EVENTS, event, sequence);
    }

    /**
     * An agreement version in force from {@code from} until {@code until} ({@code null}: open), with revenue-share
     * rules ({@code "category/usageType=percent"}, {@code *} for any) and wholesale rates ({@code "unit=price"}).
     */
    public static AgreementActivated agreementActivated(String partnerId, String agreementId, int version,
                                                        String businessModel, Instant from, Instant until,
                                                        String supersededAgreementId, List<String> shares,
                                                        List<String> wholesaleRates) {
        List<AgreementActivated.RevenueShare> revenueShares = shares.stream().map(rule -> {
            String[] scope = rule.substring(0, rule.indexOf('=')).split("/");
            return new AgreementActivated.RevenueShare(any(scope[0]), any(scope[1]),
                    rule.substring(rule.indexOf('=') + 1), List.of());
        }).toList();
        List<AgreementActivated.WholesaleRate> rates = wholesaleRates.stream()
                .map(rate -> new AgreementActivated.WholesaleRate(rate.substring(0, rate.indexOf('=')),
                        rate.substring(rate.indexOf('=') + 1))).toList();
        return new AgreementActivated(UUID.randomUUID(), Instant.now(), partnerId, agreementId, version,
                businessModel, from, until, supersededAgreementId,
                new AgreementActivated.Terms("EUR", revenueShares, rates, null, "MONTHLY", 30,
                        new AgreementActivated.TaxTreatment("20", false),
                        new AgreementActivated.ReconciliationTolerance("1.00", "0.5"), 60, null));
    }

    public static AgreementSuperseded agreementSuperseded(String partnerId, String agreementId, int version,
                                                          String byAgreementId, Instant until) {
        return new AgreementSuperseded(UUID.randomUUID(), Instant.now(), partnerId, agreementId, version,
                byAgreementId, until);
    }

    /** {@code previousStatus} ACTIVE ends it at {@code until}; any other: it never came into force. */
    public static AgreementTerminated agreementTerminated(String partnerId, String agreementId, int version,
                                                          String previousStatus, Instant until) {
        return new AgreementTerminated(UUID.randomUUID(), Instant.now(), partnerId, agreementId, version,
                previousStatus, until, "test");
    }

    public static AgreementExpired agreementExpired(String partnerId, String agreementId, int version,
                                                    Instant until) {
        return new AgreementExpired(UUID.randomUUID(), Instant.now(), partnerId, agreementId, version, until);
    }

    private static String any(String value) {
        return "*".equals(value) ? null : value;
    }

    private static ProducerRecord<String, byte[]> sequenced(Long sequence, ProducerRecord<String, byte[]> record) {
        if (sequence != null) {
            record.headers().add(CloudEventHeaders.SEQUENCE, sequence.toString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
