package io.accord.orchestration.activation;

import io.accord.contracts.Topics;
import io.accord.contracts.events.PartnerActivationRequested;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.outbox.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Activation requests for EVENT partners, through the outbox (the step handler runs outside a transaction). */
@Component
class ActivationEvents {

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    ActivationEvents(Outbox outbox, PlatformTransactionManager transactionManager, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    void requested(PartnerId partner, ObjectNode request) {
        Map<String, Object> activation = json.convertValue(request.path("activation"), new TypeReference<>() {
        });
        PartnerActivationRequested event = new PartnerActivationRequested(UUID.randomUUID(), clock.instant(),
                partner.toString(), request.path("action").asString(), request.path("stepId").asString(),
                request.path("sagaId").asString(), request.path("reference").asString(), activation,
                request.path("callbackUrl").asString(null));
        transactions.executeWithoutResult(status -> outbox.publish(Topics.PARTNER_ACTIVATIONS, event));
    }
}
