package io.accord.dispute.dispute;

import io.accord.platform.scheduling.JobItems;
import io.accord.platform.security.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SLA and silence timers: first-response and resolution deadlines that passed are reported once
 * ({@code DisputeSlaBreached}) and escalate the dispute; a credit proposal (or one of nothing) left unanswered for
 * {@code accord.dispute.auto-accept-after} is accepted, a charge ({@code DEBIT_PARTNER}) never is: it waits for the
 * partner's explicit answer while the resolution deadline runs (its breach is reported). Deadlines are columns, so the timers survive restarts;
 * ShedLock runs a round on one replica at a time, and each dispute is changed in a transaction of its own
 * ({@link JobItems}): a dispute that cannot be handled (its row unreadable, say) is counted in
 * {@code job_item_failure} and put off, and the round goes on with the others. Each breach is counted in
 * {@value #BREACHED} by {@code timer} once its dispute's transaction committed (a rolled-back one counts nothing).
 */
@Component
class DisputeTimers {

    static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    static final String RESOLUTION = "RESOLUTION";
    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String JOB = "dispute-timers";
    static final String BREACHED = "accord.dispute.sla.breached";

    private static final Logger log = LoggerFactory.getLogger(DisputeTimers.class);

    private final DisputeRepository disputes;
    private final DisputeService service;
    private final DisputeNotifications notifications;
    private final DisputeProperties properties;
    private final JobItems jobItems;
    private final Clock clock;
    private final Map<String, Counter> breaches;

    DisputeTimers(DisputeRepository disputes, DisputeService service, DisputeNotifications notifications,
                  DisputeProperties properties, JobItems jobItems, Clock clock, MeterRegistry meters) {
        this.disputes = disputes;
        this.service = service;
        this.notifications = notifications;
        this.properties = properties;
        this.jobItems = jobItems;
        this.clock = clock;
        this.breaches = Map.of(FIRST_RESPONSE, breachCounter(meters, FIRST_RESPONSE),
                RESOLUTION, breachCounter(meters, RESOLUTION));
    }

    private static Counter breachCounter(MeterRegistry meters, String timer) {
        return Counter.builder(BREACHED).description("SLA deadlines of disputes that passed (reported and escalated)")
                .tag("timer", timer).register(meters);
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
        count(breaches.get(timer));
    }

    /** Counts once the dispute's transaction committed (at once outside one). */
    private static void count(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
