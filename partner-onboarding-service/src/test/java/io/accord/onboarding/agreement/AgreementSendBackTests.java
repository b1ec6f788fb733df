package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second CSP user sends a proposed version whose terms await approval back to its proposer for changes, with a
 * reason: a DRAFT again that its proposer sees ({@code ?termsApproval=sentBack&preparedBy=me}), changes and proposes
 * again; audited, named on the version.
 */
@AccordServiceTest
class AgreementSendBackTests {

    private static final String REASON = "The guarantee must be 500 EUR as negotiated";

    @LocalServerPort
    int port;

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void aReviewerSendsTheVersionBackAndItsProposerChangesAndProposesItAgain() {
        String partner = api.newPartner("Sent Back GmbH");
        String id = api.proposed(partner, Instant.now().minusSeconds(5), AgreementFixtures.termsJson());
        Instant before = Instant.now();

        // the API docs' example body, as a client copies it
        String example = example();
        TestHttp.Response sentBack = api.secondManager.post(sendBack(id), example);

        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        assertThat(sentBack.json().get("status").asString()).isEqualTo("DRAFT");
        JsonNode approval = api.manager.get(AGREEMENTS + "/" + id).json().get("termsApproval");
        assertThat(approval.get("sentBackBy").asString()).isEqualTo("pm-bert");
        assertThat(example).contains(approval.get("sentBackReason").asString());
        assertThat(approval.get("sentBackReason").asString()).startsWith("The minimum monthly guarantee");
        assertThat(Instant.parse(approval.get("sentBackAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(approval.get("proposedBy").asString()).as("whom it went back to").isEqualTo("pm-anna");
        assertThat(ids(api.manager.get(AGREEMENTS + "?termsApproval=sentBack&limit=500").json())).contains(id);
        assertThat(ids(api.manager.get(AGREEMENTS + "?termsApproval=pending&limit=500").json())).doesNotContain(id);
        TestHttp.Response signed = api.partnerAdmin(partner).post(AGREEMENTS + "/" + id + "/countersignature", null);
        assertThat(signed.status()).as("no longer proposed: a draft, which the partner does not see").isEqualTo(404);

        TestHttp.Response changed = api.manager.patch(AGREEMENTS + "/" + id, """
                {"terms": %s}""".formatted(AgreementFixtures.termsJson("\"amount\": 100", "\"amount\": 500")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.manager.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);
        assertThat(ids(api.manager.get(AGREEMENTS + "?termsApproval=sentBack&limit=500").json())).doesNotContain(id);
        TestHttp.Response approved = api.secondManager.post(AGREEMENTS + "/" + id + "/approval", null);
        assertThat(approved.status()).as("sending back prepares nothing: " + approved.body()).isEqualTo(200);
        assertThat(api.partnerAdmin(partner).post(AGREEMENTS + "/" + id + "/countersignature", null).status())
                .isEqualTo(200);
        assertThat(api.status(id)).isEqualTo("ACTIVE");

        List<JsonNode> trail = auditEntries(id, "sent-back");
        assertThat(trail).hasSize(1);
        assertThat(trail.getFirst().get("actor").asString()).isEqualTo("pm-bert");
        assertThat(api.auditActions(id)).containsSubsequence("proposed", "sent-back", "changed", "proposed",
                "terms-approved", "countersigned");
    }

    @Test
    void thePartnerSeesNoDraftNoSendBackAndNoStaffNamesOnlyWhatItCountersigns() {
        String partner = api.newPartner("Need To Know SARL");
        TestHttp admin = api.partnerAdmin(partner);
        String first = api.countersigned(partner, Instant.now().minusSeconds(5), AgreementFixtures.termsJson());
        String id = api.draft(partner, Instant.now().plus(java.time.Duration.ofDays(30)),
                AgreementFixtures.termsJson());
        String reason = "internal - our floor is 12%, do not go below";

        assertThat(admin.get(AGREEMENTS + "/" + id).status()).as("a draft is staff's alone").isEqualTo(404);
        assertThat(api.manager.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);
        TestHttp.Response pending = admin.get(AGREEMENTS + "/" + id);
        assertThat(pending.status()).as("proposed: the partner sees it awaiting approval").isEqualTo(200);
        assertThat(pending.json().get("termsApproval").has("proposedAt")).isTrue();
        assertThat(pending.body()).doesNotContain("pm-anna");
        assertThat(api.secondManager.post(sendBack(id), "{\"reason\": \"" + reason + "\"}").status()).isEqualTo(200);

        assertThat(admin.get(AGREEMENTS + "/" + id).status()).as("a draft again").isEqualTo(404);
        for (String query : List.of("", "?status=DRAFT", "?termsApproval=sentBack", "?version=2")) {
            TestHttp.Response listed = admin.get(AGREEMENTS + query);
            assertThat(listed.status()).as(query + ": " + listed.body()).isEqualTo(200);
            assertThat(ids(listed.json())).as(query).doesNotContain(id);
            assertThat(listed.body()).as(query).doesNotContain("floor", "pm-anna", "pm-bert");
        }
        assertThat(admin.get(AGREEMENTS).header("X-Total-Count")).isEqualTo("1");
        assertThat(admin.post(AGREEMENTS + "/" + id + "/countersignature", null).status()).isEqualTo(404);

        assertThat(api.manager.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);
        assertThat(api.secondManager.post(AGREEMENTS + "/" + id + "/approval", null).status()).isEqualTo(200);
        TestHttp.Response shown = admin.get(AGREEMENTS + "/" + id);
        TestHttp.Response staffs = api.manager.get(AGREEMENTS + "/" + id);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode approval = shown.json().get("termsApproval");
        assertThat(approval.has("approvedAt")).as(approval.toString()).isTrue();
        assertThat(approval.has("proposedAt")).isTrue();
        assertThat(approval.has("approvedBy") || approval.has("proposedBy") || approval.has("sentBackReason")
                || approval.has("sentBackBy") || approval.has("sentBackAt")).as(approval.toString()).isFalse();
        assertThat(shown.body()).doesNotContain("floor", "pm-anna", "pm-bert");
        assertThat(admin.get(AGREEMENTS + "?termsApproval=approved").body()).contains(id, first)
                .doesNotContain("pm-bert");
        assertThat(staffs.json().get("termsApproval").get("sentBackReason").asString()).isEqualTo(reason);
        assertThat(shown.header("ETag")).as("two representations, two tags").isNotEqualTo(staffs.header("ETag"));
        assertThat(admin.header("If-Match", staffs.header("ETag")).post(AGREEMENTS + "/" + id
                + "/countersignature", null).status()).isEqualTo(412);
        TestHttp.Response signed = admin.header("If-Match", shown.header("ETag"))
                .post(AGREEMENTS + "/" + id + "/countersignature", null);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.body()).doesNotContain("floor", "pm-anna", "pm-bert");
    }

    @Test
    void whoeverPreparedAVersionListsThoseSentBackToThemWithPreparedByMe() {
        TestHttp carla = TestHttp.localPort(port).as(TestJwt.staff("pm-carla", Roles.PARTNER_MANAGER));
        String annaPartner = api.newPartner("Anna Proposed Ltd");
        String annas = api.proposed(annaPartner, Instant.now(), AgreementFixtures.termsJson());
        String carlas = proposedBy(carla, api.newPartner("Carla Proposed GmbH"), null);
        String annaEdited = proposedBy(carla, api.newPartner("Anna Edited SARL"), api.manager);
        for (String id : List.of(annas, carlas, annaEdited)) {
            TestHttp.Response sentBack = api.secondManager.post(sendBack(id), "{\"reason\": \"" + REASON + "\"}");
            assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        }
        String mine = AGREEMENTS + "?termsApproval=sentBack&preparedBy=me&limit=500";

        TestHttp.Response annasList = api.manager.get(mine);

        assertThat(annasList.status()).as(annasList.body()).isEqualTo(200);
        assertThat(ids(annasList.json())).as("proposed or changed by pm-anna").contains(annas, annaEdited)
                .doesNotContain(carlas);
        annasList.json().forEach(version -> assertThat(version.get("status").asString()).isEqualTo("DRAFT"));
        assertThat(ids(carla.get(mine).json())).contains(carlas, annaEdited).doesNotContain(annas);
        assertThat(ids(api.secondManager.get(mine).json())).as("who sent them back prepared none")
                .doesNotContain(annas, carlas, annaEdited);
        assertThat(ids(api.manager.get(AGREEMENTS + "?preparedBy=me&limit=500").json()))
                .as("any state").contains(annas, annaEdited);
        TestHttp.Response partner = api.partnerAdmin(annaPartner).get(mine);
        assertThat(partner.status()).as(partner.body()).isEqualTo(200);
        assertThat(ids(partner.json())).as("a partner prepares no version").isEmpty();
        for (String other : List.of("pm-anna", "you", "", "me,pm-carla")) {
            TestHttp.Response unknown = api.manager.get(AGREEMENTS + "?termsApproval=sentBack&preparedBy=" + other);
            assertThat(unknown.status()).as(other + ": " + unknown.body()).isEqualTo(400);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.body()).contains("preparedBy");
        }
    }

    /** A version {@code proposer} drafts and proposes, changed in between by {@code editor} if not null. */
    private static String proposedBy(TestHttp proposer, String partner, TestHttp editor) {
        TestHttp.Response created = proposer.post(AGREEMENTS, AgreementApi.body(partner, Instant.now(),
                AgreementFixtures.termsJson()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        if (editor != null) {
            TestHttp.Response changed = editor.patch(AGREEMENTS + "/" + id, "{\"description\": \"changed\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        }
        assertThat(proposer.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);
        return id;
    }

    @Test
    void whoeverPreparedTheVersionCannotSendItBack() {
        String partner = api.newPartner("Own Proposal Send Back AB");
        String id = api.proposed(partner, Instant.now(), AgreementFixtures.termsJson());

        TestHttp.Response own = api.manager.post(sendBack(id), "{\"reason\": \"" + REASON + "\"}");

        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().get("type").asString()).endsWith("/four-eyes");
        assertThat(own.json().get("detail").asString()).contains("proposed by pm-anna", "terminate it");
        assertThat(api.status(id)).isEqualTo("PENDING_APPROVAL");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fin-sb", Roles.FINANCE));
        assertThat(finance.post(sendBack(id), "{\"reason\": \"" + REASON + "\"}").status()).isEqualTo(403);
        assertThat(api.partnerAdmin(partner).post(sendBack(id), "{\"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(api.status(id)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void onlyAVersionWhoseTermsAwaitApprovalGoesBackAndOnlyWithAReason() {
        String approved = api.approved(api.newPartner("Approved Already Oy"), Instant.now(),
                AgreementFixtures.termsJson());
        String draft = api.draft(api.newPartner("Never Proposed Kft"), Instant.now(), AgreementFixtures.termsJson());
        String proposed = api.proposed(api.newPartner("No Reason Given SA"), Instant.now(),
                AgreementFixtures.termsJson());
        TestHttp reviewer = TestHttp.localPort(port).as(TestJwt.staff("pat-admin", Roles.PLATFORM_ADMIN));

        TestHttp.Response late = reviewer.post(sendBack(approved), "{\"reason\": \"" + REASON + "\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("approved by pm-bert", "/termination");
        assertThat(reviewer.post(sendBack(draft), "{\"reason\": \"" + REASON + "\"}").status()).isEqualTo(409);
        TestHttp.Response blank = reviewer.post(sendBack(proposed), "{\"reason\": \"  \"}");
        assertThat(blank.status()).as(blank.body()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(reviewer.post(sendBack(proposed), "{\"reason\": \"" + "x".repeat(501) + "\"}").status())
                .isEqualTo(400);
        assertThat(api.status(proposed)).isEqualTo("PENDING_APPROVAL");
        assertThat(api.status(approved)).isEqualTo("PENDING_APPROVAL");
    }

    private static String example() {
        try (InputStream in = new ClassPathResource("examples/onboarding/agreement-send-back.json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    private static String sendBack(String id) {
        return AGREEMENTS + "/" + id + "/sendBack";
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(version -> ids.add(version.get("id").asString()));
        return ids;
    }

    private List<JsonNode> auditEntries(String resourceId, String action) {
        List<JsonNode> entries = new ArrayList<>();
        api.auditor.get("/api/onboarding/audit?resourceId=" + resourceId).json().forEach(entry -> {
            if (action.equals(entry.get("action").asString())) {
                entries.add(entry);
            }
        });
        return entries;
    }
}
