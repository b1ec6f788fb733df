package io.accord.catalog.partner;

import io.accord.contracts.Topics;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.platform.inbox.IncomingEvent;
import io.accord.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Keeps {@link KnownPartner} current from {@code partner.events.v1}, each event applied exactly once. */
@Component
class PartnerEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);
    private static final String CONSUMER = "catalog.partner-view";

    private final Inbox inbox;
    private final KnownPartnerRepository partners;
    private final ApplicationEventPublisher publisher;

    PartnerEventsListener(Inbox inbox, KnownPartnerRepository partners, ApplicationEventPublisher publisher) {
        this.inbox = inbox;
        this.partners = partners;
        this.publisher = publisher;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "PartnerActivated" -> activated(event, event.payload(PartnerActivated.class));
            case "PartnerStatusChanged" -> statusChanged(event, event.payload(PartnerStatusChanged.class));
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }

    private void activated(IncomingEvent event, PartnerActivated activation) {
        UUID id = UUID.fromString(activation.partnerId());
        partners.findById(id).ifPresentOrElse(partner -> {
            boolean newest = event.isNewerThan(partner.sequence());
            partner.activationArrived(activation.legalName(), newest, event.sequence(), activation.occurredAt());
            log.info("Partner {} ({}) activated; status {} in the catalog{}", id, activation.legalName(),
                    partner.status(), newest ? "" : " (a newer status change arrived first)");
        }, () -> {
            partners.save(KnownPartner.activated(id, activation.legalName(), event.sequence(), activation.occurredAt()));
            log.info("Partner {} ({}) is active in the catalog", id, activation.legalName());
        });
    }

    private void statusChanged(IncomingEvent event, PartnerStatusChanged change) {
        UUID id = UUID.fromString(change.partnerId());
        partners.findById(id).ifPresentOrElse(partner -> {
            if (event.isNewerThan(partner.sequence())) {
                partner.statusChanged(change.status(), event.sequence(), change.occurredAt());
                publisher.publishEvent(new PartnerStatusUpdated(id, change.status()));
            } else {
                log.info("Ignoring stale status change {} of partner {} (sequence {}, catalog holds {})",
                        event.id(), id, event.sequence(), partner.sequence());
            }
        }, () -> {
            // the activation is on its way (published before, delivered later): keep what we learnt for it
            partners.save(KnownPartner.placeholder(id, change.status(), event.sequence(), change.occurredAt()));
            log.info("Status {} of partner {} arrived before its activation; kept until the activation completes it",
                    change.status(), id);
        });
    }
}
