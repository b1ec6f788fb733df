package io.accord.systemtests;

import io.accord.launcher.ComponentState;
import io.accord.launcher.Platform;
import io.accord.launcher.PlatformConfig;
import io.accord.launcher.PlatformListener;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as a user meets it: started by the launcher code (real PostgreSQL, Kafka, Keycloak, six
 * services, the gateway), driven through the gateway with tokens from Keycloak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformSystemTests {

    /** Beside a running {@code ./accord up}: every port shifted by this much. */
    private static final int PORT_OFFSET = 1000;
    private static final String PARTNER_OF_DEMO_ADMIN = "11111111-1111-4111-8111-111111111111";

    private Platform platform;
    private Keycloak keycloak;
    private TestHttp gateway;

    @BeforeAll
    void startPlatform() {
        Path root = Path.of(System.getProperty("accord.root", "..")).toAbsolutePath().normalize();
        PlatformConfig config = PlatformConfig.defaults(root)
                .withWorkDirectory(root.resolve("system-tests/target/platform"))
                .withPortOffset(PORT_OFFSET);
        platform = Platform.start(config, new PlatformListener() {
            @Override
            public void healthy(ComponentState component, Duration elapsed) {
                System.out.println(component + " healthy after " + elapsed.toSeconds() + " s");
            }
        });
        keycloak = new Keycloak(platform.keycloakUrl());
        gateway = new TestHttp(platform.gatewayUrl());
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aPartnerCreatedThroughTheGatewayReachesCatalogsReadModel() throws Exception {
        String manager = keycloak.token("partner-manager");
        String correlationId = "system-" + UUID.randomUUID();

        TestHttp.Response created = gateway.as(manager).header("X-Correlation-Id", correlationId)
                .post("/api/onboarding/partners", """
                        {"legalName":"System Test Media AG","partnerType":"OTT_CONTENT",
                         "businessModel":"SELL_THROUGH","country":"CH","settlementCurrency":"CHF"}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("X-Correlation-Id")).isEqualTo(correlationId);
        String partnerId = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(catalogPartnerStatus(partnerId)).isEqualTo("ACTIVE"));

        TestHttp.Response offering = gateway.as(manager).post(
                "/tmf-api/productCatalogManagement/v4/productOffering", """
                        {"name":"Stream Pass","relatedParty":[{"id":"%s","role":"Partner"}]}""".formatted(partnerId));
        assertThat(offering.status()).as(offering.body()).isEqualTo(201);
    }

    @Test
    void keycloakTokensCarryRolesAndThePartnerId() {
        var claims = Keycloak.claims(keycloak.token("partner-admin"));

        assertThat(claims.get("partner_id").asString()).isEqualTo(PARTNER_OF_DEMO_ADMIN);
        assertThat(claims.get("realm_access").get("roles").toString()).contains("partner-admin");
    }

    @Test
    void securityHoldsThroughTheGateway() {
        String manager = keycloak.token("partner-manager");
        String otherPartner = gateway.as(manager).post("/api/onboarding/partners", """
                {"legalName":"Someone Else Ltd","partnerType":"MVNO","businessModel":"RESELL",
                 "country":"GB","settlementCurrency":"GBP"}""").json().get("id").asString();
        TestHttp partnerAdmin = gateway.as(keycloak.token("partner-admin"));

        TestHttp.Response anonymous = gateway.get("/api/onboarding/partners");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(partnerAdmin.post("/api/onboarding/partners", "{}").status()).isEqualTo(403);
        TestHttp.Response foreign = partnerAdmin.get("/api/onboarding/partners/" + otherPartner);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Someone Else");
        assertThat(partnerAdmin.get("/api/onboarding/partners").header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void badInputIsAProblemThroughTheGatewayAndAuditedChangesNameTheirActor() {
        TestHttp manager = gateway.as(keycloak.token("partner-manager"));
        TestHttp.Response invalid = manager.post("/api/onboarding/partners", "{\"legalName\":\"Only A Name\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("violations").size()).isEqualTo(4);

        String correlationId = "audit-" + UUID.randomUUID();
        String id = manager.header("X-Correlation-Id", correlationId).post("/api/onboarding/partners", """
                {"legalName":"Audit Trail Oy","partnerType":"IOT","businessModel":"CO_CREATE",
                 "country":"FI","settlementCurrency":"EUR"}""").json().get("id").asString();
        var trail = gateway.as(keycloak.token("auditor")).get("/api/onboarding/audit?resourceId=" + id);

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.json().get(0).get("actor").asString()).isEqualTo("partner-manager");
        assertThat(trail.json().get(0).get("correlationId").asString()).isEqualTo(correlationId);
    }

    private String catalogPartnerStatus(String partnerId) throws Exception {
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl("catalog"),
                platform.databaseUser(), platform.databasePassword());
             PreparedStatement query = connection.prepareStatement(
                     "select status from partner_view where id = cast(? as uuid)")) {
            query.setString(1, partnerId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
