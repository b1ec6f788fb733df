package io.accord.catalog.partner;

import io.accord.contracts.Topics;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.platform.inbox.IncomingEvent;
import io.accord.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    PartnerEventsListener(Inbox inbox, KnownPartnerRepository partners) {
        this.inbox = inbox;
        this.partners = partners;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "PartnerActivated" -> activated(event.payload(PartnerActivated.class));
            case "PartnerStatusChanged" -> statusChanged(event.payload(PartnerStatusChanged.class));
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }

    private void activated(PartnerActivated event) {
        UUID id = UUID.fromString(event.partnerId());
        KnownPartner partner = partners.findById(id)
                .orElseGet(() -> new KnownPartner(id, event.legalName(), KnownPartner.ACTIVE, event.occurredAt()));
        partner.activated(event.legalName(), event.occurredAt());
        partners.save(partner);
        log.info("Partner {} ({}) is active in the catalog", id, event.legalName());
    }

    private void statusChanged(PartnerStatusChanged event) {
        UUID id = UUID.fromString(event.partnerId());
        partners.findById(id).ifPresentOrElse(partner -> {
            partner.statusChanged(event.status(), event.occurredAt());
            partners.save(partner);
        }, () -> log.warn("Status change of unknown partner {} ignored", id));
    }
}
