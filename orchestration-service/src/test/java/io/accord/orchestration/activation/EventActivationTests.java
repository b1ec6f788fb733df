package io.accord.orchestration.activation;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.saga.SagaState;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.orchestration.saga.StepState;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.accord.orchestration.saga.ScriptedStep.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Activation of an EVENT partner: the request on the partner-facing topic, the answer through the callback API. */
@AccordServiceTest
class EventActivationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final Sagas sagas;

    EventActivationTests(Sagas sagas) {
        this.sagas = sagas;
    }

    @Test
    void theRequestIsPublishedForThePartnerWhichAcknowledgesThroughTheCallbackApi() {
        String partner = registeredEventPartner();
        SagaView saga = sagas.start("order-event", List.of(done("reserve"), PartnerActivation.step(
                new PartnerId(UUID.fromString(partner)), JSON.createObjectNode().put("licence", "pro"))));
        UUID stepId = saga.steps().get(1).id();
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().steps().get(1).state()
                == StepState.WAITING);

        JsonNode request = requestFor(partner, "ACTIVATE");
        assertThat(request.get("stepId").asString()).isEqualTo(stepId.toString());
        assertThat(request.get("activation").get("licence").asString()).isEqualTo("pro");
        assertThat(request.get("callbackUrl").asString()).endsWith("/api/orchestration/activations/" + stepId + "/ack");
        TestHttp.Response acked = admin(partner).post("/api/orchestration/activations/" + stepId + "/ack",
                "{\"status\": \"ACTIVATED\"}");

        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.COMPLETED);
    }

    @Test
    void anUnansweredRequestTimesOutAndADeactivationIsPublished() {
        String partner = registeredEventPartner();

        SagaView saga = sagas.start("order-event-timeout", List.of(PartnerActivation.step(
                new PartnerId(UUID.fromString(partner)), JSON.createObjectNode(), Duration.ofSeconds(1))));

        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.COMPENSATED);
        assertThat(requestFor(partner, "DEACTIVATE").get("stepId").asString())
                .isEqualTo(saga.steps().getFirst().id().toString());
    }

    private JsonNode requestFor(String partner, String action) {
        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecords(Topics.PARTNER_ACTIVATIONS,
                candidate -> partner.equals(candidate.key())
                        && action.equals(JSON.readTree(TestKafka.value(candidate)).path("action").asString()),
                1, PATIENCE).getFirst();
        assertThat(TestKafka.header(record, "ce_type")).isEqualTo("PartnerActivationRequested");
        assertThat(TestKafka.header(record, "ce_subject")).isEqualTo(partner);
        return JSON.readTree(TestKafka.value(record));
    }

    private String registeredEventPartner() {
        String partner = UUID.randomUUID().toString();
        assertThat(admin(partner).post("/api/orchestration/partner-endpoints", "{\"mode\": \"EVENT\"}").status())
                .isEqualTo(201);
        return partner;
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("admin-" + partner, partner, Roles.PARTNER_ADMIN));
    }
}
