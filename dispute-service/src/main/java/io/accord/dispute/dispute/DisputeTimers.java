package io.accord.dispute.dispute;

import io.accord.platform.scheduling.JobItems;
import io.accord.platform.security.Tenancy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The SLA and silence timers: first-response and resolution deadlines that passed are reported once
 * ({@code DisputeSlaBreached}) and escalate the dispute; a credit proposal (or one of nothing) left unanswered for
 * {@code accord.dispute.auto-accept-after} is accepted, a charge ({@code DEBIT_PARTNER}) never is: it waits for the
 * partner's explicit answer while the resolution deadline runs (its breach is reported). Deadlines are columns, so the timers survive restarts;
 * ShedLock runs a round on one replica at a time, and each dispute is changed in a transaction of its own
 * ({@link JobItems}): a dispute that cannot be handled (its row unreadable, say) is counted in
 * {@code job_item_failure} and put off, and the round goes on with the others.
 */
@Component
class DisputeTimers {

    static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    static final String RESOLUTION = "RESOLUTION";
    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String JOB = "dispute-timers";

    private static final Logger log = LoggerFactory.getLogger(DisputeTimers.class);

    private final DisputeRepository disputes;
    private final DisputeService service;
    private final DisputeNotifications notifications;
    private final DisputeProperties properties;
    private final JobItems jobItems;
    private final Clock clock;

    DisputeTimers(DisputeRepository disputes, DisputeService service, DisputeNotifications notifications,
                  DisputeProperties properties, JobItems jobItems, Clock clock) {
        this.disputes = disputes;
        this.service = service;
        this.notifications = notifications;
        this.properties = properties;
        this.jobItems = jobItems;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.dispute.timer-interval:1m}")
    @SchedulerLock(name = JOB)
    void tick() {
        runOnce(clock.instant());
    }

    /** One round at {@code now}: how many disputes changed. */
    int runOnce(Instant now) {
        List<UUID> due = disputes.dueForTimers(now, now.minus(properties.autoAcceptAfter()), properties.timerBatch());
        int changed = jobItems.each(JOB, due, id -> id, id -> disputes.findForUpdate(id)
                .map(dispute -> apply(dispute, now)).orElse(false) ? 1 : 0).changed();
        if (changed > 0) {
            log.info("Dispute timers changed {} dispute(s)", changed);
        }
        return changed;
    }

    private boolean apply(Dispute dispute, Instant now) {
        // a charge (DEBIT_PARTNER) waits for the partner's own answer: silence never agrees to pay more
        if (dispute.autoAcceptable()
                && !now.isBefore(dispute.proposal.proposedAt().plus(properties.autoAcceptAfter()))) {
            service.accepted(dispute, Tenancy.SYSTEM_ACTOR, "no answer within " + properties.autoAcceptAfter()
                    .toDays() + " days: accepted automatically");
            return true;
        }
        boolean changed = false;
        if (dispute.firstResponseOverdue(now)) {
            breach(dispute, FIRST_RESPONSE, now);
            changed = true;
        }
        if (dispute.resolutionOverdue(now)) {
            breach(dispute, RESOLUTION, now);
            changed = true;
        }
        return changed;
    }

    private void breach(Dispute dispute, String timer, Instant now) {
        DisputeResources.TicketView before = notifications.view(dispute);
        String from = dispute.state.name();
        dispute.breached(timer, now);
        notifications.breached(dispute, timer, properties.escalationRole());
        if (dispute.canEscalate()) {
            dispute.escalate(properties.escalationRole(), Tenancy.SYSTEM_ACTOR, Dispute.SYSTEM,
                    timer.toLowerCase().replace('_', ' ') + " SLA breached", now);
            disputes.update(dispute);
            notifications.moved(dispute, before, from, "escalated");
        } else {
            disputes.update(dispute);
        }
        log.info("Dispute {} breached its {} SLA (partner {})", dispute.id, timer, dispute.partnerId);
    }
}
