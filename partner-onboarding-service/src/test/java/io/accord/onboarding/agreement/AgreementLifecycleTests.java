package io.accord.onboarding.agreement;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.contracts.value.PartnerId;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** The agreement lifecycle through the TMF651 API, with its events on Kafka and its audit trail. */
@AccordServiceTest
class AgreementLifecycleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final AgreementService service;
    private final Agreements agreements;

    AgreementLifecycleTests(AgreementService service, Agreements agreements) {
        this.service = service;
        this.agreements = agreements;
    }

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void aFutureDatedAmendmentSupersedesTheCurrentVersionAtItsEffectiveDateAndEventsReflectBoth() {
        String partner = api.newPartner("Streamly Media GmbH");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = api.countersigned(partner, now.minusSeconds(60), "null");
        Instant effective = now.plus(Duration.ofDays(3));

        String amendment = api.approved(partner, effective, AgreementFixtures.termsJson());
        TestHttp.Response signed = api.partnerAdmin(partner)
                .post(AGREEMENTS + "/" + amendment + "/countersignature", null);

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(signed.json().get("version").asString()).isEqualTo("2");
        assertThat(signed.json().get("agreementAuthorization").get(0).get("state").asString()).isEqualTo("approved");
        assertThat(api.status(first)).isEqualTo("ACTIVE");
        assertThat(service.applyDueTransitions(effective.minusSeconds(1))).isZero();
        assertThat(api.status(amendment)).isEqualTo("APPROVED");

        assertThat(service.applyDueTransitions(effective.plusSeconds(1))).isGreaterThanOrEqualTo(2);

        JsonNode old = api.manager.get(AGREEMENTS + "/" + first).json();
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(Instant.parse(old.get("inForcePeriod").get("endDateTime").asString())).isEqualTo(effective);
        JsonNode current = api.manager.get(AGREEMENTS + "/" + amendment).json();
        assertThat(current.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(current.get("inForcePeriod").get("startDateTime").asString())).isEqualTo(effective);
        assertThat(agreements.inForce(PartnerId.of(partner), effective.minusSeconds(1)).orElseThrow().id())
                .hasToString(first);
        assertThat(agreements.inForce(PartnerId.of(partner), effective).orElseThrow().id()).hasToString(amendment);

        List<ConsumerRecord<String, byte[]>> events = TestKafka.awaitRecords(Topics.PARTNER_EVENTS,
                record -> partner.equals(record.key()) && TestKafka.header(record, CloudEventHeaders.TYPE)
                        .startsWith("Agreement"), 3, Duration.ofSeconds(30));
        assertThat(events).extracting(record -> TestKafka.header(record, CloudEventHeaders.TYPE))
                .containsExactly("AgreementActivated", "AgreementSuperseded", "AgreementActivated");
        AgreementSuperseded superseded = JSON.readValue(events.get(1).value(), AgreementSuperseded.class);
        assertThat(superseded.agreementId()).isEqualTo(first);
        assertThat(superseded.supersededByAgreementId()).isEqualTo(amendment);
        assertThat(superseded.inForceUntil()).isEqualTo(effective);
        AgreementActivated activated = JSON.readValue(events.get(2).value(), AgreementActivated.class);
        assertThat(activated.agreementId()).isEqualTo(amendment);
        assertThat(activated.supersededAgreementId()).isEqualTo(first);
        assertThat(activated.inForceFrom()).isEqualTo(effective);
        assertThat(activated.terms().currency()).isEqualTo("EUR");
        assertThat(activated.terms().revenueShares().getFirst().tiers())
                .extracting(AgreementActivated.VolumeTier::fromVolume, AgreementActivated.VolumeTier::partnerSharePercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10000.000000", "75.0000"),
                        org.assertj.core.groups.Tuple.tuple("50000.000000", "80.0000"));
        assertThat(activated.terms().wholesaleRates().getFirst().price()).isEqualTo("0.800000");
        assertThat(activated.terms().minimumMonthlyGuarantee()).isEqualTo("100.000000");
        assertThat(activated.terms().reconciliationTolerance().percent()).isEqualTo("0.5000");
        assertThat(activated.terms().disputeWindowDays()).isEqualTo(60);

        assertThat(api.auditActions(amendment)).containsExactly("created", "proposed", "terms-approved",
                "countersigned", "activated");
        assertThat(api.auditActions(first)).containsExactly("created", "proposed", "terms-approved",
                "countersigned", "superseded");
    }

    @Test
    void aVersionProposedWithoutTermsTakesTheCurrentTemplateAndShowsAsATmfAgreement() {
        String partner = api.newPartner("Template Taker AB");

        JsonNode created = api.manager.post(AGREEMENTS, AgreementApi.body(partner, Instant.now(), "null")).json();

        assertThat(created.get("@type").asString()).isEqualTo("PartnerAgreement");
        assertThat(created.get("@baseType").asString()).isEqualTo("Agreement");
        assertThat(created.get("href").asString()).isEqualTo(AGREEMENTS + "/" + created.get("id").asString());
        assertThat(created.get("agreementType").asString()).isEqualTo("SELL_THROUGH");
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        JsonNode party = created.get("engagedParty").get(0);
        assertThat(party.get("id").asString()).isEqualTo(partner);
        assertThat(party.get("name").asString()).isEqualTo("Template Taker AB");
        assertThat(party.get("role").asString()).isEqualTo("Partner");
        assertThat(party.get("@referredType").asString()).isEqualTo("Organization");
        assertThat(created.get("agreementPeriod").get("endDateTime")).as("validity from the template").isNotNull();
        JsonNode template = api.manager.get(TEMPLATE_OF_SELL_THROUGH).json().get(0);
        assertThat(created.get("agreementSpecification").get("id").asString())
                .isEqualTo(template.get("id").asString());
        assertThat(created.get("terms").get("minimumMonthlyGuarantee").has("negative")).isFalse();
        assertThat(created.get("terms").get("revenueShares"))
                .isEqualTo(template.get("terms").get("revenueShares"));
    }

    private static final String TEMPLATE_OF_SELL_THROUGH = AgreementApi.TEMPLATES
            + "?businessModel=SELL_THROUGH&limit=1";

    @Test
    void staffTerminationEndsTheVersionInForceAndIsPublished() {
        String partner = api.newPartner("Short Lived Ltd");
        String agreement = api.countersigned(partner, Instant.now().minusSeconds(5), "null");

        TestHttp.Response terminated = api.manager.post(AGREEMENTS + "/" + agreement + "/termination",
                "{\"reason\": \"partner breached the content policy\"}");

        assertThat(terminated.status()).isEqualTo(200);
        assertThat(terminated.json().get("status").asString()).isEqualTo("TERMINATED");
        assertThat(terminated.json().get("statusReason").asString()).isEqualTo("partner breached the content policy");
        assertThat(agreements.inForce(PartnerId.of(partner), Instant.now().plusSeconds(1))).isEmpty();
        ConsumerRecord<String, byte[]> event = TestKafka.awaitRecords(Topics.PARTNER_EVENTS,
                record -> partner.equals(record.key())
                        && "AgreementTerminated".equals(TestKafka.header(record, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(30)).getFirst();
        AgreementTerminated payload = JSON.readValue(event.value(), AgreementTerminated.class);
        assertThat(payload.previousStatus()).isEqualTo("ACTIVE");
        assertThat(payload.reason()).isEqualTo("partner breached the content policy");
        assertThat(api.auditActions(agreement)).last().isEqualTo("terminated");
    }

    @Test
    void aVersionExpiresAtTheEndOfItsValidityPeriod() {
        String partner = api.newPartner("Fixed Term GmbH");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
        String body = AgreementApi.body(partner, start, AgreementFixtures.termsJson())
                .replace("\"agreementPeriod\": {", "\"agreementPeriod\": {\"endDateTime\": \""
                        + start.plus(Duration.ofDays(30)) + "\", ");
        String id = api.manager.post(AGREEMENTS, body).json().get("id").asString();
        api.manager.post(AGREEMENTS + "/" + id + "/proposal", null);
        api.secondManager.post(AGREEMENTS + "/" + id + "/approval", null);
        api.partnerAdmin(partner).post(AGREEMENTS + "/" + id + "/countersignature", null);

        service.applyDueTransitions(start.plus(Duration.ofDays(30)));

        assertThat(api.status(id)).isEqualTo("EXPIRED");
        assertThat(agreements.inForce(PartnerId.of(partner), start.plus(Duration.ofDays(29)))).isPresent();
        assertThat(agreements.inForce(PartnerId.of(partner), start.plus(Duration.ofDays(30)))).isEmpty();
        TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> partner.equals(record.key())
                && "AgreementExpired".equals(TestKafka.header(record, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(30));
        assertThat(api.auditActions(id)).last().isEqualTo("expired");
    }

    @Test
    void everyVersionOfAPartnerIsListedOldestFirstWithTmfPagingAndFieldSelection() {
        String partner = api.newPartner("History Keeper Oy");
        String first = api.countersigned(partner, Instant.now().minusSeconds(5), "null");
        // proposed: a partner sees no draft (ADR 0005, 2026-12-08)
        String second = api.proposed(partner, Instant.now().plus(Duration.ofDays(10)), AgreementFixtures.termsJson());

        TestHttp.Response page = api.manager.get(AGREEMENTS + "?engagedParty.id=" + partner);
        TestHttp.Response selected = api.partnerAdmin(partner)
                .get(AGREEMENTS + "?engagedParty.id=" + partner + "&fields=status,version&offset=1&limit=1");

        assertThat(page.header("X-Total-Count")).isEqualTo("2");
        assertThat(page.header("X-Result-Count")).isEqualTo("2");
        assertThat(page.json()).extracting(node -> node.get("id").asString()).containsExactly(first, second);
        assertThat(selected.header("X-Total-Count")).isEqualTo("2");
        JsonNode only = selected.json().get(0);
        assertThat(only.propertyNames()).containsExactlyInAnyOrder("id", "href", "@type", "status", "version");
        assertThat(only.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(api.manager.get(AGREEMENTS + "?engagedParty.id=" + partner + "&status=ACTIVE")
                .header("X-Total-Count")).isEqualTo("1");
    }
}
