package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.accord.onboarding.application.Applicants.APPLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant whose connection dropped after sending its application retries with the same
 * {@code Idempotency-Key}: there is still one application, but the anonymous retry is not handed the first answer
 * (it holds the tracking secret, and nothing shows the retry comes from the applicant). Once the applicant has its
 * tracking secret, its keyed requests are scoped to that secret and replayed to it alone.
 */
@AccordServiceTest
class IdempotencyApplicationTests {

    private final TestHttp anonymous;
    private final TestHttp manager;
    private final JdbcClient jdbc;

    IdempotencyApplicationTests(@LocalServerPort int port, JdbcClient jdbc) {
        this.anonymous = TestHttp.localPort(port);
        this.manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        this.jdbc = jdbc;
    }

    @Test
    void aRetriedApplicationWithTheSameKeyCreatesOneApplicationAndNeverHandsOutItsSecretAgain() {
        String legalName = Applicants.uniqueName("Retrying Media");
        String form = Applicants.cleanOtt(legalName, Applicants.uniqueGermanVat());
        TestHttp keyed = anonymous.header("Idempotency-Key", UUID.randomUUID().toString());
        long draftsBefore = drafts();

        TestHttp.Response first = keyed.post(APPLICATIONS, form);
        TestHttp.Response retry = keyed.post(APPLICATIONS, form);

        assertThat(first.status()).isEqualTo(201);
        String secret = first.json().get("trackingSecret").asString();
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.json().get("type").asString())
                .isEqualTo("https://accord.dev/problems/idempotency-request-completed");
        assertThat(retry.body()).doesNotContain(secret).doesNotContain(first.json().get("id").asString());
        assertThat(retry.header("Location")).isNull();
        assertThat(drafts()).isEqualTo(draftsBefore + 1);
        assertThat(applicationsNamed(legalName)).isOne();
        assertThat(new Applicants.Draft(first.json().get("id").asString(), secret).get(anonymous).status())
                .isEqualTo(200);
        assertThat(storedInPlainText(secret)).as("the tracking secret is not kept").isZero();
    }

    @Test
    void anApplicantsKeyedRequestsAreReplayedToTheHolderOfItsTrackingSecretOnly() {
        Applicants.Draft draft = Applicants.apply(anonymous,
                Applicants.cleanOtt(Applicants.uniqueName("Careful Media"), Applicants.uniqueGermanVat()));
        String key = UUID.randomUUID().toString();
        TestHttp keyed = anonymous.header("Idempotency-Key", key);

        TestHttp.Response first = draft.attach(keyed, "TAX_FORM");
        TestHttp.Response retry = draft.attach(keyed, "TAX_FORM");
        TestHttp.Response stranger = new Applicants.Draft(draft.id(), "guessed-" + draft.secret())
                .attach(keyed, "TAX_FORM");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.header("Idempotency-Replayed")).isNull();
        assertThat(stranger.body()).doesNotContain(first.json().get("id").asString());
        assertThat(jdbc.sql("""
                        select count(*) from document_version v join document d on d.id = v.document_id
                        where d.owner_id = cast(:id as uuid)""")
                .param("id", draft.id()).query(Long.class).single()).isOne();
    }

    @Test
    void aShortKeyIsRefusedNamingTheHeaderAndCreatesNothing() {
        String legalName = Applicants.uniqueName("Hasty Media");

        TestHttp.Response refused = anonymous.header("Idempotency-Key", "application-1")
                .post(APPLICATIONS, Applicants.cleanOtt(legalName, Applicants.uniqueGermanVat()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(applicationsNamed(legalName)).isZero();
    }

    @Test
    void concurrentRetriesOfOneApplicationCreateOneApplication() {
        String legalName = Applicants.uniqueName("Impatient Media");
        String form = Applicants.cleanOtt(legalName, Applicants.uniqueGermanVat());
        TestHttp keyed = anonymous.header("Idempotency-Key", UUID.randomUUID().toString());

        List<TestHttp.Response> answers = List.of(
                        CompletableFuture.supplyAsync(() -> keyed.post(APPLICATIONS, form)),
                        CompletableFuture.supplyAsync(() -> keyed.post(APPLICATIONS, form)))
                .stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(201, 409));
        assertThat(answers).anySatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(applicationsNamed(legalName)).isOne();
    }

    @Test
    void theSameKeyWithOtherApplicationDataIsRefusedAndCreatesNothing() {
        String legalName = Applicants.uniqueName("Forgetful Media");
        TestHttp keyed = anonymous.header("Idempotency-Key", UUID.randomUUID().toString());
        keyed.post(APPLICATIONS, Applicants.cleanOtt(legalName, Applicants.uniqueGermanVat()));
        long draftsBefore = drafts();

        TestHttp.Response reused = keyed.post(APPLICATIONS,
                Applicants.cleanOtt(legalName + " Two", Applicants.uniqueGermanVat()));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("https://accord.dev/problems/idempotency-key-reused");
        assertThat(drafts()).isEqualTo(draftsBefore);
        assertThat(applicationsNamed(legalName + " Two")).isZero();
    }

    @Test
    void applicationsWithoutAKeyAreUnchanged() {
        String legalName = Applicants.uniqueName("Keyless Media");
        String form = Applicants.cleanOtt(legalName, Applicants.uniqueGermanVat());

        TestHttp.Response first = anonymous.post(APPLICATIONS, form);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(applicationsNamed(legalName)).isOne();
    }

    private long drafts() {
        TestHttp.Response kpis = manager.get("/api/onboarding/admin/kpis");
        assertThat(kpis.status()).isEqualTo(200);
        return kpis.json().get("applicationsByStatus").get("DRAFT").asLong();
    }

    private long storedInPlainText(String text) {
        return jdbc.sql("select count(*) from idempotency_key where position(convert_to(:text, 'UTF8') in response_body) > 0")
                .param("text", text).query(Long.class).single();
    }

    private long applicationsNamed(String legalName) {
        return jdbc.sql("select count(*) from partner_application where legal_name = :name")
                .param("name", legalName).query(Long.class).single();
    }
}
