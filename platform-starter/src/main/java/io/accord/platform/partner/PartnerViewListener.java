package io.accord.platform.partner;

import io.accord.contracts.Topics;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;
import java.util.UUID;

/**
 * Keeps the {@link PartnerView} current from {@code partner.events.v1}, each event applied exactly once, and tells
 * the service's features of an applied status change ({@link PartnerViewStatusChanged}) in the same transaction.
 */
class PartnerViewListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerViewListener.class);

    private final Inbox inbox;
    private final PartnerView view;
    private final String consumer;
    private final ApplicationEventPublisher publisher;

    /** @param consumer the inbox consumer name, {@code <application>.partner-view} */
    PartnerViewListener(Inbox inbox, PartnerView view, String consumer, ApplicationEventPublisher publisher) {
        this.inbox = inbox;
        this.view = view;
        this.consumer = consumer;
        this.publisher = publisher;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(consumer, records, this::apply);
    }

    /** Inside the inbox's transaction: the view's change, the listeners' changes and the inbox row commit together. */
    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "PartnerActivated" -> {
                PartnerActivated activation = event.payload(PartnerActivated.class);
                view.activated(UUID.fromString(activation.partnerId()), activation.legalName(),
                        activation.businessModel(), event.sequence(), activation.occurredAt());
                log.info("Partner {} ({}) activated", activation.partnerId(), activation.legalName());
            }
            case "PartnerStatusChanged" -> {
                PartnerStatusChanged change = event.payload(PartnerStatusChanged.class);
                UUID id = UUID.fromString(change.partnerId());
                if (view.statusChanged(id, change.status(), event.sequence(), change.occurredAt())) {
                    publisher.publishEvent(new PartnerViewStatusChanged(id, change.status(), change.occurredAt()));
                }
                log.info("Partner {} status {} (event {}, sequence {})", change.partnerId(), change.status(),
                        event.id(), event.sequence());
            }
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }
}
