package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ConcurrentRequests;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static io.accord.onboarding.partner.OrganizationConformanceTests.ORGANIZATIONS;
import static io.accord.testsupport.ConditionalAnswers.assertExactlyOneApplied;
import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF632 organizations and individuals answer an ETag and honour If-Match, so two CSP users editing the same
 * resource no longer overwrite each other silently (found by a partner developer on 2026-12-07).
 */
@AccordServiceTest
class TmfConditionalRequestsTests {

    private static final String INDIVIDUALS = "/tmf-api/party/v4/individual";

    @LocalServerPort
    int port;

    private TestHttp anna;
    private TestHttp ben;
    private TestHttp auditor;

    @BeforeEach
    void clients() {
        anna = TestHttp.localPort(port).as(TestJwt.staff("pm-anna", Roles.PARTNER_MANAGER));
        ben = TestHttp.localPort(port).as(TestJwt.staff("pm-ben", Roles.PARTNER_MANAGER));
        auditor = TestHttp.localPort(port).as(TestJwt.staff("auditor-etag", Roles.AUDITOR));
    }

    private String organization() {
        TestHttp.Response created = anna.post(ORGANIZATIONS,
                OrganizationConformanceTests.organization("Tmf ETag " + UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(created.header("ETag")).isEqualTo(anna.get(location).header("ETag")).isNotBlank();
        return location;
    }

    private long auditEntries(String organization) {
        String id = organization.substring(organization.lastIndexOf('/') + 1);
        return auditor.get("/api/onboarding/audit?resourceType=partner&resourceId=" + id).json().size();
    }

    @Test
    void theSecondOfTwoUsersPatchingTheSameVersionGets412AndChangesNothing() {
        String organization = organization();
        TestHttp.Response readByAnna = anna.get(organization);
        TestHttp.Response readByBen = ben.get(organization);
        assertThat(readByBen.header("ETag")).isEqualTo(readByAnna.header("ETag"));

        TestHttp.Response annas = anna.header("If-Match", readByAnna.header("ETag"))
                .patch(organization, "{\"tradingName\": \"Anna's Brand\"}");
        long audited = auditEntries(organization);
        TestHttp.Response bens = ben.header("If-Match", readByBen.header("ETag"))
                .patch(organization, "{\"tradingName\": \"Ben's Brand\"}");

        String applied = assertFirstAppliedOthersRefused(readByAnna.header("ETag"), annas, bens);
        TestHttp.Response now = ben.get(organization);
        assertThat(now.json().get("tradingName").asString()).isEqualTo("Anna's Brand");
        assertThat(now.header("ETag")).isEqualTo(applied);
        assertThat(auditEntries(organization)).isEqualTo(audited);
        // Ben reads again and applies his change to what it shows now
        assertThat(ben.header("If-Match", now.header("ETag"))
                .patch(organization, "{\"tradingName\": \"Ben's Brand\"}").status()).isEqualTo(200);
    }

    /** Patches racing with the same If-Match: one is applied, every other refused, whichever check catches it. */
    @Test
    void ofPatchesRacingFromTheSameVersionExactlyOneIsApplied() {
        String organization = organization();
        String etag = anna.get(organization).header("ETag");

        List<TestHttp.Response> answers = ConcurrentRequests.atOnce(12, i -> anna.header("If-Match", etag)
                .patch(organization, "{\"tradingName\": \"Racing Brand " + i + "\"}"));

        TestHttp.Response applied = assertExactlyOneApplied(answers);
        TestHttp.Response now = anna.get(organization);
        assertThat(now.json().get("tradingName").asString()).isEqualTo(applied.json().get("tradingName").asString());
        assertThat(now.header("ETag")).isEqualTo(applied.header("ETag"));
    }

    @Test
    void withoutIfMatchAPatchAppliesAsBeforeAndMovesTheETag() {
        String organization = organization();
        String before = anna.get(organization).header("ETag");

        TestHttp.Response patched = ben.patch(organization, "{\"tradingName\": \"No Precondition\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.header("ETag")).isNotEqualTo(before).isEqualTo(anna.get(organization).header("ETag"));
    }

    @Test
    void aGetAnswers304WithoutABodyWhileTheOrganizationIsUnchanged() {
        String organization = organization();
        String etag = anna.get(organization).header("ETag");

        assertNotModified(anna.header("If-None-Match", etag).get(organization));

        anna.patch(organization, "{\"tradingName\": \"Changed Meanwhile\"}");

        TestHttp.Response changed = anna.header("If-None-Match", etag).get(organization);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("tradingName").asString()).isEqualTo("Changed Meanwhile");
    }

    @Test
    void aDeleteNamingAnOlderVersionIsRefusedAndTheCurrentOneDeletes() {
        String organization = organization();
        String old = anna.get(organization).header("ETag");
        anna.patch(organization, "{\"tradingName\": \"Renamed Before Delete\"}");

        TestHttp.Response stale = ben.header("If-Match", old).delete(organization);

        TestHttp.Response now = anna.get(organization);
        assertPreconditionFailed(stale, now.header("ETag"));
        assertThat(now.status()).isEqualTo(200);
        TestHttp.Response current = ben.header("If-Match", now.header("ETag")).delete(organization);
        assertThat(current.status()).as(current.body()).isEqualTo(204);
        assertThat(anna.get(organization).status()).isEqualTo(404);
    }

    @Test
    void individualsAnswerAnETagAndRefuseALostUpdateToo() {
        String organization = organization();
        String organizationId = organization.substring(organization.lastIndexOf('/') + 1);
        TestHttp.Response created = anna.post(INDIVIDUALS, """
                {"givenName": "Eva", "familyName": "Berg",
                 "relatedParty": [{"id": "%s", "role": "employer", "@referredType": "Organization"}]}"""
                .formatted(organizationId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String individual = created.header("Location");
        String read = anna.get(individual).header("ETag");
        assertThat(read).isEqualTo(created.header("ETag"));
        assertThat(anna.header("If-None-Match", read).get(individual).status()).isEqualTo(304);

        TestHttp.Response annas = anna.header("If-Match", read).patch(individual, "{\"givenName\": \"Anna\"}");
        TestHttp.Response bens = ben.header("If-Match", read).patch(individual, "{\"givenName\": \"Ben\"}");

        assertFirstAppliedOthersRefused(read, annas, bens);
        JsonNode now = anna.get(individual).json();
        assertThat(now.get("givenName").asString()).isEqualTo("Anna");
        TestHttp.Response erase = TestHttp.localPort(port).as(TestJwt.staff("admin-etag", Roles.PLATFORM_ADMIN))
                .header("If-Match", read).delete(individual);
        assertThat(erase.status()).as("a stale precondition is answered before anything else").isEqualTo(412);
    }

    @Test
    void aMalformedIfMatchIsA400NamingItAndChangesNothing() {
        String organization = organization();

        TestHttp.Response malformed = anna.header("If-Match", "3").patch(organization, "{\"tradingName\": \"X\"}");

        assertThat(OrganizationConformanceTests.violation(malformed)).isEqualTo("If-Match");
        assertThat(anna.get(organization).json().get("tradingName").asString()).endsWith(" Trading");
    }
}
