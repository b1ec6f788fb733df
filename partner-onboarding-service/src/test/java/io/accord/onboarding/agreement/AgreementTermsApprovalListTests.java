package io.accord.onboarding.agreement;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's four-eyes worklist: {@code ?termsApproval=pending} lists the proposed versions whose terms no second
 * CSP user has approved yet, newest proposal first, paged in the database, each showing when it was proposed;
 * {@code approved} those approved, newest approval first, naming who approved them ({@code sentBack}: see
 * {@link AgreementSendBackTests}).
 */
@AccordServiceTest
class AgreementTermsApprovalListTests {

    private static final String PENDING = AGREEMENTS + "?termsApproval=pending";

    @LocalServerPort
    int port;

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void listsVersionsAwaitingTermsApprovalNewestProposalFirst() {
        Instant before = Instant.now();
        String older = api.proposed(api.newPartner("Waiting Longest GmbH"), Instant.now(),
                AgreementFixtures.termsJson());
        String approved = api.approved(api.newPartner("Already Approved BV"), Instant.now(),
                AgreementFixtures.termsJson());
        String newer = api.proposed(api.newPartner("Just Proposed AB"), Instant.now(),
                AgreementFixtures.termsJson());
        String draft = api.draft(api.newPartner("Still Drafting Srl"), Instant.now(), AgreementFixtures.termsJson());
        Instant after = Instant.now();

        TestHttp.Response all = api.manager.get(PENDING + "&limit=500");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        List<String> ids = ids(all.json());
        assertThat(ids).doesNotContain(approved, draft).containsSubsequence(newer, older);
        assertThat(all.header("X-Total-Count")).isEqualTo(String.valueOf(ids.size()));
        List<Instant> proposedAt = new ArrayList<>();
        all.json().forEach(version -> {
            assertThat(version.get("status").asString()).isEqualTo("PENDING_APPROVAL");
            proposedAt.add(Instant.parse(version.get("termsApproval").get("proposedAt").asString()));
        });
        assertThat(proposedAt).isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode newest = all.json().get(ids.indexOf(newer)).get("termsApproval");
        assertThat(newest.get("proposedBy").asString()).isEqualTo("pm-anna");
        assertThat(Instant.parse(newest.get("proposedAt").asString())).isBetween(before, after);

        TestHttp.Response second = api.manager.get(PENDING + "&offset=1&limit=1");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(ids(second.json())).containsExactly(ids.get(1));
        assertThat(second.header("X-Total-Count")).isEqualTo(String.valueOf(ids.size()));
    }

    @Test
    void aPartnerSeesOnlyItsOwnVersionAwaitingApproval() {
        String partner = api.newPartner("Own Worklist Kft");
        String own = api.proposed(partner, Instant.now(), AgreementFixtures.termsJson());
        api.proposed(api.newPartner("Someone Else Sp. z o.o."), Instant.now(), AgreementFixtures.termsJson());

        TestHttp.Response listed = api.partnerAdmin(partner).get(PENDING);

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(ids(listed.json())).containsExactly(own);
        assertThat(listed.header("X-Total-Count")).isEqualTo("1");
    }

    @Test
    void approvedListsTheVersionsWhoseTermsWereApprovedNewestApprovalFirstNamingTheApprover() {
        String pending = api.proposed(api.newPartner("Approval Pending Ltd"), Instant.now(),
                AgreementFixtures.termsJson());
        String first = api.approved(api.newPartner("Approved First GmbH"), Instant.now(),
                AgreementFixtures.termsJson());
        String second = api.approved(api.newPartner("Approved Second GmbH"), Instant.now(),
                AgreementFixtures.termsJson());

        TestHttp.Response approved = api.manager.get(AGREEMENTS + "?termsApproval=approved&limit=500");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        List<String> ids = ids(approved.json());
        assertThat(ids).doesNotContain(pending).containsSubsequence(second, first);
        List<Instant> approvedAt = new ArrayList<>();
        approved.json().forEach(version -> approvedAt.add(
                Instant.parse(version.get("termsApproval").get("approvedAt").asString())));
        assertThat(approvedAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(approved.json().get(ids.indexOf(second)).get("termsApproval").get("approvedBy").asString())
                .isEqualTo("pm-bert");
        TestHttp.Response both = api.manager.get(AGREEMENTS + "?termsApproval=pending,approved&limit=500");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(ids(both.json())).contains(pending, first, second);
    }

    @Test
    void anyOtherTermsApprovalValueIsABadRequestNamingTheAllowedOnes() {
        TestHttp.Response refused = api.manager.get(AGREEMENTS + "?termsApproval=refused");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("termsApproval must be one of pending, approved, sentBack");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(version -> ids.add(version.get("id").asString()));
        return ids;
    }
}
