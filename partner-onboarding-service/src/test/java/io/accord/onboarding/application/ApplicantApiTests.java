package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.onboarding.application.Applicants.APPLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** The edges of the application API: bad input, wrong secrets and roles, KPIs. */
@AccordServiceTest
class ApplicantApiTests {

    private static final String REVIEW = "/api/onboarding/admin/applications";

    @LocalServerPort
    int port;

    private TestHttp anonymous;
    private TestHttp manager;

    @BeforeEach
    void clients() {
        anonymous = TestHttp.localPort(port);
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
    }

    @Test
    void malformedApplicationsAreRefusedNamingTheFieldsAndNothingIsStored() {
        long before = total();

        TestHttp.Response missing = anonymous.post(APPLICATIONS, "{\"legalName\":\"Half Filled Ltd\"}");
        TestHttp.Response wrongType = anonymous.post(APPLICATIONS, Applicants.cleanOtt("Wrong Type Ltd", "DE1")
                .replace("\"OTT_CONTENT\"", "\"SPACESHIP\""));
        TestHttp.Response badEmail = anonymous.post(APPLICATIONS, Applicants.cleanOtt("Bad Mail Ltd", "DE1")
                .replace("anna.", "not an email "));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).contains("partnerType", "businessModel", "country", "contacts",
                "settlementCurrency");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("OTT_CONTENT");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(fields(badEmail)).containsExactly("contacts.commercial.email");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void anApplicationIsOnlyVisibleWithItsTrackingSecret() {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName("Secretive Media"), Applicants.uniqueGermanVat()));

        assertThat(draft.get(anonymous).status()).isEqualTo(200);
        assertThat(anonymous.header("X-Tracking-Secret", "guess").get(APPLICATIONS + "/" + draft.id()).status())
                .isEqualTo(404);
        assertThat(anonymous.get(APPLICATIONS + "/" + draft.id()).status()).isEqualTo(401);
        assertThat(draft.as(anonymous).get(APPLICATIONS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(draft.get(anonymous).json().has("trackingSecret")).isFalse();
    }

    @Test
    void onlyPartnerManagersDecideAndPartnersDoNotSeeTheQueue() {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName("Queued Media"), Applicants.uniqueGermanVat()));
        draft.submit(anonymous);
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        TestHttp partner = TestHttp.localPort(port)
                .as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));

        assertThat(auditor.get(REVIEW).status()).isEqualTo(200);
        assertThat(auditor.post(REVIEW + "/" + draft.id() + "/approval", "{}").status()).isEqualTo(403);
        assertThat(partner.get(REVIEW).status()).isEqualTo(403);
        assertThat(manager.get(REVIEW + "/" + draft.id()).json().get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(manager.get(REVIEW + "?olderThanDays=-3").status()).isEqualTo(400);
        TestHttp.Response badStatus = manager.get(REVIEW + "?status=PENDING");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("detail").asString()).contains("IN_REVIEW");
    }

    @Test
    void anApprovedApplicationCannotBeAmended() {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName("Final Media"), Applicants.uniqueGermanVat()));
        draft.submit(anonymous);
        manager.post(REVIEW + "/" + draft.id() + "/approval", null);

        TestHttp.Response amended = draft.as(anonymous).put(APPLICATIONS + "/" + draft.id(),
                Applicants.cleanOtt("Final Media Renamed GmbH", Applicants.uniqueGermanVat()));

        assertThat(amended.status()).isEqualTo(409);
        assertThat(draft.attach(anonymous, "TAX_FORM").status()).isEqualTo(409);
    }

    @Test
    void anAttachedFilesNameKeepsOnlyItsLastPathSegmentAndTheApplicantListsItsDocuments() {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName("Path Media"), Applicants.uniqueGermanVat()));

        TestHttp.Response attached = draft.as(anonymous).postMultipart(APPLICATIONS + "/" + draft.id()
                + "/documents", new TestMultipart().field("documentType", "TAX_FORM")
                .file("file", "../../etc/tax-form.pdf", "application/pdf", Applicants.PDF));

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().get("name").asString()).isEqualTo("tax-form.pdf");
        assertThat(draft.attach(anonymous, "BANK_PROOF").status()).isEqualTo(201);
        TestHttp.Response listed = draft.as(anonymous).get(APPLICATIONS + "/" + draft.id() + "/documents");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsString("documentType")).containsExactly("TAX_FORM", "BANK_PROOF");
        assertThat(anonymous.header("X-Tracking-Secret", "wrong-secret-of-some-length")
                .get(APPLICATIONS + "/" + draft.id() + "/documents").status()).isEqualTo(404);
    }

    @Test
    void kpisCountApplicationsAndMeasureActivation() {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName("Measured Media"), Applicants.uniqueGermanVat()));
        draft.attach(anonymous, "TAX_FORM");
        draft.attach(anonymous, "BANK_PROOF");
        draft.submit(anonymous);

        JsonNode kpis = manager.get("/api/onboarding/admin/kpis").json();

        assertThat(kpis.get("applicationsByStatus").get("APPROVED").asLong()).isPositive();
        assertThat(kpis.get("autoApproved").asLong()).isPositive();
        assertThat(kpis.get("autoApprovalRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(kpis.get("timeToActivation").get("count").asLong()).isPositive();
        assertThat(kpis.get("timeToActivation").get("p95Seconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(kpis.get("pendingReviewAge")).isNotNull();
    }

    private long total() {
        JsonNode byStatus = manager.get("/api/onboarding/admin/kpis").json().get("applicationsByStatus");
        long total = 0;
        for (JsonNode count : byStatus) {
            total += count.asLong();
        }
        return total;
    }

    private static List<String> fields(TestHttp.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("violations").forEach(v -> fields.add(v.get("field").asString()));
        return fields;
    }
}
