package io.accord.onboarding.demo;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.agreement.AgreementRef;
import io.accord.onboarding.agreement.Agreements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./accord up} seeds the demo users' partners on every start; a second run changes nothing. */
@AccordServiceTest
@TestPropertySource(properties = "accord.onboarding.demo-seed.enabled=true")
class DemoPartnersTests {

    @LocalServerPort
    int port;
    private final DemoPartners demo;
    private final Agreements agreements;
    private final JdbcClient jdbc;

    DemoPartnersTests(DemoPartners demo, Agreements agreements, JdbcClient jdbc) {
        this.demo = demo;
        this.agreements = agreements;
        this.jdbc = jdbc;
    }

    @Test
    void startupCreatesBothDemoPartnersActiveWithAnAgreementInForceAndAgainNothing() {
        assertThat(demo.enabled()).isTrue();
        // the application's start already seeded them; a second start (this call) finds them and creates nothing
        assertThat(demo.seed()).isEmpty();
        assertThat(demo.seed()).isEmpty();

        for (UUID id : new UUID[] {DemoPartners.PARTNER_A, DemoPartners.PARTNER_B}) {
            assertThat(jdbc.sql("select count(*) from partner where id = ?").param(id).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select status from partner where id = ?").param(id).query(String.class).single())
                    .isEqualTo("ACTIVE");
            assertThat(jdbc.sql("select count(*) from agreement where partner_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(agreements.inForce(new PartnerId(id), Instant.now())).map(AgreementRef::version).contains(1);
            TestKafka.awaitRecords(Topics.PARTNER_EVENTS, record -> id.toString().equals(record.key())
                    && "PartnerActivated".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30));
        }
    }

    @Test
    void theDemoUsersSeeTheirOwnPartner() {
        TestHttp partnerAdmin = TestHttp.localPort(port)
                .as(TestJwt.partner("partner-admin", DemoPartners.PARTNER_A.toString(), Roles.PARTNER_ADMIN));
        TestHttp.Response own = partnerAdmin.get("/api/onboarding/partners/" + DemoPartners.PARTNER_A);
        assertThat(own.status()).isEqualTo(200);
        JsonNode partner = own.json();
        assertThat(partner.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(partner.get("businessModel").asString()).isEqualTo("SELL_THROUGH");

        TestHttp partnerAdminB = TestHttp.localPort(port)
                .as(TestJwt.partner("partner-admin-b", DemoPartners.PARTNER_B.toString(), Roles.PARTNER_ADMIN));
        assertThat(partnerAdminB.get("/api/onboarding/partners/" + DemoPartners.PARTNER_B).status()).isEqualTo(200);
        assertThat(partnerAdminB.get("/api/onboarding/partners/" + DemoPartners.PARTNER_A).status()).isEqualTo(404);
    }
}
