package io.accord.orchestration.product;

import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.activation.PartnerActivation;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.saga.SagaEnded;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.orchestration.saga.StepState;
import io.accord.orchestration.saga.StepView;
import io.accord.platform.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * When staff terminate a product (PATCH), the partners' systems that activated it are asked to deactivate it, as
 * a delete order would have them told: one saga per partner (reference {@code productTermination/<productId>/
 * <partnerId>}, so one partner's system being down holds no other up) of the activation feature's
 * {@link PartnerActivation#deactivation deactivation} step, started in the termination's transaction (it exists
 * exactly when the termination does; the partner's answer never fails the termination). The request and each
 * saga's end are recorded in the product's audit trail.
 */
@Component
class PartnerDeactivations {

    static final String REFERENCE_PREFIX = "productTermination/";
    static final String REQUESTED = "partnerDeactivationRequested";
    static final String DONE = "partnerDeactivated";
    static final String GIVEN_UP = "partnerDeactivationGivenUp";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SellableOfferings offerings;
    private final Sagas sagas;
    private final ProductRepository products;
    private final AuditTrail audit;

    PartnerDeactivations(SellableOfferings offerings, Sagas sagas, ProductRepository products, AuditTrail audit) {
        this.offerings = offerings;
        this.sagas = sagas;
        this.products = products;
        this.audit = audit;
    }

    /** What the product's audit trail records of a request to one partner. */
    record Request(UUID partnerId, UUID sagaId) {
    }

    /** What the product's audit trail records when a partner's deactivation saga ended; reason: why not done. */
    record Outcome(UUID partnerId, UUID sagaId, String sagaState, String stepState, int attempts, String reason) {
    }

    /** In the caller's transaction, the one that terminated {@code product}. */
    void terminated(ProductView product, String reason) {
        Set<UUID> partners = activatedAt(product);
        if (partners.isEmpty()) {
            return;
        }
        ObjectNode activation = JSON.createObjectNode().put("operation", "terminate")
                .put("productId", product.id().toString()).put("offeringId", product.offeringId())
                .put("reason", reason);
        ArrayNode resources = activation.putArray("resources");
        product.resources().forEach(resource -> resources.add(JSON.createObjectNode()
                .put("resourceType", resource.resourceType()).put("value", resource.value())));
        List<Request> requests = new ArrayList<>();
        for (UUID partner : partners) {
            SagaView saga = sagas.start(REFERENCE_PREFIX + product.id() + "/" + partner,
                    List.of(PartnerActivation.deactivation(new PartnerId(partner), activation)));
            requests.add(new Request(partner, saga.id()));
        }
        audit.record(ProductChanges.partner(product), "product", product.id().toString(), REQUESTED, null, requests);
    }

    /**
     * A deactivation saga ended (in its transaction): done, or not (its attempts ran out, the partner refused, or ops
     * skipped it; a saga that failed stays in the ops fallout queue).
     */
    @EventListener
    void on(SagaEnded ended) {
        SagaView saga = ended.saga();
        if (saga.reference() == null || !saga.reference().startsWith(REFERENCE_PREFIX)) {
            return;
        }
        String[] ids = saga.reference().substring(REFERENCE_PREFIX.length()).split("/");
        Optional<ProductView> product = ids.length == 2
                ? uuid(ids[0]).flatMap(products::find).map(ProductViews::view) : Optional.empty();
        Optional<StepView> step = saga.steps().stream().findFirst();
        if (product.isEmpty() || step.isEmpty()) {
            return;
        }
        StepView deactivation = step.get();
        String why = deactivation.skipReason() != null ? "skipped: " + deactivation.skipReason()
                : deactivation.lastError();
        audit.record(ProductChanges.partner(product.get()), "product", product.get().id().toString(),
                deactivation.state() == StepState.DONE ? DONE : GIVEN_UP, null, new Outcome(uuid(ids[1]).orElse(null),
                        saga.id(), saga.state().name(), deactivation.state().name(), deactivation.attempts(), why));
    }

    /**
     * Where the product was activated: nowhere unless its offering's specification asks for partner activation
     * (the offering as the read model holds it; one it no longer knows: nowhere, as for a delete order); then at
     * the owner and each co-creating participant the instance recorded when it was ordered.
     */
    private Set<UUID> activatedAt(ProductView product) {
        Set<UUID> partners = new LinkedHashSet<>();
        boolean needed = offerings.find(product.offeringId()).map(SellableOfferings.Offering::specification)
                .map(specification -> specification.partnerActivation()).orElse(false);
        if (!needed) {
            return partners;
        }
        if (product.ownerPartnerId() != null) {
            partners.add(product.ownerPartnerId());
        }
        product.participants().forEach(participant -> uuid(participant.partnerId()).ifPresent(partners::add));
        return partners;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
