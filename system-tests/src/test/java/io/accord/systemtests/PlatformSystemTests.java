package io.accord.systemtests;

import io.accord.launcher.Platform;
import io.accord.demo.FirstLogin;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * services, the gateway; one per JVM, {@link SharedPlatform}), driven through the gateway with tokens from Keycloak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.class)
class PlatformSystemTests {

    private static final String PARTNER_OF_DEMO_ADMIN = "11111111-1111-4111-8111-111111111111";

    private Platform platform;
    private Keycloak keycloak;
    private TestHttp gateway;

    @BeforeAll
    void usePlatform(SharedPlatform.Running running) {
        platform = running.platform;
        keycloak = running.keycloak;
        gateway = new TestHttp(platform.gatewayUrl());
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

        TestHttp.Response specification = gateway.as(manager).post(
                "/tmf-api/productCatalogManagement/v4/productSpecification", """
                        {"name":"Stream Pass video","relatedParty":[{"id":"%s","role":"Owner"}]}"""
                        .formatted(partnerId));
        assertThat(specification.status()).as(specification.body()).isEqualTo(201);
        TestHttp.Response offering = gateway.as(manager).post(
                "/tmf-api/productCatalogManagement/v4/productOffering", """
                        {"name":"Stream Pass","category":[{"id":"0a1e0000-0000-4000-8000-000000000001"}],
                         "productSpecification":{"id":"%s"},"relatedParty":[{"id":"%s","role":"Owner"}]}"""
                        .formatted(specification.json().get("id").asString(), partnerId));
        assertThat(offering.status()).as(offering.body()).isEqualTo(201);
        assertThat(offering.json().get("lifecycleStatus").asString()).isEqualTo("In study");
    }

    /**
     * The self-care portal in Chromium: Keycloak's real login page, then the partner's dashboard with figures read
     * through the gateway; the browser holds only the HttpOnly session cookie. A staff login gets the review queue.
     * Failed steps leave screenshots in {@code target/playwright/}.
     */
    @Test
    void aPartnerLogsIntoThePortalAtKeycloakAndSeesItsDashboard() {
        String portal = platform.portalUrl();
        try (PortalBrowser browser = PortalBrowser.launch(Path.of("target", "playwright"));
             var context = browser.newContext()) {
            var page = context.newPage();
            browser.step(page, "partner-login", () -> PortalBrowser.logIn(page, portal, platform.keycloakUrl(),
                    "partner-admin", "partner-admin-dev"));
            browser.step(page, "partner-dashboard", () -> {
                assertThat(page.url()).isEqualTo(portal + "/dashboard");
                assertThat(page.locator("h1").textContent()).isEqualTo("Dashboard");
                assertThat(page.locator("[data-testid=open-disputes]").textContent()).matches("\\d+");
                assertThat(page.locator("[data-testid=statements-due]").textContent()).matches("\\d+");
                assertThat(page.locator("nav.main-nav").textContent()).contains("Catalog", "Statements")
                        .doesNotContain("Review queue", "Suspense");
                // the partner by its name, its id in the title
                assertThat(page.locator("header [data-testid=partner-name]").getAttribute("title"))
                        .isEqualTo(PARTNER_OF_DEMO_ADMIN);
            });
            browser.step(page, "partner-session-cookie", () -> {
                // Keycloak's own cookies (its SSO session) are scoped to /realms/accord/, never sent to the portal
                var cookies = context.cookies(portal).stream().filter(cookie -> !cookie.path.startsWith("/realms/"))
                        .toList();
                assertThat(cookies).as("the browser holds no token, only the session cookie").singleElement()
                        .satisfies(cookie -> {
                            assertThat(cookie.name).isEqualTo("ACCORD_PORTAL_SESSION");
                            assertThat(cookie.httpOnly).isTrue();
                            assertThat(cookie.sameSite).hasToString("LAX");
                        });
                // no token in the page's storage: only the session timeout warning's time of the last request
                // (portal.js, shared by the portal's tabs), a number
                assertThat(page.evaluate("() => sessionStorage.length")).isEqualTo(0);
                assertThat(page.evaluate("() => Object.keys(localStorage)"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsOnly("accord.portal.lastRequest");
                assertThat((String) page.evaluate("() => localStorage.getItem('accord.portal.lastRequest')"))
                        .matches("\\d+");
            });
            browser.step(page, "partner-catalog-and-statements", () -> {
                page.locator("nav.main-nav").getByText("Catalog").click();
                page.waitForURL(portal + "/catalog");
                assertThat(page.locator("h1").textContent()).isEqualTo("Catalog");
                page.locator("nav.main-nav").getByText("Statements").click();
                page.waitForURL(portal + "/statements");
                assertThat(page.locator("h1").textContent()).isEqualTo("Statements");
            });
        }
        try (PortalBrowser browser = PortalBrowser.launch(Path.of("target", "playwright"));
             var context = browser.newContext()) {
            var page = context.newPage();
            browser.step(page, "staff-review-queue", () -> {
                PortalBrowser.logIn(page, portal, platform.keycloakUrl(), "partner-manager", "partner-manager-dev");
                assertThat(page.url()).isEqualTo(portal + "/review");
                assertThat(page.locator("h1").textContent()).isEqualTo("Review queue");
                assertThat(page.locator("nav.main-nav").textContent()).doesNotContain("Dashboard");
            });
        }
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
        // the launcher seeds the demo partner of this user: it sees that one, and only that one
        TestHttp.Response own = partnerAdmin.get("/api/onboarding/partners");
        assertThat(own.header("X-Total-Count")).isEqualTo("1");
        assertThat(own.body()).contains(PARTNER_OF_DEMO_ADMIN).doesNotContain(otherPartner);
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

        TestHttp.Response acrossServices = gateway.as(keycloak.token("auditor")).get("/api/audit?partnerId=" + id);
        assertThat(acrossServices.status()).isEqualTo(200);
        assertThat(acrossServices.header("X-Partial-Result")).as("every service answered").isNull();
        assertThat(acrossServices.json().get(0).get("service").asString()).isEqualTo("onboarding");
        assertThat(acrossServices.json().get(0).get("resourceId").asString()).isEqualTo(id);

        // every service runs as its runtime role and its audit hash chain is whole
        assertThat(trail.json().get(0).get("actorId").asString()).as("the token's subject").isNotBlank();
        TestHttp.Response verification = gateway.as(keycloak.token("auditor")).get("/api/audit/verification");
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("verified").asBoolean()).as(verification.body()).isTrue();
        assertThat(verification.json().get("services").size()).isEqualTo(6);
    }

    @Test
    void aCleanApplicationBecomesAnActivePartnerWhoseAdminLogsIn() {
        String email = "admin." + UUID.randomUUID().toString().substring(0, 8) + "@streamly.example";
        TestHttp.Response applied = gateway.post("/api/onboarding/applications", """
                {"legalName": "Streamly System %s GmbH", "tradingName": "Streamly", "partnerType": "OTT_CONTENT",
                 "businessModel": "SELL_THROUGH", "country": "DE", "taxId": "DE136695976",
                 "registeredAddress": {"street1": "Friedrichstraße 68", "city": "Berlin", "postCode": "10117"},
                 "contacts": {"commercial": {"name": "Anna Schmidt", "email": "%s"},
                              "billing": {"name": "Lea Fischer", "email": "billing@streamly.example"}},
                 "bankAccount": {"iban": "%s", "bic": "COBADEFFXXX"},
                 "settlementCurrency": "EUR"}""".formatted(UUID.randomUUID().toString().substring(0, 6), email,
                ownIban()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String application = "/api/onboarding/applications/" + applied.json().get("id").asString();
        TestHttp applicant = gateway.header("X-Tracking-Secret", applied.json().get("trackingSecret").asString());
        for (String type : new String[] {"TAX_FORM", "BANK_PROOF"}) {
            assertThat(applicant.postMultipart(application + "/documents", new TestMultipart()
                    .field("documentType", type)
                    .file("file", type + ".pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes())).status())
                    .isEqualTo(201);
        }

        TestHttp.Response submitted = applicant.post(application + "/submission", null);

        assertThat(submitted.json().get("status").asString()).as(submitted.body()).isEqualTo("APPROVED");
        String partnerId = submitted.json().get("partnerId").asString();
        TestHttp staff = gateway.as(keycloak.token("partner-manager"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(staff
                .get("/api/onboarding/partners/" + partnerId + "/identity").json().get("state").asString())
                .isEqualTo("DONE"));
        assertThat(keycloak.usersNamed(email)).isEqualTo(1);

        // the admin's first login: the e-mail Keycloak sent to the dev mail sink, its link, a new password
        String message = firstLoginEmail(email);
        FirstLogin.setPassword(FirstLogin.actionLink(message), "Chosen-Passw0rd!");
        String adminToken = keycloak.token(email, "Chosen-Passw0rd!");
        assertThat(Keycloak.claims(adminToken).get("partner_id").asString()).isEqualTo(partnerId);
        TestHttp partnerAdmin = gateway.as(adminToken);
        TestHttp.Response own = partnerAdmin.get("/api/onboarding/partners/" + partnerId);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("status").asString()).isEqualTo("ACTIVE");
        String other = staff.post("/api/onboarding/partners", """
                {"legalName":"Not Yours Ltd","partnerType":"MVNO","businessModel":"RESELL",
                 "country":"GB","settlementCurrency":"GBP"}""").json().get("id").asString();
        assertThat(partnerAdmin.get("/api/onboarding/partners/" + other).status()).isEqualTo(404);
        assertThat(partnerAdmin.get("/tmf-api/agreementManagement/v4/agreement").header("X-Total-Count"))
                .isEqualTo("1");
    }

    /** The one message in the address's mailbox at the mail sink, read over GreenMail's REST API. */
    private String firstLoginEmail(String email) {
        TestHttp mailbox = new TestHttp(platform.mailApiUrl());
        String path = platform.mailboxUrl(email).substring(platform.mailApiUrl().length());
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            TestHttp.Response messages = mailbox.get(path);
            return messages.status() == 200 && messages.json().size() == 1
                    ? messages.json().get(0).get("mimeMessage").asString() : null;
        }, java.util.Objects::nonNull);
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

    /** An IBAN of this test's own: one another partner already holds sends the application to review. */
    static String ownIban() {
        String account = String.format("%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                10_000_000_000L));
        return io.accord.demo.ConceptToCash.iban("DE", "37040044" + account);
    }
}
