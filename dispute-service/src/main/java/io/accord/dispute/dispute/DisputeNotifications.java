package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeOpened;
import io.accord.contracts.events.DisputeSlaBreached;
import io.accord.contracts.events.DisputeStatusChanged;
import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.hub.TmfEvent;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.security.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Every step's audit row, {@code dispute.events.v1} event (outbox) and TMF hub notification, in the step's
 * transaction. Everything here is built from the partner-visible view: an internal note cannot reach it, nor the id
 * of a draft that carries the adjustment (the audit trail is read by the partner's auditors, the hub notifies it).
 */
@Component
class DisputeNotifications {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final DisputeThread thread;
    private final Evidence evidence;
    private final AdjustmentSettlements settlements;
    private final Tenancy tenancy;
    private final Clock clock;

    DisputeNotifications(Outbox outbox, AuditTrail audit, ApplicationEventPublisher events, DisputeThread thread,
                         Evidence evidence, AdjustmentSettlements settlements, Tenancy tenancy, Clock clock) {
        this.settlements = settlements;
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
        this.thread = thread;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The dispute as the caller may see it: staff everything, anyone else {@link #partnerView}. */
    DisputeResources.TicketView view(Dispute dispute) {
        DisputeResources.TicketView view = DisputeViews.view(dispute, thread.comments(dispute.id),
                evidence.attachments(dispute.id),
                dispute.adjustmentId == null ? null : settlements.of(dispute.id).orElse(null));
        return tenancy.isStaff() ? view : view.forPartner();
    }

    private DisputeResources.TicketView partnerView(Dispute dispute) {
        return view(dispute).forPartner();
    }

    private static DisputeResources.TicketView forPartner(DisputeResources.TicketView before) {
        return before == null ? null : before.forPartner();
    }

    void opened(Dispute dispute) {
        DisputeResources.TicketView view = partnerView(dispute);
        audit.record(new PartnerId(dispute.partnerId), "troubleTicket", dispute.id.toString(), "opened", null, view);
        publish(new DisputeOpened(UUID.randomUUID(), clock.instant(), dispute.id.toString(),
                dispute.partnerId.toString(), dispute.category.name(),
                DisputeViews.plain(dispute.disputedAmount, dispute.currency), dispute.currency, dispute.statementId,
                dispute.source.name(), dispute.items.stream().map(item -> item.role() + ":" + item.refId()).toList(),
                dispute.firstResponseDue, dispute.resolutionDue));
        hub("TroubleTicketCreateEvent", dispute, view);
    }

    /** A state change: audit (before and after), event, hub. */
    void moved(Dispute dispute, DisputeResources.TicketView before, String from, String action) {
        DisputeResources.TicketView view = partnerView(dispute);
        audit.record(new PartnerId(dispute.partnerId), "troubleTicket", dispute.id.toString(), action,
                forPartner(before), view);
        Dispute.StatusChange last = dispute.history.getLast();
        publish(new DisputeStatusChanged(UUID.randomUUID(), clock.instant(), dispute.id.toString(),
                dispute.partnerId.toString(), from, dispute.state.name(), last.by(), last.reason()));
        hub("TroubleTicketStatusChangeEvent", dispute, view);
    }

    /** A change that moves no state (a comment, evidence, a description): audit and hub attribute event. */
    void changed(Dispute dispute, DisputeResources.TicketView before, String action) {
        DisputeResources.TicketView view = partnerView(dispute);
        audit.record(new PartnerId(dispute.partnerId), "troubleTicket", dispute.id.toString(), action,
                forPartner(before), view);
        hub("TroubleTicketAttributeValueChangeEvent", dispute, view);
    }

    /** An internal note is audited by its id only: the audit trail is read by auditors of the partner too. */
    void internalNoteAdded(Dispute dispute, UUID noteId) {
        audit.record(new PartnerId(dispute.partnerId), "troubleTicketInternalNote", noteId.toString(),
                "added", null, java.util.Map.of("disputeId", dispute.id.toString()));
    }

    void breached(Dispute dispute, String timer, String escalatedTo) {
        publish(new DisputeSlaBreached(UUID.randomUUID(), clock.instant(), dispute.id.toString(),
                dispute.partnerId.toString(), dispute.category.name(), timer,
                "FIRST_RESPONSE".equals(timer) ? dispute.firstResponseDue : dispute.resolutionDue, escalatedTo));
    }

    void publish(DomainEvent event) {
        outbox.publish(Topics.DISPUTE_EVENTS, event);
    }

    private void hub(String type, Dispute dispute, DisputeResources.TicketView view) {
        events.publishEvent(new TmfEvent(type, "troubleTicket", view, Set.of(dispute.partnerId), false));
    }
}
