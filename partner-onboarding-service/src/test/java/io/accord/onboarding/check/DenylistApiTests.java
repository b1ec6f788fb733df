package io.accord.onboarding.check;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff-managed denylist through its API, and the wired checks screening against it. */
@AccordServiceTest
class DenylistApiTests {

    private static final String DENYLIST = "/api/onboarding/admin/denylist";

    @LocalServerPort
    int port;

    private final ApplicationChecks checks;

    private final ApprovalPolicy policy;

    DenylistApiTests(ApplicationChecks checks, ApprovalPolicy policy) {
        this.checks = checks;
        this.policy = policy;
    }

    private TestHttp manager;
    private TestHttp auditor;

    @BeforeEach
    void clients() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm-alice", Roles.PARTNER_MANAGER));
        auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
    }

    @Test
    void anAddedNameFailsScreeningUntilItIsRemovedAndEveryChangeIsAudited() {
        String name = "Umbrella " + uniqueWord() + " Holdings";
        ApplicantData applicant = TestApplicants.clean().legalName(name.toUpperCase() + " GmbH").build();

        TestHttp.Response added = manager.post(DENYLIST, entry(name, "EU sanctions list 2024/1234"));

        assertThat(added.status()).isEqualTo(201);
        String id = added.json().get("id").asString();
        assertThat(added.header("Location")).isEqualTo(DENYLIST + "/" + id);
        assertThat(added.json().get("normalisedName").asString()).isEqualTo(Names.normalise(name));
        assertThat(added.json().get("createdBy").asString()).isEqualTo("pm-alice");
        assertThat(auditor.get(DENYLIST + "/" + id).json().get("name").asString()).isEqualTo(name);
        assertThat(screening(applicant).isPassed()).isFalse();
        assertThat(screening(applicant).reason()).contains("matches denylist entry '" + name + "'")
                .contains("denylisted by pm-alice: EU sanctions list 2024/1234");

        assertThat(manager.delete(DENYLIST + "/" + id).status()).isEqualTo(204);

        assertThat(manager.get(DENYLIST + "/" + id).status()).isEqualTo(404);
        assertThat(screening(applicant).isPassed()).isTrue();
        TestHttp.Response trail = auditor.get("/api/onboarding/audit?resourceId=" + id);
        assertThat(trail.header("X-Total-Count")).isEqualTo("2");
        assertThat(trail.json().get(0).get("action").asString()).isEqualTo("deleted");
        assertThat(trail.json().get(0).get("before").get("name").asString())
                .isEqualTo("(personal data, not audited)");
        assertThat(trail.body()).as("a listed person's name is not kept for ever")
                .doesNotContain(name, Names.normalise(name));
        assertThat(trail.json().get(1).get("action").asString()).isEqualTo("created");
        assertThat(trail.json().get(1).get("actor").asString()).isEqualTo("pm-alice");
    }

    @Test
    void listsEntriesWithPagingHeaders() {
        for (int i = 0; i < 3; i++) {
            manager.post(DENYLIST, entry("Paged " + uniqueWord(), "test"));
        }

        TestHttp.Response page = auditor.get(DENYLIST + "?offset=1&limit=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(Integer.parseInt(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(page.header("X-Result-Count")).isEqualTo("2");
        assertThat(auditor.get(DENYLIST + "?limit=0").status()).isEqualTo(400);
    }

    @Test
    void theSamePartyUnderAnotherSpellingIsAConflict() {
        String word = uniqueWord();
        assertThat(manager.post(DENYLIST, entry("Globex " + word + " Corporation", "OFAC")).status()).isEqualTo(201);

        TestHttp.Response again = manager.post(DENYLIST, entry("GLOBEX " + word.toUpperCase() + " CORP.", "OFAC"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("is already on the denylist as 'Globex " + word);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String before = auditor.get(DENYLIST).header("X-Total-Count");

        TestHttp.Response noName = manager.post(DENYLIST, "{\"reason\": \"why\"}");
        TestHttp.Response punctuation = manager.post(DENYLIST, entry("...", "why"));
        TestHttp.Response tooLong = manager.post(DENYLIST, entry("x".repeat(201), "why"));

        assertThat(List.of(noName.status(), punctuation.status(), tooLong.status())).containsOnly(400);
        assertThat(noName.contentType()).startsWith("application/problem+json");
        assertThat(punctuation.json().get("detail").asString()).contains("has no letters or digits");
        assertThat(manager.post(DENYLIST, "not json").status()).isEqualTo(400);
        assertThat(manager.delete(DENYLIST + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(manager.delete(DENYLIST + "/not-a-uuid").status()).isEqualTo(400);
        assertThat(auditor.get(DENYLIST).header("X-Total-Count")).isEqualTo(before);
    }

    @Test
    void onlyPartnerManagersAndPlatformAdminsChangeItAndPartnersDoNotSeeIt() {
        TestHttp partnerAdmin = TestHttp.localPort(port)
                .as(TestJwt.partner("pa", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.staff("root", Roles.PLATFORM_ADMIN));

        assertThat(auditor.post(DENYLIST, entry("Sneaky " + uniqueWord(), "x")).status()).isEqualTo(403);
        assertThat(auditor.post(DENYLIST, "{}").status()).as("403 before validation").isEqualTo(403);
        assertThat(partnerAdmin.get(DENYLIST).status()).isEqualTo(403);
        assertThat(TestHttp.localPort(port).get(DENYLIST).status()).isEqualTo(401);
        assertThat(admin.post(DENYLIST, entry("Admin Listed " + uniqueWord(), "x")).status()).isEqualTo(201);
    }

    @Test
    void theWiredPolicyApprovesACleanApplicationUnderTheDefaultConfiguration() {
        ApplicantData clean = TestApplicants.clean().legalName("Clean " + uniqueWord() + " GmbH").build();

        List<CheckResult> results = checks.run(clean, Set.of("TAX_FORM", "BANK_PROOF"),
                ApplicationChecksTests.NO_DUPLICATES);

        assertThat(results).allSatisfy(result -> assertThat(result.isPassed()).as(result.reason()).isTrue());
        assertThat(policy.decide(clean, results).decision()).isEqualTo(PolicyDecision.Decision.AUTO_APPROVE);
    }

    private CheckResult screening(ApplicantData applicant) {
        return checks.run(applicant, Set.of(), ApplicationChecksTests.NO_DUPLICATES).stream()
                .filter(result -> result.check().equals(CheckNames.SCREENING)).findFirst().orElseThrow();
    }

    private static String entry(String name, String reason) {
        return "{\"name\": \"%s\", \"reason\": \"%s\"}".formatted(name, reason);
    }

    /** Letters only, so names stay distinct after normalisation across tests sharing the database. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder();
        for (char hex : UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            word.append((char) ('a' + Character.digit(hex, 16)));
        }
        return word.toString();
    }
}
