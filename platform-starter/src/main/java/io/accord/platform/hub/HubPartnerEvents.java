package io.accord.platform.hub;

import io.accord.contracts.Topics;
import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;
import java.util.UUID;

/**
 * The hub's own consumer of {@code partner.events.v1} in every service with a hub: partner status changes into
 * {@link HubPartners}, each event applied exactly once (the inbox, consumer {@code <service>.hub}). Its own
 * consumer group ({@code <service>.hub}): in the service's group it would share the topic's partitions with the
 * service's other partner listeners (each would see only part of the events). A new group starts at the topic's
 * beginning, so a service learns of partners suspended or terminated before it had this listener.
 */
class HubPartnerEvents {

    /** Appended to {@code spring.application.name}: the consumer group and the inbox consumer name. */
    static final String SUFFIX = ".hub";

    private final Inbox inbox;
    private final HubPartners partners;
    private final String consumer;

    /** @param consumer the inbox consumer name, {@code <application>.hub}; never change it: events would apply anew */
    HubPartnerEvents(Inbox inbox, HubPartners partners, String consumer) {
        this.inbox = inbox;
        this.partners = partners;
        this.consumer = consumer;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS, batch = "true",
            groupId = "${spring.application.name:accord}" + SUFFIX)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(consumer, records, this::apply);
    }

    /** Inside the inbox's transaction: the status, the subscriptions' changes and the inbox row commit together. */
    private void apply(IncomingEvent event) {
        if ("PartnerStatusChanged".equals(event.type())) {
            PartnerStatusChanged change = event.payload(PartnerStatusChanged.class);
            partners.statusChanged(UUID.fromString(change.partnerId()), change.status(), event.sequence(),
                    change.occurredAt());
        }
    }
}
