package io.accord.orchestration.activation;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.saga.SagaState;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.orchestration.saga.ScriptedStep;
import io.accord.orchestration.saga.StepState;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.accord.orchestration.saga.ScriptedStep.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Activation at a partner through its webhook: a real HTTP server on the loopback interface plays the partner. */
@AccordServiceTest
class WebhookActivationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static PartnerSystem partners;

    @LocalServerPort
    int port;
    private final Sagas sagas;
    private final ScriptedStep handler;

    WebhookActivationTests(Sagas sagas, ScriptedStep handler) {
        this.sagas = sagas;
        this.handler = handler;
    }

    @BeforeAll
    static void startPartnerSystem() throws IOException {
        partners = new PartnerSystem();
    }

    @AfterAll
    static void stopPartnerSystem() {
        partners.close();
    }

    @Test
    void thePartnerActivatesAtOnceAndTheRequestIsSignedWithItsSecret() {
        String partner = UUID.randomUUID().toString();
        String secret = registerWebhook(partner);

        SagaView saga = sagas.start("order-webhook-sync", List.of(done("reserve"),
                PartnerActivation.step(new PartnerId(UUID.fromString(partner)), sim()), done("complete")));

        awaitState(saga.id(), SagaState.COMPLETED);
        List<PartnerSystem.Received> received = partners.received(partner);
        assertThat(received).hasSize(1);
        PartnerSystem.Received request = received.getFirst();
        assertSigned(request, secret);
        UUID stepId = saga.steps().get(1).id();
        assertThat(request.stepId()).isEqualTo(stepId.toString());
        assertThat(request.json().get("action").asString()).isEqualTo("ACTIVATE");
        assertThat(request.json().get("reference").asString()).isEqualTo("order-webhook-sync");
        assertThat(request.json().get("activation").get("iccid").asString()).isEqualTo("8949000000000000001");
        assertThat(request.json().get("callbackUrl").asString())
                .endsWith("/api/orchestration/activations/" + stepId + "/ack");
        assertThat(handler.journal(saga.id())).containsExactly("execute:reserve", "execute:complete");
    }

    @Test
    void thePartnerAcceptsForLaterAndAcknowledgesThroughTheCallbackApi() {
        String partner = UUID.randomUUID().toString();
        registerWebhook(partner);
        partners.answers(partner, new PartnerSystem.Answer(202, "{\"status\":\"ACCEPTED\"}"));
        SagaView saga = sagas.start("order-webhook-late", List.of(done("reserve"), PartnerActivation.step(
                new PartnerId(UUID.fromString(partner)), sim(), Duration.ofHours(1)), done("complete")));
        UUID stepId = saga.steps().get(1).id();
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().steps().get(1).state()
                == StepState.WAITING);
        String ack = "/api/orchestration/activations/" + stepId + "/ack";

        String stranger = UUID.randomUUID().toString();
        assertThat(admin(stranger).post(ack, Examples.of("activation-ack.json")).status()).isEqualTo(404);
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("user", partner, Roles.PARTNER_USER))
                .post(ack, Examples.of("activation-ack.json")).status()).isEqualTo(403);
        assertThat(admin(partner).post(ack, "{\"status\": \"MAYBE\"}").status()).isEqualTo(400);
        TestHttp.Response acked = admin(partner).post(ack, Examples.of("activation-ack.json"));

        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
        assertThat(acked.json().get("state").asString()).isEqualTo("DONE");
        awaitState(saga.id(), SagaState.COMPLETED);
        assertThat(admin(partner).post(ack, Examples.of("activation-ack.json")).status()).isEqualTo(409);
        assertThat(admin(partner).post("/api/orchestration/activations/" + saga.steps().get(0).id() + "/ack",
                Examples.of("activation-ack.json")).status()).as("not an activation step").isEqualTo(404);
        assertThat(admin(partner).post("/api/orchestration/activations/nonsense/ack",
                Examples.of("activation-ack.json")).status()).isEqualTo(404);
    }

    @Test
    void withoutAcknowledgementTheActivationTimesOutAndIsCompensated() {
        String partner = UUID.randomUUID().toString();
        String secret = registerWebhook(partner);
        partners.answers(partner, new PartnerSystem.Answer(202, ""), new PartnerSystem.Answer(200, ""));

        SagaView saga = sagas.start("order-webhook-timeout", List.of(done("reserve"), PartnerActivation.step(
                new PartnerId(UUID.fromString(partner)), sim(), Duration.ofSeconds(1))));

        SagaView ended = awaitState(saga.id(), SagaState.COMPENSATED);
        assertThat(ended.failureReason()).startsWith("no acknowledgement within");
        assertThat(partners.received(partner)).extracting(request -> request.json().get("action").asString())
                .containsExactly("ACTIVATE", "DEACTIVATE");
        partners.received(partner).forEach(request -> assertSigned(request, secret));
        assertThat(handler.journal(saga.id())).containsExactly("execute:reserve", "compensate:reserve");
    }

    @Test
    void aPartnerErrorFailsTheActivationAndCompensatesTheStepsBefore() {
        String partner = UUID.randomUUID().toString();
        registerWebhook(partner);
        partners.answers(partner, new PartnerSystem.Answer(422, "{\"error\":\"unknown product\"}"));

        SagaView saga = sagas.start("order-webhook-error", List.of(done("reserve"),
                PartnerActivation.step(new PartnerId(UUID.fromString(partner)), sim())));

        SagaView ended = awaitState(saga.id(), SagaState.COMPENSATED);
        assertThat(ended.failureReason()).isEqualTo("partner webhook answered HTTP 422: {\"error\":\"unknown product\"}");
        assertThat(partners.received(partner)).as("nothing was activated, so nothing is deactivated").hasSize(1);
        assertThat(handler.journal(saga.id())).containsExactly("execute:reserve", "compensate:reserve");
    }

    @Test
    void aPartnerOutageIsRetriedWithBackoff() {
        String partner = UUID.randomUUID().toString();
        registerWebhook(partner);
        partners.answers(partner, new PartnerSystem.Answer(503, "down"),
                new PartnerSystem.Answer(200, "{\"status\":\"ACTIVATED\"}"));

        SagaView saga = sagas.start("order-webhook-outage", List.of(PartnerActivation.step(
                new PartnerId(UUID.fromString(partner)), sim()).withRetries(3, Duration.ofMillis(100),
                Duration.ofMillis(100))));

        SagaView ended = awaitState(saga.id(), SagaState.COMPLETED);
        assertThat(ended.steps().getFirst().attempts()).isEqualTo(2);
        assertThat(partners.received(partner)).hasSize(2);
    }

    @Test
    void aRotatedSecretSignsFromThenOnAndAPartnerWithoutEndpointIsActivatedAutomatically() {
        String partner = UUID.randomUUID().toString();
        String old = registerWebhook(partner);
        String rotated = admin(partner).post("/api/orchestration/partner-endpoints/" + partner + "/rotate-secret",
                null).json().get("secret").asString();
        String auto = UUID.randomUUID().toString();

        SagaView saga = sagas.start("order-webhook-rotated", List.of(
                PartnerActivation.step(new PartnerId(UUID.fromString(partner)), sim()),
                PartnerActivation.step(new PartnerId(UUID.fromString(auto)), sim())));

        awaitState(saga.id(), SagaState.COMPLETED);
        PartnerSystem.Received request = partners.received(partner).getFirst();
        assertSigned(request, rotated);
        assertThat(request.signature()).isNotEqualTo("sha256=" + hmac(old, request.timestamp(), request.body()));
        assertThat(partners.received(auto)).isEmpty();
    }

    private static void assertSigned(PartnerSystem.Received request, String secret) {
        assertThat(Long.parseLong(request.timestamp()))
                .isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(request.signature()).isEqualTo("sha256=" + hmac(secret, request.timestamp(), request.body()));
    }

    /** The partner's side of the signature, computed here independently of Accord's client. */
    private static String hmac(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String registerWebhook(String partner) {
        TestHttp.Response registered = admin(partner).post("/api/orchestration/partner-endpoints",
                "{\"mode\": \"WEBHOOK\", \"url\": \"" + partners.urlOf(partner) + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("secret").asString();
    }

    private static ObjectNode sim() {
        return JSON.createObjectNode().put("product", "iot-sim").put("iccid", "8949000000000000001");
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("admin-" + partner, partner, Roles.PARTNER_ADMIN));
    }

    private SagaView awaitState(UUID sagaId, SagaState state) {
        return await().atMost(PATIENCE).until(() -> sagas.find(sagaId).orElseThrow(),
                saga -> saga.state() == state);
    }
}
