package io.accord.systemtests;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.accord.demo.FirstLogin;
import io.accord.launcher.Platform;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issue's two browser journeys through the self-care portal, in Chromium, on the platform the system tests start
 * ({@link SharedPlatform}): a partner applies (no account), a partner manager approves the application, the partner
 * follows the e-mail link from the development mailbox, sets a password and logs in, imports a catalog and submits
 * it, the partner manager approves the offering, usage arrives on the partner's dashboard, ops recycle suspense,
 * finance approves a statement with four eyes and issues it, the partner downloads it and opens a dispute, finance
 * works and resolves it with the partner's acceptance. One test per step, in order: each builds on the ones before.
 * Setup that is no part of either journey (an order, sending usage, closing the period, the settlement run) goes
 * through the gateway's APIs. A failed step leaves a screenshot in {@code target/playwright/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class PortalJourneySystemTests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final String SETTLEMENT = "/api/settlement";

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String legalName = "Journey " + run + " Integrations GmbH";
    private final String adminEmail = "admin." + run + "@journey.example";
    private final String password = "Journey-" + run + "-Passw0rd!";
    private final String offeringName = "Journey Video " + run;
    private final String source = "portal-journey-" + run;
    private final String customer = "journey-" + run + "-customer";

    private Platform platform;
    private Keycloak keycloak;
    private TestHttp gateway;
    private String portal;
    private PortalBrowser browser;
    private BrowserContext partnerContext;
    private Page partner;

    private String partnerId;
    private String statementId;
    private String disputeUrl;

    @BeforeAll
    void start(SharedPlatform.Running running) {
        platform = running.platform;
        keycloak = running.keycloak;
        gateway = new TestHttp(platform.gatewayUrl());
        portal = platform.portalUrl();
        browser = PortalBrowser.launch(Path.of("target", "playwright"));
        partnerContext = browser.newContext();
        partner = partnerContext.newPage();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            partnerContext.close();
            browser.close();
        }
    }

    // ------------------------------------------------------------------------------------------ partner: apply

    @Test
    @Order(1)
    void partnerAppliesWithoutAnAccountAndAttachesItsDocuments() {
        browser.step(partner, "partner-apply", () -> {
            partner.navigate(portal + "/apply");
            assertThat(partner.url()).as("the wizard needs no login").startsWith(portal + "/apply");
            partner.locator("#legalName").fill(legalName);
            partner.locator("#tradingName").fill("Journey " + run);
            // an enterprise integrator is not approved zero-touch: a partner manager decides
            partner.locator("#partnerType").selectOption("ENTERPRISE_INTEGRATOR");
            partner.locator("#businessModel").selectOption("SELL_THROUGH");
            partner.locator("#country").fill("DE");
            partner.locator("#taxId").fill(germanVatId());
            partner.locator("#street1").fill("Friedrichstraße 68");
            partner.locator("#postCode").fill("10117");
            partner.locator("#city").fill("Berlin");
            partner.locator("#commercialName").fill("Anna Schmidt");
            partner.locator("#commercialEmail").fill(adminEmail);
            partner.locator("#technicalName").fill("Jonas Weber");
            partner.locator("#technicalEmail").fill("noc." + run + "@journey.example");
            partner.locator("#billingName").fill("Lea Fischer");
            partner.locator("#billingEmail").fill("billing." + run + "@journey.example");
            partner.locator("#iban").fill(PlatformSystemTests.ownIban());
            partner.locator("#settlementCurrency").fill("EUR");
            partner.getByText("Create application").click();
            partner.waitForURL(url -> url.matches(".*/apply/[0-9a-f-]{36}$"));
            assertThat(partner.locator("[data-testid=tracking-secret]").textContent()).contains("Tracking secret");
            assertThat(partner.locator("[data-testid=application-status]").textContent()).isEqualTo("Draft");
        });
        browser.step(partner, "partner-documents-and-submission", () -> {
            for (String type : List.of("TAX_FORM", "BANK_PROOF")) {
                partner.locator("#documentType").selectOption(type);
                partner.locator("#file").setInputFiles(new FilePayload(type.toLowerCase() + ".pdf",
                        "application/pdf", PDF));
                partner.locator("form.upload button[type=submit]").click();
                partner.waitForLoadState();
                assertThat(partner.locator("[role=status]").first().textContent()).contains("Document attached");
            }
            partner.getByText("Submit the application").click();
            partner.waitForLoadState();
            assertThat(partner.locator("[data-testid=application-status]").textContent()).isEqualTo("In review");
            assertThat(partner.locator("main").textContent()).contains("a partner manager reviews it");
        });
    }

    // ---------------------------------------------------------------------- staff: approve the application

    @Test
    @Order(2)
    void staffApprovesTheApplicationInTheReviewQueue() {
        staff("partner-manager", "staff-approve-application", page -> {
            page.navigate(portal + "/review");
            page.locator("button[aria-label='Approve " + legalName + "']").click();
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(page.locator("tr:has-text('" + legalName
                    + "')").textContent()).contains("Approved"));
        });
        browser.step(partner, "partner-sees-approval", () -> {
            partner.reload();
            assertThat(partner.locator("[data-testid=application-status]").textContent()).isEqualTo("Approved");
        });
    }

    // ------------------------------------------------------------------ partner: the e-mail link, first login

    @Test
    @Order(3)
    void partnerFollowsTheEmailLinkSetsAPasswordAndLogsIntoThePortal() {
        String message = firstLoginEmail();
        browser.step(partner, "partner-first-login", () -> {
            partner.navigate(FirstLogin.actionLink(message));
            // Keycloak's pages: proceed, choose the password, back to the application (the portal), its login
            for (int i = 0; i < 10 && !partner.url().startsWith(portal + "/dashboard"); i++) {
                if (partner.locator("#password-new").count() > 0) {
                    partner.locator("#password-new").fill(password);
                    partner.locator("#password-confirm").fill(password);
                    partner.locator("form [type=submit]").first().click();
                } else if (partner.locator("#username").count() > 0) {
                    partner.locator("#username").fill(adminEmail);
                    partner.locator("#password").fill(password);
                    partner.locator("#kc-login").click();
                } else if (partner.locator("a[href*='login-actions/action-token']").count() > 0) {
                    partner.locator("a[href*='login-actions/action-token']").first().click();
                } else if (partner.locator("a[href^='" + portal + "']").count() > 0) {
                    // "Back to application": the link of the e-mail ends in the portal
                    partner.locator("a[href^='" + portal + "']").first().click();
                } else {
                    throw new AssertionError("unexpected page " + partner.url() + ": "
                            + partner.locator("body").textContent());
                }
                partner.waitForLoadState();
            }
            partner.waitForURL(portal + "/dashboard");
            partnerId = Keycloak.claims(keycloak.token(adminEmail, password)).get("partner_id").asString();
            // the partner by its name, its id in the title
            assertThat(partner.locator("header").textContent()).contains(legalName);
            assertThat(partner.locator("header [data-testid=partner-name]").getAttribute("title")).isEqualTo(partnerId);
        });
    }

    // ------------------------------------------------------------------------ partner: import, submit

    @Test
    @Order(4)
    void partnerImportsACatalogFileAndSubmitsItsOfferingForReview() {
        awaitPartnerActiveInCatalog();
        String csv = "externalId,name,description,category,kind,salesChannels,partnerActivation,priceExternalId,"
                + "priceName,priceType,amount,currency,taxCategory,unit,usageTypes,priceValidFrom\n"
                + "journey-video-" + run + "," + offeringName + ",Pay per view,VIDEO,SINGLE,ONLINE,false,views,"
                + "Pay-per-view,USAGE,0.50,EUR,STANDARD,EVENT,CONTENT_VIEW,2026-01-01\n";
        browser.step(partner, "partner-catalog-import", () -> {
            partner.navigate(portal + "/catalog");
            partner.locator("#catalog-file").setInputFiles(new FilePayload("journey.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8)));
            partner.getByText("Upload and import").click();
            partner.waitForURL(url -> url.contains("/catalog/imports/"));
            // the page polls the running job itself (htmx) until it is done
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                    partner.locator("[data-testid=import-status]").textContent()).isEqualTo("Succeeded"));
            assertThat(partner.locator("tr[data-outcome]").textContent()).contains("journey-video-" + run, "Created");
        });
        browser.step(partner, "partner-submits-offering", () -> {
            partner.navigate(portal + "/catalog");
            partner.locator("button[aria-label='Submit " + offeringName + " for review']").click();
            partner.waitForLoadState();
            assertThat(partner.locator("[role=status]").first().textContent()).contains(offeringName, "In review");
        });
    }

    // --------------------------------------------------------------------------- staff: approve the offering

    @Test
    @Order(5)
    void staffApprovesAndLaunchesTheOffering() {
        staff("partner-manager", "staff-approve-offering", page -> {
            page.navigate(portal + "/offering-review");
            page.locator("button[aria-label='Approve " + offeringName + "']").click();
            // htmx swaps the decided row in place: its badge shows the offering's new status
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                    page.locator("tr:has-text('" + offeringName + "') .badge").first().textContent())
                    .contains("Launched"));
        });
    }

    // ------------------------------------------------------------------------- partner: usage arrives

    @Test
    @Order(6)
    void partnerSeesItsUsageArriveOnTheDashboard() {
        String offering = offeringId();
        orderFor(customer, offering);
        TestHttp ops = gateway.as(keycloak.token("ops"));
        // rating rates with a snapshot of its read models: the product, the price and the agreement must be in it
        await().atMost(EVENTUALLY).until(() -> ops.get("/api/rating/model/products?subscriber=" + customer)
                .json().size() > 0 && ops.get("/api/rating/model/prices?offeringId=" + offering).json().size() > 0
                && ops.get("/api/rating/model/agreements?partnerId=" + partnerId).json().size() > 0);
        await().atMost(EVENTUALLY).until(() -> {
            JsonNode model = ops.get("/api/rating/model").json();
            return model.get("revision").asLong() >= model.get("latestRevision").asLong();
        });
        StringBuilder batch = new StringBuilder("[");
        for (int i = 1; i <= 5; i++) {
            batch.append(usage(source + "-" + i, customer)).append(',');
        }
        // one record of a subscriber rating does not know: it waits in suspense
        batch.append(usage(source + "-unknown", "journey-" + run + "-nobody")).append(']');
        TestHttp.Response sent = ops.post("/tmf-api/usageManagement/v4/usage/batch", batch.toString());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("rated").asInt()).as(sent.body()).isEqualTo(5);

        browser.step(partner, "partner-dashboard-usage", () -> {
            partner.navigate(portal + "/dashboard");
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                partner.reload();
                assertThat(partner.locator("[data-testid=records]").textContent().strip()).isEqualTo("5");
            });
        });
    }

    // ------------------------------------------------------------------------------- staff: recycle suspense

    @Test
    @Order(7)
    void staffRecyclesSuspendedUsage() {
        staff("ops", "staff-recycle-suspense", page -> {
            page.navigate(portal + "/suspense");
            page.locator("#recycle-reason").selectOption("NO_PRODUCT_INSTANCE");
            page.locator("#recycle-source").selectOption(source);
            page.locator("#recycle-submit").click();
            page.waitForLoadState();
            // the subscriber is still unknown: rating tried again and kept it, with its reason
            assertThat(page.locator("[data-testid=notice]").textContent())
                    .contains("0 records recycled", "1 still in suspense");
        });
    }

    // ------------------------------------------------------------- staff: approve a statement (four eyes)

    @Test
    @Order(8)
    void financeApprovesTheStatementWithFourEyesAndIssuesIt() {
        statementId = closePeriodAndRunSettlement();
        String approve = "button[aria-label='Approve statement " + statementId.substring(0, 8) + "']";
        staff("finance", "staff-preparer-refused", page -> {
            page.navigate(portal + "/statements?state=DRAFT");
            page.locator(approve).click();
            page.waitForLoadState();
            assertThat(page.locator("[role=alert]").first().textContent()).contains("four eyes");
        });
        staff("finance-b", "staff-approve-and-issue-statement", page -> {
            page.navigate(portal + "/statements?state=DRAFT");
            page.locator(approve).click();
            page.waitForLoadState();
            assertThat(page.locator("[role=status]").first().textContent()).contains("approved");
            page.navigate(portal + "/statements?state=APPROVED");
            // issuing cannot be undone: the browser asks first (data-confirm), and the answer is yes
            AtomicReference<String> asked = new AtomicReference<>();
            page.onceDialog(dialog -> {
                asked.set(dialog.message());
                dialog.accept();
            });
            page.locator("button[aria-label='Issue statement " + statementId.substring(0, 8) + "']").click();
            page.waitForLoadState();
            assertThat(asked.get()).contains("Issue statement " + statementId.substring(0, 8));
            assertThat(page.locator("[role=status]").first().textContent()).contains("issued");
        });
    }

    // -------------------------------------------------------- partner: download the statement, open a dispute

    @Test
    @Order(9)
    void partnerDownloadsTheStatementAndOpensADisputeWithEvidence() throws Exception {
        browser.step(partner, "partner-download-statement", () -> {
            partner.navigate(portal + "/statements");
            Download download = partner.waitForDownload(() ->
                    partner.locator("a[href='/statements/" + statementId + "/document']").click());
            try {
                assertThat(new String(Files.readAllBytes(download.path()), StandardCharsets.ISO_8859_1))
                        .startsWith("%PDF");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        browser.step(partner, "partner-open-dispute", () -> {
            // dispute-service learns the issued statement from settlement's event: until then it is unknown (422)
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                partner.navigate(portal + "/disputes/new?statementId=" + statementId);
                // the first line, disputed for 0.10 (the form starts it at the line's amount)
                partner.locator("#line-1").check();
                partner.locator("[name='lineAmount-" + statementId + "-1']").fill("0.10");
                partner.locator("#category").selectOption("RATE");
                partner.locator("#description").fill("Views of " + offeringName + " were rated twice");
                partner.getByText("Open the dispute").click();
                partner.waitForLoadState();
                assertThat(partner.url()).matches(".*/disputes/[0-9a-f-]{36}$");
            });
            disputeUrl = partner.url();
            assertThat(partner.locator("[data-testid=dispute-status]").textContent()).isEqualTo("Open");
            partner.locator("#comment").fill("Our CDR extract is attached.");
            partner.getByText("Add comment").click();
            partner.waitForLoadState();
            partner.locator("#evidence-file").setInputFiles(new FilePayload("cdrs.pdf", "application/pdf", PDF));
            partner.locator("#evidence-name").fill("CDR extract");
            partner.getByText("Upload evidence").click();
            partner.waitForLoadState();
            assertThat(partner.locator("main").textContent()).contains("Our CDR extract is attached.",
                    "CDR extract");
        });
    }

    // ------------------------------------------------------------------------------ staff: resolve the dispute

    @Test
    @Order(10)
    void financeWorksTheDisputeFromItsQueueAndThePartnerAcceptsTheResolution() {
        String dispute = disputeUrl.substring(disputeUrl.lastIndexOf('/') + 1);
        staff("finance", "staff-dispute-proposal", page -> {
            page.navigate(portal + "/disputes");
            assertThat(page.locator("tr[data-dispute='" + dispute + "']").textContent()).contains("First response");
            page.locator("tr[data-dispute='" + dispute + "'] a").click();
            page.getByText("Take into review").click();
            page.waitForLoadState();
            assertThat(page.locator("[data-testid=dispute-status]").textContent()).isEqualTo("In review");
            page.locator("#proposal-amount").fill("0.10");
            page.locator("#proposal-reason").fill("Duplicate views credited");
            page.getByText("Propose the resolution").click();
            page.waitForLoadState();
            assertThat(page.locator("[data-testid=dispute-status]").textContent()).isEqualTo("Resolution proposed");
        });
        browser.step(partner, "partner-accepts-resolution", () -> {
            partner.navigate(disputeUrl);
            assertThat(partner.locator("[data-testid=proposal]").textContent()).contains("0.10");
            partner.getByText("Accept the proposal").click();
            partner.waitForLoadState();
            assertThat(partner.locator("[data-testid=dispute-status]").textContent()).isIn("Resolved", "Accepted");
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private interface PageStep {
        void run(Page page);
    }

    /** A staff member's own browser profile: Keycloak's login page, then the step. */
    private void staff(String username, String name, PageStep step) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            browser.step(page, name, () -> {
                PortalBrowser.logIn(page, portal, platform.keycloakUrl(), username, username + "-dev");
                step.run(page);
            });
        }
    }

    private String firstLoginEmail() {
        TestHttp mailbox = new TestHttp(platform.mailApiUrl());
        String path = platform.mailboxUrl(adminEmail).substring(platform.mailApiUrl().length());
        return await().atMost(EVENTUALLY).until(() -> {
            TestHttp.Response messages = mailbox.get(path);
            return messages.status() == 200 && messages.json().size() > 0
                    ? messages.json().get(0).get("mimeMessage").asString() : null;
        }, java.util.Objects::nonNull);
    }

    /** Importing needs the partner ACTIVE in catalog's read model (partner.events.v1). */
    private void awaitPartnerActiveInCatalog() {
        await().atMost(EVENTUALLY).until(() -> {
            try (var connection = java.sql.DriverManager.getConnection(platform.jdbcUrl("catalog"),
                    platform.databaseUser(), platform.databasePassword());
                 var query = connection.prepareStatement("select status from partner_view where id = cast(? as uuid)")) {
                query.setString(1, partnerId);
                try (var result = query.executeQuery()) {
                    return result.next() && "ACTIVE".equals(result.getString(1));
                }
            }
        });
    }

    private String offeringId() {
        JsonNode found = gateway.as(keycloak.token(adminEmail, password))
                .get("/tmf-api/productCatalogManagement/v4/productOffering?externalId=journey-video-" + run).json();
        assertThat(found.size()).as(found.toString()).isEqualTo(1);
        return found.get(0).get("id").asString();
    }

    private void orderFor(String subscriber, String offering) {
        TestHttp manager = gateway.as(keycloak.token("partner-manager"));
        String body = """
                {"externalId": "%s", "relatedParty": [{"id": "%s", "role": "Customer"},
                 {"id": "ONLINE", "role": "SalesChannel"}],
                 "productOrderItem": [{"id": "1", "action": "add", "quantity": 1,
                   "productOffering": {"id": "%s"}}]}""".formatted(subscriber, subscriber, offering);
        // orchestration learns the launch from catalog.events.v1: until then the offering is unknown (400)
        String order = await().atMost(EVENTUALLY).until(() -> {
            TestHttp.Response answer = manager.post("/tmf-api/productOrderingManagement/v4/productOrder", body);
            return answer.status() == 201 ? answer.json().get("id").asString() : null;
        }, java.util.Objects::nonNull);
        await().atMost(EVENTUALLY).until(() -> "completed".equals(manager
                .get("/tmf-api/productOrderingManagement/v4/productOrder/" + order).json().get("state").asString()));
    }

    private String usage(String usageId, String subscriber) {
        return """
                {"usageDate": "%s", "usageType": "CONTENT_VIEW", "usageCharacteristic": [
                  {"name": "usageId", "value": "%s"}, {"name": "source", "value": "%s"},
                  {"name": "subscriberId", "value": "%s"}, {"name": "quantity", "value": "1"},
                  {"name": "unit", "value": "EVENT"}]}""".formatted(Instant.now(), // not truncated: the product
                // instance started a moment ago, within this second
                usageId, source, subscriber);
    }

    /** Finance closes the partner's period early once settlement summed its usage, and runs it: a DRAFT statement. */
    private String closePeriodAndRunSettlement() {
        TestHttp finance = gateway.as(keycloak.token("finance"));
        TestHttp ops = gateway.as(keycloak.token("ops"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BigDecimal rated = BigDecimal.ZERO;
        for (JsonNode row : ops.get("/api/rating/rollups?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&groupBy=partner").json().path("rows")) {
            if (partnerId.equals(row.path("partnerId").asString(null))) {
                rated = rated.add(new BigDecimal(row.path("partnerShare").asString("0")))
                        .add(new BigDecimal(row.path("wholesale").asString("0")));
            }
        }
        BigDecimal expected = rated;
        assertThat(expected.signum()).as("the partner's rated share").isNotZero();
        await().atMost(EVENTUALLY).until(() -> {
            BigDecimal summed = BigDecimal.ZERO;
            for (JsonNode row : finance.get(SETTLEMENT + "/conservation?from=" + today.minusDays(1) + "&to=" + today
                    + "&partnerId=" + partnerId).json().path("amounts")) {
                summed = summed.add(new BigDecimal(row.path("rated").asString("0")));
            }
            return summed.abs().compareTo(expected.abs()) == 0;
        });
        String period = await().atMost(EVENTUALLY).until(() -> {
            JsonNode periods = finance.get(SETTLEMENT + "/periods?state=OPEN&at=now&partnerId=" + partnerId).json();
            return periods.size() > 0 ? periods.get(0).get("id").asString() : null;
        }, java.util.Objects::nonNull);
        TestHttp.Response closed = finance.post(SETTLEMENT + "/periods/" + period + "/early-close",
                "{\"reason\": \"portal journey " + run + "\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        TestHttp.Response started = finance.post(SETTLEMENT + "/runs", "{\"partnerIds\": [\"" + partnerId + "\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        await().atMost(EVENTUALLY).until(() -> !"RUNNING".equals(finance.get(location).json().get("state")
                .asString()));
        JsonNode statements = finance.get(SETTLEMENT + "/statements?partnerId=" + partnerId + "&periodId=" + period)
                .json();
        assertThat(statements.size()).as(statements.toString()).isEqualTo(1);
        assertThat(statements.get(0).get("state").asString()).isEqualTo("DRAFT");
        return statements.get(0).get("id").asString();
    }

    /** A valid German VAT number (ISO 7064 MOD 11,10), new every run so duplicate detection finds none. */
    private static String germanVatId() {
        Random random = new Random();
        List<Integer> digits = new ArrayList<>(List.of(1 + random.nextInt(9)));
        for (int i = 0; i < 7; i++) {
            digits.add(random.nextInt(10));
        }
        int product = 10;
        for (int digit : digits) {
            int sum = (digit + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        StringBuilder vat = new StringBuilder("DE");
        digits.forEach(vat::append);
        return vat.append(check == 10 ? 0 : check).toString();
    }
}
