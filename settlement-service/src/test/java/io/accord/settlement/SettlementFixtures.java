package io.accord.settlement;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Upstream events as onboarding and orchestration publish them (CloudEvents in binary mode, with the per-aggregate
 * {@code ce_sequence}), sent through the test broker, and waits for settlement's read models to hold them.
 */
public class SettlementFixtures {

    private final PartnerTerms partners;

    SettlementFixtures(PartnerTerms partners) {
        this.partners = partners;
    }

    /**
     * Terms JSON of an agreement in {@code currency} with the given cycle, a 70 % share of the {@code video} category
     * with two tiers, and no minimum guarantee.
     */
    public static String terms(String cycle, String currency) {
        return """
                {"currency":"%s","revenueShares":[{"offeringCategory":"video","usageType":null,
                 "partnerSharePercent":"70","tiers":[{"fromVolume":"10000","partnerSharePercent":"75"},
                 {"fromVolume":"100000","partnerSharePercent":"80"}]}],
                 "wholesaleRates":[{"unit":"SIM","price":"1.500000"}],"minimumMonthlyGuarantee":"0",
                 "settlementCycle":"%s","paymentTermsDays":30,
                 "taxTreatment":{"ratePercent":"19","reverseCharge":false},
                 "reconciliationTolerance":{"absoluteAmount":"5.00","percent":"0.5"},"disputeWindowDays":60,
                 "validityMonths":null}
                """.formatted(currency, cycle);
    }

    /** Sends an AgreementActivated; returns the agreement id. */
    public static String agreementActivated(String partnerId, String agreementId, int version, Instant inForceFrom,
                                            String cycle, Long sequence) {
        send(Topics.PARTNER_EVENTS, partnerId, "AgreementActivated", partnerId, sequence, """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","agreementId":"%s","version":%d,
                 "businessModel":"SELL_THROUGH","inForceFrom":"%s","validUntil":null,"supersededAgreementId":null,
                 "terms":%s}
                """.formatted(UUID.randomUUID(), inForceFrom, partnerId, agreementId, version, inForceFrom,
                terms(cycle, "EUR")));
        return agreementId;
    }

    public static void agreementSuperseded(String partnerId, String agreementId, Instant inForceUntil, Long sequence) {
        send(Topics.PARTNER_EVENTS, partnerId, "AgreementSuperseded", partnerId, sequence, """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","agreementId":"%s","version":1,
                 "supersededByAgreementId":"next","inForceUntil":"%s"}
                """.formatted(UUID.randomUUID(), inForceUntil, partnerId, agreementId, inForceUntil));
    }

    /** Sends an event; {@code sequence} {@code null}: without {@code ce_sequence}. Returns the event id. */
    public static String send(String topic, String key, String type, String subject, Long sequence, String json) {
        String eventId = UUID.randomUUID().toString();
        return send(topic, key, type, subject, sequence, eventId, json);
    }

    /** The same with a given event id (a redelivery). */
    public static String send(String topic, String key, String type, String subject, Long sequence, String eventId,
                              String json) {
        ProducerRecord<String, byte[]> record = TestKafka.cloudEvent(topic, key, type, eventId, subject, json);
        if (sequence != null) {
            record.headers().add(CloudEventHeaders.SEQUENCE, sequence.toString().getBytes(StandardCharsets.UTF_8));
        }
        TestKafka.send(record);
        return eventId;
    }

    /** The tax id fixture partners get by default (self-billed statements cannot be approved without one). */
    public static final String TAX_ID = "DE136695976";

    /**
     * Sends a PartnerTaxIdChanged as onboarding publishes it, without {@code ce_sequence} (so the partner's
     * PartnerActivated, whichever comes later, still sets its own).
     */
    public static String taxIdChanged(String partnerId, String taxId, Long sequence) {
        return send(Topics.PARTNER_EVENTS, partnerId, "PartnerTaxIdChanged", partnerId, sequence, """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","taxId":"%s","changedAt":"%s"}
                """.formatted(UUID.randomUUID(), Instant.now(), partnerId, taxId, Instant.now()));
    }

    /** Gives the partner {@link #TAX_ID} and waits until the read model holds it. */
    private String withTaxId(String partnerId) {
        taxIdChanged(partnerId, TAX_ID, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(UUID.fromString(partnerId))
                .map(PartnerTerms.LegalData::taxId).isPresent());
        return partnerId;
    }

    /**
     * A new partner with an agreement of {@code businessModel} and {@code termsJson} in force from {@code from} and
     * the tax id {@link #TAX_ID}, once the read model holds them.
     */
    public String partnerWith(String businessModel, Instant from, String termsJson) {
        String partnerId = UUID.randomUUID().toString();
        send(Topics.PARTNER_EVENTS, partnerId, "AgreementActivated", partnerId, 1L, """
                {"eventId":"%s","occurredAt":"%s","partnerId":"%s","agreementId":"agr-%s","version":1,
                 "businessModel":"%s","inForceFrom":"%s","validUntil":null,"supersededAgreementId":null,
                 "terms":%s}
                """.formatted(UUID.randomUUID(), from, partnerId, UUID.randomUUID(), businessModel, from, termsJson));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                partners.agreementInForce(UUID.fromString(partnerId), from).isPresent());
        return withTaxId(partnerId);
    }

    /**
     * A new partner with an agreement of {@code cycle} in force from {@code from} and the tax id {@link #TAX_ID},
     * once the read model holds them.
     */
    public String partnerInForceFrom(Instant from, String cycle) {
        return withTaxId(partnerWithoutTaxIdInForceFrom(from, cycle));
    }

    /** The same without a tax id (as onboarding's staff may create a partner): no legal data at all. */
    public String partnerWithoutTaxIdInForceFrom(Instant from, String cycle) {
        String partnerId = UUID.randomUUID().toString();
        agreementActivated(partnerId, "agr-" + UUID.randomUUID(), 1, from, cycle, 1L);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                partners.agreementInForce(UUID.fromString(partnerId), from).isPresent());
        return partnerId;
    }
}
