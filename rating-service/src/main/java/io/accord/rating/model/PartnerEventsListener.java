package io.accord.rating.model;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementExpired;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Keeps every agreement version from {@code partner.events.v1}, each event applied once (the inbox). Each event is
 * about one version, and rating needs old versions too (usage is rated at its own time), so an event is never
 * dropped as stale: the terms come from the activation, the end is the earliest one any supersession,
 * termination, expiry or successor's activation gave, whichever arrived first.
 */
@Component
class PartnerEventsListener {

    static final String CONSUMER = "rating.model.agreements";
    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

    private final Inbox inbox;
    private final ModelStore store;
    private final RatingModel model;
    private final Clock clock;

    PartnerEventsListener(Inbox inbox, ModelStore store, RatingModel model, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.model = model;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        if (inbox.receiveAll(CONSUMER, records, this::apply) > 0) {
            model.changed();
        }
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "AgreementActivated" -> activated(event.payload(AgreementActivated.class));
            case "AgreementSuperseded" -> {
                AgreementSuperseded superseded = event.payload(AgreementSuperseded.class);
                store.agreementEnded(superseded.agreementId(), superseded.partnerId(), superseded.version(),
                        superseded.inForceUntil(), "SUPERSEDED", clock.instant());
                log.info("Agreement {} of partner {} superseded at {}", superseded.agreementId(),
                        superseded.partnerId(), superseded.inForceUntil());
            }
            case "AgreementTerminated" -> terminated(event.payload(AgreementTerminated.class));
            case "AgreementExpired" -> {
                AgreementExpired expired = event.payload(AgreementExpired.class);
                store.agreementEnded(expired.agreementId(), expired.partnerId(), expired.version(),
                        expired.inForceUntil(), "EXPIRED", clock.instant());
                log.info("Agreement {} of partner {} expired at {}", expired.agreementId(), expired.partnerId(),
                        expired.inForceUntil());
            }
            default -> {
                log.debug("Ignoring {} event {}", event.type(), event.id());
                return;
            }
        }
        store.countChange();
    }

    private void activated(AgreementActivated activated) {
        store.agreementActivated(activated, clock.instant());
        if (activated.supersededAgreementId() != null) {
            store.agreementEnded(activated.supersededAgreementId(), activated.partnerId(), null,
                    activated.inForceFrom(), "SUPERSEDED", clock.instant());
        }
        log.info("Agreement {} version {} of partner {} in force from {}", activated.agreementId(),
                activated.version(), activated.partnerId(), activated.inForceFrom());
    }

    private void terminated(AgreementTerminated terminated) {
        if ("ACTIVE".equals(terminated.previousStatus()) && terminated.inForceUntil() != null) {
            store.agreementEnded(terminated.agreementId(), terminated.partnerId(), terminated.version(),
                    terminated.inForceUntil(), "TERMINATED", clock.instant());
        } else {
            store.agreementNeverInForce(terminated.agreementId(), terminated.partnerId(), terminated.version(),
                    clock.instant());
        }
        log.info("Agreement {} of partner {} terminated (was {}) at {}: {}", terminated.agreementId(),
                terminated.partnerId(), terminated.previousStatus(), terminated.inForceUntil(),
                terminated.reason());
    }
}
