package io.accord.dispute.document;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps each partner's dispute window from {@code partner.events.v1} (each event once: the inbox). */
@Component
class PartnerEventsListener {

    static final String CONSUMER = "dispute.agreements";

    private final Inbox inbox;
    private final DisputableDocuments documents;

    PartnerEventsListener(Inbox inbox, DisputableDocuments documents) {
        this.inbox = inbox;
        this.documents = documents;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        if ("AgreementActivated".equals(event.type())) {
            documents.agreementActivated(event.payload(AgreementActivated.class), event.sequence());
        }
    }
}
