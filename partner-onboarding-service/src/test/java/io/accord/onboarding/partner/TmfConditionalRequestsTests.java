package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static io.accord.onboarding.partner.OrganizationConformanceTests.ORGANIZATIONS;
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

        assertThat(annas.status()).as(annas.body()).isEqualTo(200);
        assertThat(annas.header("ETag")).isNotEqualTo(readByAnna.header("ETag"));
        assertThat(bens.status()).as(bens.body()).isEqualTo(412);
        assertThat(bens.contentType()).startsWith("application/problem+json");
        assertThat(bens.json().get("type").asString()).endsWith("/precondition-failed");
        assertThat(bens.header("ETag")).isEqualTo(annas.header("ETag"));
        TestHttp.Response now = ben.get(organization);
        assertThat(now.json().get("tradingName").asString()).isEqualTo("Anna's Brand");
        assertThat(now.header("ETag")).isEqualTo(annas.header("ETag"));
        assertThat(auditEntries(organization)).isEqualTo(audited);
        // Ben reads again and applies his change to what it shows now
        assertThat(ben.header("If-Match", now.header("ETag"))
                .patch(organization, "{\"tradingName\": \"Ben's Brand\"}").status()).isEqualTo(200);
    }

    /** Patches racing with the same If-Match: one is applied, every other refused, whichever check catches it. */
    @Test
    void ofPatchesRacingFromTheSameVersionExactlyOneIsApplied() throws Exception {
        String organization = organization();
        String etag = anna.get(organization).header("ETag");
        List<Callable<TestHttp.Response>> patches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String brand = "Racing Brand " + i;
            patches.add(() -> anna.header("If-Match", etag)
                    .patch(organization, "{\"tradingName\": \"" + brand + "\"}"));
        }
        List<TestHttp.Response> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (var answer : pool.invokeAll(patches)) {
                answers.add(answer.get());
            }
        }

        List<TestHttp.Response> applied = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(applied).as(answers.toString()).hasSize(1);
        // 412 whether the check or the version caught it; a 409 concurrent-update (a lock given up) applied nothing
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(412, 409))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(412));
        TestHttp.Response now = anna.get(organization);
        assertThat(now.json().get("tradingName").asString())
                .isEqualTo(applied.getFirst().json().get("tradingName").asString());
        assertThat(now.header("ETag")).isEqualTo(applied.getFirst().header("ETag"));
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

        TestHttp.Response unchanged = anna.header("If-None-Match", etag).get(organization);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

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

        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(anna.get(organization).status()).isEqualTo(200);
        TestHttp.Response current = ben.header("If-Match", anna.get(organization).header("ETag")).delete(organization);
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

        assertThat(annas.status()).as(annas.body()).isEqualTo(200);
        assertThat(bens.status()).as(bens.body()).isEqualTo(412);
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
