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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Every step's audit row, {@code dispute.events.v1} event (outbox) and TMF hub notification, in the step's
 * transaction. Everything here is built from the partner-visible view: an internal note cannot reach it, nor the id
 * of a draft that carries the adjustment, nor the name of a staff user ({@link ActorNames}; the audit trail is read by
 * the partner's auditors, the hub notifies it).
 */
@Component
class DisputeNotifications {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final DisputeThread thread;
    private final Evidence evidence;
    private final AdjustmentSettlements settlements;
    private final ActorNames actors;
    private final Tenancy tenancy;
    private final DisputeProperties properties;
    private final Clock clock;

    DisputeNotifications(Outbox outbox, AuditTrail audit, ApplicationEventPublisher events, DisputeThread thread,
                         Evidence evidence, AdjustmentSettlements settlements, ActorNames actors, Tenancy tenancy,
                         DisputeProperties properties, Clock clock) {
        this.properties = properties;
        this.settlements = settlements;
        this.actors = actors;
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
        this.thread = thread;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The dispute as the caller may see it: staff everything, anyone else {@link Seen#partner}. */
    DisputeResources.TicketView view(Dispute dispute) {
        Seen seen = new Seen(dispute);
        return tenancy.isStaff() ? seen.staff() : seen.partner();
    }

    /**
     * A dispute's staff view and what its partner may see of it, now and (for a step's audit row) before the step:
     * the partner's names of the dispute as it is now, so a name shown before is shown after.
     */
    private final class Seen {

        private final Dispute dispute;
        private final List<DisputeThread.Comment> comments;
        private final List<Evidence.Attachment> attachments;
        private final DisputeResources.TicketView staff;
        private UnaryOperator<String> names;

        Seen(Dispute dispute) {
            this.dispute = dispute;
            this.comments = thread.comments(dispute.id);
            this.attachments = evidence.attachments(dispute.id);
            this.staff = DisputeViews.view(dispute, comments, attachments,
                    dispute.adjustmentId == null ? null : settlements.of(dispute.id).orElse(null),
                    properties.autoAcceptAfter());
        }

        DisputeResources.TicketView staff() {
            return staff;
        }

        DisputeResources.TicketView partner() {
            return forPartner(staff);
        }

        DisputeResources.TicketView forPartner(DisputeResources.TicketView view) {
            if (view == null) {
                return null;
            }
            if (names == null) {
                names = actors.forPartner(dispute, comments);
            }
            return view.forPartner(names);
        }
    }

    void opened(Dispute dispute) {
        DisputeResources.TicketView view = new Seen(dispute).partner();
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
        Seen seen = new Seen(dispute);
        DisputeResources.TicketView view = seen.partner();
        audit.record(new PartnerId(dispute.partnerId), "troubleTicket", dispute.id.toString(), action,
                seen.forPartner(before), view);
        Dispute.StatusChange last = dispute.history.getLast();
        publish(new DisputeStatusChanged(UUID.randomUUID(), clock.instant(), dispute.id.toString(),
                dispute.partnerId.toString(), from, dispute.state.name(), last.by(), last.reason()));
        hub("TroubleTicketStatusChangeEvent", dispute, view);
    }

    /** A change that moves no state (a comment, evidence, a description): audit and hub attribute event. */
    void changed(Dispute dispute, DisputeResources.TicketView before, String action) {
        Seen seen = new Seen(dispute);
        DisputeResources.TicketView view = seen.partner();
        audit.record(new PartnerId(dispute.partnerId), "troubleTicket", dispute.id.toString(), action,
                seen.forPartner(before), view);
        hub("TroubleTicketAttributeValueChangeEvent", dispute, view);
    }

    /** An internal note is audited by its id only: the audit trail is read by auditors of the partner too. */
    void internalNoteAdded(Dispute dispute, UUID noteId) {
        audit.record(new PartnerId(dispute.partnerId), "troubleTicketInternalNote", noteId.toString(),
                "added", null, java.util.Map.of("disputeId", dispute.id.toString()));
    }

    /**
     * An assignment (or its removal, {@code after} null) is audited as a resource of its own: the dispute's audit rows
     * carry the partner's view, which never names the assignee. No event, no hub notification: nothing the partner
     * sees changed.
     */
    void assigned(Dispute dispute, String before, String after) {
        audit.record(new PartnerId(dispute.partnerId), "troubleTicketAssignment", dispute.id.toString(),
                after == null ? "unassigned" : "assigned", before == null ? null : java.util.Map.of("assignee", before),
                after == null ? null : java.util.Map.of("assignee", after));
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
