package io.accord.settlement.partner;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementExpired;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerBankAccountConfirmed;
import io.accord.contracts.events.PartnerTaxIdChanged;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import io.accord.platform.inbox.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the partner read model from {@code partner.events.v1}, each event once (the inbox) and whatever the order:
 * an agreement's activation and its end fill disjoint columns (the earliest end wins), and the legal data, the tax id
 * (from {@code PartnerActivated}, later from {@code PartnerTaxIdChanged}) and the bank account each keep the partner
 * sequence ({@code ce_sequence}) of the event they came from, so an older event arriving late never overwrites a
 * newer one.
 */
@Component
class PartnerEventsListener {

    static final String CONSUMER = "settlement.partners";

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

    private final Inbox inbox;
    private final PartnerStore store;

    PartnerEventsListener(Inbox inbox, PartnerStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "AgreementActivated" -> activated(event.payload(AgreementActivated.class));
            case "AgreementSuperseded" -> {
                AgreementSuperseded ended = event.payload(AgreementSuperseded.class);
                store.ended(ended.agreementId(), partner(ended.partnerId()), ended.inForceUntil(), "SUPERSEDED",
                        ended.occurredAt());
            }
            case "AgreementTerminated" -> {
                AgreementTerminated ended = event.payload(AgreementTerminated.class);
                store.ended(ended.agreementId(), partner(ended.partnerId()), ended.inForceUntil(), "TERMINATED",
                        ended.occurredAt());
            }
            case "AgreementExpired" -> {
                AgreementExpired ended = event.payload(AgreementExpired.class);
                store.ended(ended.agreementId(), partner(ended.partnerId()), ended.inForceUntil(), "EXPIRED",
                        ended.occurredAt());
            }
            case "PartnerActivated" -> partnerActivated(event, event.payload(PartnerActivated.class));
            case "PartnerBankAccountConfirmed" -> bankConfirmed(event, event.payload(PartnerBankAccountConfirmed.class));
            case "PartnerTaxIdChanged" -> taxIdChanged(event, event.payload(PartnerTaxIdChanged.class));
            default -> log.debug("Ignoring {} event {}", event.type(), event.id());
        }
    }

    private void activated(AgreementActivated activated) {
        if (activated.terms() == null || activated.inForceFrom() == null || activated.agreementId() == null) {
            throw new PoisonMessageException("AgreementActivated " + activated.eventId()
                    + " lacks its agreement id, start or terms");
        }
        partner(activated.partnerId());
        store.activated(activated);
        log.info("Agreement {} v{} of partner {} in force from {} ({} cycle)", activated.agreementId(),
                activated.version(), activated.partnerId(), activated.inForceFrom(),
                activated.terms().settlementCycle());
    }

    private void partnerActivated(IncomingEvent event, PartnerActivated activated) {
        UUID partnerId = partner(activated.partnerId());
        Optional<PartnerStore.Held> held = store.held(partnerId);
        boolean legalNewer = held.isEmpty() || !held.get().legalSeen()
                || event.isNewerThan(held.get().legalSequence());
        if (legalNewer) {
            store.legal(activated, event.sequence(), held.isEmpty() || event.isNewerThan(held.get().taxSequence()));
        }
        boolean bankNewer = held.isEmpty() || event.isNewerThan(held.get().bankSequence());
        PartnerActivated.BankAccount account = activated.bankAccount();
        if (account != null && bankNewer) {
            store.bank(partnerId, new PartnerStore.Account(account.iban(), account.bic(), account.accountNumber(),
                    account.bankCode()), activated.occurredAt(), event.sequence());
        }
    }

    private void bankConfirmed(IncomingEvent event, PartnerBankAccountConfirmed confirmed) {
        UUID partnerId = partner(confirmed.partnerId());
        Optional<PartnerStore.Held> held = store.held(partnerId);
        if (held.isPresent() && !event.isNewerThan(held.get().bankSequence())) {
            log.info("Ignoring stale bank account confirmation {} of partner {}", event.id(), partnerId);
            return;
        }
        store.bank(partnerId, new PartnerStore.Account(confirmed.iban(), confirmed.bic(), confirmed.accountNumber(),
                confirmed.bankCode()), confirmed.occurredAt(), event.sequence());
    }

    private void taxIdChanged(IncomingEvent event, PartnerTaxIdChanged changed) {
        UUID partnerId = partner(changed.partnerId());
        if (changed.taxId() == null || changed.taxId().isBlank()) {
            throw new PoisonMessageException("PartnerTaxIdChanged " + changed.eventId() + " carries no tax id");
        }
        Optional<PartnerStore.Held> held = store.held(partnerId);
        if (held.isPresent() && !event.isNewerThan(held.get().taxSequence())) {
            log.info("Ignoring stale tax id change {} of partner {}", event.id(), partnerId);
            return;
        }
        store.taxId(partnerId, changed.taxId(), changed.changedAt() == null ? changed.occurredAt()
                : changed.changedAt(), event.sequence());
        log.info("Tax id of partner {} changed", partnerId);
    }

        private static UUID partner(String partnerId) {
        try {
            return UUID.fromString(partnerId);
        } catch (RuntimeException malformed) {
            throw new PoisonMessageException("partner id '" + partnerId + "' is not a UUID");
        }
    }
}
