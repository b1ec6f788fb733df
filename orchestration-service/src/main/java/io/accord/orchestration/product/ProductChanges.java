package io.accord.orchestration.product;

import io.accord.contracts.Topics;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.events.ProductModified;
import io.accord.contracts.events.ProductTerminated;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.hub.TmfEvent;
import io.accord.platform.outbox.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a change of a product instance tells others, all in the transaction of the change: the audit trail, the TMF637
 * notification for the hub's subscribers (the owner, the participants and the buyer may receive it), the domain
 * event on {@code order.events.v1} through the outbox, and, when an instance ends, {@link ProductEnded} to this
 * service's listeners (inventory releases what realised it).
 */
@Component
class ProductChanges {

    static final String CREATE = "ProductCreateEvent";
    static final String STATE_CHANGE = "ProductStateChangeEvent";
    static final String ATTRIBUTE_CHANGE = "ProductAttributeValueChangeEvent";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProductChanges(Outbox outbox, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    void created(ProductView product) {
        audit.record(partner(product), "product", product.id().toString(), "created", null, product);
        notify(CREATE, product);
    }

    void activated(ProductView before, ProductView product) {
        record("activated", before, product, STATE_CHANGE);
        outbox.publish(Topics.ORDER_EVENTS, new ProductActivated(UUID.randomUUID(), clock.instant(),
                owner(product), product.startAt(), ProductViews.details(product)));
    }

    /** @param change {@code characteristics} or {@code status} */
    void modified(String action, ProductView before, ProductView product, String change, Instant at) {
        record(action, before, product, "status".equals(change) ? STATE_CHANGE : ATTRIBUTE_CHANGE);
        outbox.publish(Topics.ORDER_EVENTS, new ProductModified(UUID.randomUUID(), clock.instant(), owner(product),
                at, List.of(change), ProductViews.details(product)));
    }

    /**
     * Staff took over the buyer's bar of a suspended instance: audited and notified (the resource's
     * {@code suspendedBy} changed), no domain event (the status, all that rating and settlement read, did not).
     */
    void suspensionTakenOver(ProductView before, ProductView product) {
        record("suspensionTakenOver", before, product, ATTRIBUTE_CHANGE);
    }

    void terminated(ProductView before, ProductView product, String reason) {
        record("terminated", before, product, STATE_CHANGE);
        outbox.publish(Topics.ORDER_EVENTS, new ProductTerminated(UUID.randomUUID(), clock.instant(),
                owner(product), product.endAt(), reason, ProductViews.details(product)));
        ended(product, reason);
    }

    void cancelled(ProductView before, ProductView product) {
        record("cancelled", before, product, STATE_CHANGE);
        ended(product, product.stateReason());
    }

    /** In-process and synchronous: inventory releases the instance's resources in this transaction. */
    private void ended(ProductView product, String reason) {
        events.publishEvent(new ProductEnded(product.id(), product.state(), product.resources(), reason));
    }

    private void record(String action, ProductView before, ProductView after, String tmfEvent) {
        audit.record(partner(after), "product", after.id().toString(), action, before, after);
        notify(tmfEvent, after);
    }

    private void notify(String eventType, ProductView product) {
        events.publishEvent(new TmfEvent(eventType, "product", ProductViews.resource(product),
                partners(product), false));
    }

    /** The partners who may see the instance: the offering's owner and participants, and the buyer. */
    static Set<UUID> partners(ProductView product) {
        Set<UUID> partners = new HashSet<>();
        if (product.ownerPartnerId() != null) {
            partners.add(product.ownerPartnerId());
        }
        if (product.buyerPartnerId() != null) {
            partners.add(product.buyerPartnerId());
        }
        product.participants().forEach(participant -> {
            try {
                if (participant.partnerId() != null) {
                    partners.add(UUID.fromString(participant.partnerId()));
                }
            } catch (IllegalArgumentException notAPartnerId) {
                // catalog only names partners by id; anything else could not hold a token to read it with
            }
        });
        return partners;
    }

    /** The audit trail's partner: the offering's owner, or the buyer of a CSP offering. */
    static PartnerId partner(ProductView product) {
        UUID partner = product.ownerPartnerId() != null ? product.ownerPartnerId() : product.buyerPartnerId();
        return partner == null ? null : new PartnerId(partner);
    }

    private static String owner(ProductView product) {
        return product.ownerPartnerId() == null ? null : product.ownerPartnerId().toString();
    }
}
