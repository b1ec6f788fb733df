package io.accord.onboarding.partner;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class PartnerApiTests {

    private static final String PARTNERS = "/api/onboarding/partners";

    @LocalServerPort
    int port;

    private TestHttp manager;
    private TestHttp auditor;

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-alice", Roles.PARTNER_MANAGER));
        auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
    }

    @Test
    void createsAnActivePartnerAndPublishesPartnerActivatedThroughTheOutbox() {
        String correlationId = "corr-" + UUID.randomUUID();
        TestHttp.Response created = manager.header("X-Correlation-Id", correlationId)
                .post(PARTNERS, newPartner("Streamly Media GmbH"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Correlation-Id")).isEqualTo(correlationId);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(PARTNERS + "/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");

        ConsumerRecord<String, byte[]> event = TestKafka.awaitRecords(Topics.PARTNER_EVENTS,
                record -> id.equals(record.key()), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(TestKafka.header(event, CloudEventHeaders.TYPE)).isEqualTo("PartnerActivated");
        assertThat(TestKafka.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TestKafka.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/accord/partner-onboarding");
        assertThat(TestKafka.header(event, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TestKafka.header(event, CloudEventHeaders.CORRELATION_ID)).isEqualTo(correlationId);
        assertThat(TestKafka.value(event)).contains("\"legalName\":\"Streamly Media GmbH\"")
                .contains("\"partnerId\":\"" + id + "\"");
    }

    @Test
    void everyChangeLeavesAnAuditRowWithActorAndCorrelationId() {
        String id = manager.post(PARTNERS, newPartner("Audited Ltd")).json().get("id").asString();
        String correlationId = "suspend-" + UUID.randomUUID();
        assertThat(manager.header("X-Correlation-Id", correlationId)
                .post(PARTNERS + "/" + id + "/suspension", "{\"reason\":\"unpaid invoices\"}").status())
                .isEqualTo(200);

        TestHttp.Response trail = auditor.get("/api/onboarding/audit?resourceId=" + id);

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.header("X-Total-Count")).isEqualTo("2");
        JsonNode suspension = trail.json().get(0);
        assertThat(suspension.get("action").asString()).isEqualTo("suspended");
        assertThat(suspension.get("actor").asString()).isEqualTo("pm-alice");
        assertThat(suspension.get("correlationId").asString()).isEqualTo(correlationId);
        assertThat(suspension.get("partnerId").asString()).isEqualTo(id);
        assertThat(suspension.get("before").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(suspension.get("after").get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(trail.json().get(1).get("action").asString()).isEqualTo("created");
    }

    @Test
    void anIllegalTransitionIsAConflictAndChangesNothing() {
        String id = manager.post(PARTNERS, newPartner("Twice Suspended SA")).json().get("id").asString();

        TestHttp.Response reinstated = manager.post(PARTNERS + "/" + id + "/reinstatement", null);

        assertThat(reinstated.status()).isEqualTo(409);
        assertThat(reinstated.contentType()).startsWith("application/problem+json");
        assertThat(reinstated.json().get("type").asString()).isEqualTo("https://accord.dev/problems/conflict");
        assertThat(manager.get(PARTNERS + "/" + id).json().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aReinstatementTakesAnOptionalReasonIntoTheAuditAndRefusesAMalformedBody() {
        String id = manager.post(PARTNERS, newPartner("Reinstated Reason SA")).json().get("id").asString();
        manager.post(PARTNERS + "/" + id + "/suspension", "{\"reason\":\"fraud review of the bank account\"}");

        for (String malformed : new String[] {"{\"reason\":", "{\"reason\":\"ok\",\"by\":\"me\"}", "[1]"}) {
            TestHttp.Response refused = manager.post(PARTNERS + "/" + id + "/reinstatement", malformed);
            assertThat(refused.status()).as(malformed).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(manager.get(PARTNERS + "/" + id).json().get("status").asString()).isEqualTo("SUSPENDED");
        TestHttp.Response reinstated = manager.post(PARTNERS + "/" + id + "/reinstatement",
                "{\"reason\":\"review closed: account verified\"}");

        assertThat(reinstated.status()).isEqualTo(200);
        JsonNode entry = auditor.get("/api/onboarding/audit?resourceId=" + id).json().get(0);
        assertThat(entry.get("action").asString()).isEqualTo("reinstated");
        assertThat(entry.get("after").get("statusReason").asString()).isEqualTo("review closed: account verified");
        String other = manager.post(PARTNERS, newPartner("Reinstated Without Reason SA")).json().get("id").asString();
        manager.post(PARTNERS + "/" + other + "/suspension", "{\"reason\":\"unpaid\"}");
        assertThat(manager.post(PARTNERS + "/" + other + "/reinstatement", null).status()).isEqualTo(200);
    }

    @Test
    void theSuspensionReasonIsStaffsThePartnerReadsANeutralOne() {
        String id = manager.post(PARTNERS, newPartner("Suspended Quietly GmbH")).json().get("id").asString();
        manager.post(PARTNERS + "/" + id + "/suspension", "{\"reason\":\"AML hit: sanctions screening 2026/17\"}");
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.partner("sq-admin", id, Roles.PARTNER_ADMIN));

        JsonNode own = admin.get(PARTNERS + "/" + id).json();
        TestHttp.Response bankChange = admin.put(PARTNERS + "/" + id + "/bank-account",
                "{\"iban\":\"DE89370400440532013000\"}");

        assertThat(own.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(own.get("statusReason").asString()).contains("your partner manager can tell you more");
        assertThat(own.toString()).doesNotContain("AML", "sanctions");
        assertThat(admin.get(PARTNERS + "?limit=5").body()).doesNotContain("AML");
        assertThat(bankChange.status()).isEqualTo(409);
        assertThat(bankChange.body()).doesNotContain("AML", "sanctions");
        assertThat(manager.get(PARTNERS + "/" + id).json().get("statusReason").asString())
                .isEqualTo("AML hit: sanctions screening 2026/17");
    }

    @Test
    void theNameSearchNormalisesLikeDuplicateDetectionAndAnUnknownCountryIsRefused() {
        String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String id = manager.post(PARTNERS, newPartner("Alpha Stream " + suffix + " GmbH")).json().get("id").asString();

        for (String query : new String[] {"Alpha-Stream-" + suffix, "alpha stream " + suffix, "ALPHA/STREAM " + suffix}) {
            JsonNode found = manager.get(PARTNERS + "?name=" + java.net.URLEncoder.encode(query,
                    java.nio.charset.StandardCharsets.UTF_8)).json();
            assertThat(found).as(query).singleElement().satisfies(partner ->
                    assertThat(partner.get("id").asString()).isEqualTo(id));
        }
        TestHttp.Response unknownCountry = manager.get(PARTNERS + "?country=XX");
        assertThat(unknownCountry.status()).isEqualTo(400);
        assertThat(unknownCountry.contentType()).startsWith("application/problem+json");
        assertThat(manager.get(PARTNERS + "?country=de&name=" + suffix).json()).hasSize(1);
    }

    @Test
    void listsPartnersWithTmfPagingHeaders() {
        for (int i = 0; i < 3; i++) {
            manager.post(PARTNERS, newPartner("Paged Partner " + i));
        }
        TestHttp.Response page = manager.get(PARTNERS + "?offset=1&limit=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(Integer.parseInt(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(page.header("X-Result-Count")).isEqualTo("2");
        assertThat(page.json().size()).isEqualTo(2);
        assertThat(manager.get(PARTNERS + "?limit=0").status()).isEqualTo(400);
    }

    static String newPartner(String legalName) {
        return """
                {"legalName": "%s", "partnerType": "OTT_CONTENT", "businessModel": "SELL_THROUGH",
                 "country": "DE", "settlementCurrency": "EUR"}
                """.formatted(legalName);
    }
}
