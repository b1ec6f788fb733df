package io.accord.orchestration.saga;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.accord.orchestration.saga.ScriptedStep.done;
import static io.accord.orchestration.saga.ScriptedStep.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ops fallout queue and its actions over REST: who may, what they change, what is audited. */
@AccordServiceTest
class FalloutApiTests {

    private static final String FALLOUT = "/api/orchestration/fallout";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    private final Sagas sagas;
    private final ScriptedStep handler;
    private final JdbcClient jdbc;
    private TestHttp ops;
    private TestHttp auditor;

    FalloutApiTests(Sagas sagas, ScriptedStep handler, JdbcClient jdbc) {
        this.sagas = sagas;
        this.handler = handler;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        ops = TestHttp.localPort(port).as(TestJwt.staff("ops-olga", Roles.OPS));
        auditor = TestHttp.localPort(port).as(TestJwt.staff("auditor-ari", Roles.AUDITOR));
    }

    @Test
    void aStepThatKeepsFailingIsInTheFalloutQueueAndOpsRetryItNow() {
        SagaView saga = sagas.start("order-fallout-retry", List.of(stuck("activate", "RETRY", "DONE")));
        awaitFailingStep(saga.id());

        JsonNode item = falloutItem(saga.id());
        assertThat(item.get("state").asString()).isEqualTo("RUNNING");
        assertThat(item.get("reason").asString()).isEqualTo("scripted retryable failure");
        assertThat(item.get("step").get("type").asString()).isEqualTo(ScriptedStep.TYPE);
        assertThat(item.get("step").get("attempts").asInt()).isEqualTo(1);

        assertThat(auditor.post(FALLOUT + "/" + saga.id() + "/retry", null).status()).isEqualTo(403);
        TestHttp.Response retried = ops.post(FALLOUT + "/" + saga.id() + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.COMPLETED);
        assertThat(ops.post(FALLOUT + "/" + saga.id() + "/retry", null).status()).isEqualTo(409);
        assertThat(auditActor(saga.id(), "retried")).isEqualTo("ops-olga");
    }

    @Test
    void opsSkipAStuckStepWithAReasonAndTheSagaGoesOn() {
        SagaView saga = sagas.start("order-fallout-skip", List.of(stuck("activate", "RETRY"), done("complete")));
        awaitFailingStep(saga.id());

        TestHttp.Response unexplained = ops.post(FALLOUT + "/" + saga.id() + "/skip", "{\"reason\": \" \"}");
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.body()).contains("reason");
        TestHttp.Response skipped = ops.post(FALLOUT + "/" + saga.id() + "/skip", example("saga-skip.json"));
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.json().get("steps").get(0).get("state").asString()).isEqualTo("SKIPPED");

        SagaView ended = await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow(),
                found -> found.state() == SagaState.COMPLETED);
        assertThat(ended.steps().getFirst().skipReason()).startsWith("Activated by hand");
        assertThat(handler.journal(saga.id())).containsExactly("execute:activate", "execute:complete");
        assertThat(auditActor(saga.id(), "skipped")).isEqualTo("ops-olga");
    }

    @Test
    void opsCancelAWaitingSagaAndWhatItDidIsCompensated() {
        SagaView saga = sagas.start("order-fallout-cancel", List.of(done("reserve"),
                ScriptedStep.waiting("activate", 3_600_000)));
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().steps().get(1).state()
                == StepState.WAITING);

        TestHttp.Response cancelled = ops.post(FALLOUT + "/" + saga.id() + "/cancel", example("saga-cancel.json"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.COMPENSATED);
        assertThat(handler.journal(saga.id())).containsExactly("execute:reserve", "execute:activate",
                "compensate:activate", "compensate:reserve");
        assertThat(falloutItem(saga.id()).get("reason").asString()).startsWith("cancelled: Customer withdrew");
        assertThat(ops.post(FALLOUT + "/" + saga.id() + "/cancel", example("saga-cancel.json")).status())
                .isEqualTo(409);
        assertThat(auditActor(saga.id(), "cancelled")).isEqualTo("ops-olga");
    }

    @Test
    void aCompensationThatFailsLeavesTheSagaFailedUntilOpsRetryIt() {
        SagaView saga = sagas.start("order-fallout-failed", List.of(
                step("reserve", List.of("DONE"), List.of("FAIL", "DONE")),
                step("activate", List.of("FAIL"), List.of())));
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.FAILED);
        JsonNode item = falloutItem(saga.id());
        assertThat(item.get("reason").asString()).isEqualTo("compensation: scripted permanent failure");
        assertThat(ops.get(FALLOUT + "?state=FAILED&limit=500").body()).contains(saga.id().toString());
        assertThat(ops.get(FALLOUT + "?state=COMPENSATED,RUNNING&limit=500").body())
                .doesNotContain(saga.id().toString());
        assertThat(item.get("step").get("position").asInt()).isZero();

        assertThat(ops.post(FALLOUT + "/" + saga.id() + "/retry", null).status()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.COMPENSATED);
    }

    @Test
    void onlyOpsPlatformAdminsAndAuditorsReadTheQueueAndUnknownSagasAreNotFound() {
        TestHttp partner = TestHttp.localPort(port)
                .as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.staff("root", Roles.PLATFORM_ADMIN));

        TestHttp.Response page = auditor.get(FALLOUT + "?offset=0&limit=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isNotNull();
        assertThat(admin.get(FALLOUT).status()).isEqualTo(200);
        assertThat(ops.get(FALLOUT + "?state=STUCKISH").status()).isEqualTo(400);
        assertThat(partner.get(FALLOUT).status()).isEqualTo(403);
        assertThat(partner.post(FALLOUT + "/" + UUID.randomUUID() + "/cancel", example("saga-cancel.json")).status())
                .isEqualTo(403);
        assertThat(ops.get("/api/orchestration/sagas/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(ops.get("/api/orchestration/sagas/not-a-uuid").status()).isEqualTo(404);
        assertThat(ops.post(FALLOUT + "/" + UUID.randomUUID() + "/retry", null).status()).isEqualTo(404);
        assertThat(ops.post(FALLOUT + "/42/retry", null).status()).isEqualTo(404);
        assertThat(ops.post(FALLOUT + "/" + UUID.randomUUID() + "/skip", "{\"reason\": \"x\", \"extra\": 1}")
                .status()).isEqualTo(400);
    }

    /** A step that fails as scripted, retried only after an hour unless ops step in. */
    private static StepDefinition stuck(String name, String... execute) {
        return step(name, List.of(execute), List.of()).withRetries(5, Duration.ofHours(1), Duration.ofHours(1));
    }

    private void awaitFailingStep(UUID sagaId) {
        await().atMost(PATIENCE).until(() -> sagas.find(sagaId).orElseThrow().steps().getFirst().lastError() != null);
    }

    private JsonNode falloutItem(UUID sagaId) {
        TestHttp.Response page = ops.get(FALLOUT + "?limit=500");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (JsonNode item : page.json()) {
            if (item.get("sagaId").asString().equals(sagaId.toString())) {
                return item;
            }
        }
        throw new AssertionError("saga " + sagaId + " is not in the fallout queue: " + page.body());
    }

    private String auditActor(UUID sagaId, String action) {
        return jdbc.sql("select actor from audit_event where resource_type = 'saga' and resource_id = :id "
                        + "and action = :action")
                .param("id", sagaId.toString()).param("action", action).query(String.class).single();
    }

    private static String example(String name) {
        try (InputStream in = FalloutApiTests.class.getResourceAsStream("/examples/orchestration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
