package io.accord.platform.hub;

import io.accord.platform.audit.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers committed hub deliveries. Each pass leases subscriptions with something due
 * ({@link Deliveries#claim}: {@code FOR UPDATE SKIP LOCKED}, so every replica can run its relay and no two deliver
 * to one subscription at once) and gives each a turn on a virtual thread of its own, at most {@code batch-size}
 * at a time. A subscription's deliveries go
 * out one after the other in the order they were written; the first failure ends its turn and sets its backoff
 * ({@link DeliveryPolicy}), so a later delivery never overtakes an earlier one that is being retried. A delivery
 * is given up (dead) after max-attempts; a subscription is disabled after disable-after consecutive failures
 * (logged at WARN, audited, visible on {@code GET .../hub/{id}}).
 *
 * <p>Delivery is at least once: a callback that answered 2xx while this replica died before recording it gets
 * the delivery again. Receivers deduplicate by {@code X-Accord-Delivery-Id} (or the event id).
 */
class HubRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HubRelay.class);

    private final UUID relayId = UUID.randomUUID();
    private final Deliveries deliveries;
    private final CallbackClient callbacks;
    private final DeliveryPolicy policy;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final HubProperties properties;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    private final Counter dead;
    private final Counter disabled;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;

    HubRelay(Deliveries deliveries, CallbackClient callbacks, TransactionTemplate transactions, AuditTrail audit,
             HubProperties properties, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.callbacks = callbacks;
        this.policy = DeliveryPolicy.of(properties);
        this.transactions = transactions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.slots = new Semaphore(properties.batchSize());
        this.delivered = outcome(meters, "delivered");
        this.failed = outcome(meters, "failed");
        this.dead = outcome(meters, "dead");
        this.disabled = Counter.builder("accord.hub.subscriptions.disabled")
                .description("Hub subscriptions disabled after repeated delivery failures").register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("accord.hub.deliveries").tag("outcome", outcome)
                .description("Hub delivery attempts by outcome (dead: given up after max-attempts)").register(meters);
    }

    @Scheduled(fixedDelayString = "${accord.platform.hub.poll-interval:500ms}")
    void relay() {
        pass();
    }

    /**
     * Leases as many due subscriptions as this relay has free slots ({@code batch-size} turns run at once) and
     * starts a turn for each without waiting for it, so one slow callback never holds up the others; returns how
     * many were leased.
     */
    int pass() {
        int free = slots.availablePermits();
        if (free == 0 || workers.isShutdown()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Deliveries.Claimed> claimed = deliveries.claim(relayId, now, now.plus(properties.lease()), free);
        for (Deliveries.Claimed subscription : claimed) {
            slots.acquireUninterruptibly();
            try {
                workers.execute(() -> {
                    try {
                        turn(subscription);
                    } catch (RuntimeException failure) {
                        log.error("Hub delivery turn of subscription {} failed; it is retried after its lease",
                                subscription.id(), failure);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                slots.release();
                deliveries.release(subscription.id(), relayId);
            }
        }
        return claimed.size();
    }

    private void turn(Deliveries.Claimed subscription) {
        try {
            int failures = subscription.consecutiveFailures();
            for (Deliveries.Pending delivery : deliveries.pending(subscription.id(), HubProperties.PER_TURN)) {
                Optional<CallbackClient.Failure> failure = callbacks.post(subscription.callback(),
                        subscription.secret(), delivery.id(), delivery.eventId(), delivery.payload());
                if (failure.isEmpty()) {
                    transactions.executeWithoutResult(status ->
                            deliveries.delivered(subscription.id(), delivery.id(), clock.instant()));
                    delivered.increment();
                    failures = 0;
                    continue;
                }
                failures++;
                recordFailure(subscription, delivery, failure.get(), failures);
                break;
            }
        } finally {
            deliveries.release(subscription.id(), relayId);
        }
    }

    /**
     * The failure's reason becomes the subscription's {@code lastError} (its owner reads it); the log line names the
     * subscription and its owner and has the detail too (a refused host's address, the exception).
     */
    private void recordFailure(Deliveries.Claimed subscription, Deliveries.Pending delivery,
                               CallbackClient.Failure failure, int failures) {
        DeliveryPolicy.Decision decision = policy.afterFailure(delivery.attempts() + 1, failures);
        Instant now = clock.instant();
        String error = failure.reason();
        String reason = decision.disable() ? disabledReason(failures) : null;
        transactions.executeWithoutResult(status -> {
            boolean exists = deliveries.failed(subscription.id(), delivery.id(), error, now, decision, failures,
                    reason);
            if (exists && decision.disable()) {
                audit.record(subscription.partner(), HubSubscriptions.RESOURCE_TYPE, subscription.id().toString(),
                        "hub-subscription-disabled", Map.of("status", "active"),
                        Map.of("status", "disabled", "consecutiveFailures", failures, "lastError", error,
                                "statusReason", reason));
            }
        });
        failed.increment();
        String detail = failure.detail().equals(error) ? "" : " [" + failure.detail() + "]";
        if (decision.dead()) {
            dead.increment();
            log.warn("Hub delivery {} of event {} ({}) to subscription {} (owner {}, {}) is given up after {} "
                            + "attempts: {}{}", delivery.id(), delivery.eventId(), delivery.eventType(),
                    subscription.id(), owner(subscription), subscription.callback(), delivery.attempts() + 1, error,
                    detail);
        } else {
            log.info("Hub delivery {} to subscription {} (owner {}, {}) failed (attempt {}), subscription retried "
                            + "in {}: {}{}", delivery.id(), subscription.id(), owner(subscription),
                    subscription.callback(), delivery.attempts() + 1, decision.retryIn(), error, detail);
        }
        if (decision.disable()) {
            disabled.increment();
            log.warn("Hub subscription {} (owner {}, {}) is DISABLED after {} consecutive failed deliveries, last: "
                            + "{}{}; it receives nothing until re-enabled (POST .../hub/{}/enable)", subscription.id(),
                    owner(subscription), subscription.callback(), failures, error, detail, subscription.id());
        }
    }

    /** What {@code GET .../hub/{id}} shows as {@code statusReason} of a subscription disabled by its failures. */
    private static String disabledReason(int failures) {
        return "Disabled after " + failures + " consecutive failed deliveries (see lastError); fix the callback, then "
                + "POST .../hub/{id}/enable";
    }

    /** The subscription's owner for the log: its partner, or "staff". */
    private static String owner(Deliveries.Claimed subscription) {
        return subscription.partner() == null ? "staff" : "partner " + subscription.partner();
    }

    /** Lets the turns under way finish (each is bounded by its timeouts) before the service stops. */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(properties.lease().toMillis(), TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
        }
    }
}
