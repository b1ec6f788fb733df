package io.accord.onboarding.identity;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.retry.Backoffs;
import org.slf4j.Logger;
import org.springframework.beans.factory.DisposableBean;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works due provisioning rows against Keycloak, one row per transaction. The row stays locked
 * ({@code FOR UPDATE SKIP LOCKED}) while its Keycloak calls run, so with several replicas each row is worked by
 * exactly one of them at a time; the steps are find-or-create, so a crash half-way only repeats work.
 * A failure is recorded on the row with a capped exponential backoff, and retried until it succeeds, unless
 * retrying cannot heal it (another partner's user, data Keycloak refuses): that row stops in NEEDS_ATTENTION,
 * audited and shown to staff, until they resolve it and ask for a retry.
 *
 * <p>The schedule only triggers; the Keycloak calls run on the worker's own thread, so a Keycloak that hangs
 * until the read timeout delays this worker alone, never the outbox relay on the shared scheduler thread.
 */
@Component
class ProvisioningWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);

    private final ProvisioningRepository provisionings;
    private final KeycloakDirectory keycloak;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final UserLocales locales;
    private final ExponentialBackOff backoff;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("identity-provisioning").daemon().factory());
    private final AtomicBoolean running = new AtomicBoolean();

    ProvisioningWorker(ProvisioningRepository provisionings, KeycloakDirectory keycloak, AuditTrail audit,
                       PlatformTransactionManager transactionManager, IdentityProperties properties, UserLocales locales,
                       Clock clock) {
        this.provisionings = provisionings;
        this.keycloak = keycloak;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.locales = locales;
        this.backoff = properties.backoff();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.onboarding.identity.poll-interval:2s}")
    void poll() {
        if (!properties.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    workDueRows();
                } catch (RuntimeException failure) {
                    // the database, not Keycloak (whose failures are recorded on the rows): try again next poll
                    log.error("Identity provisioning worker failed; it runs again at the next poll", failure);
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            running.set(false);
        }
    }

    /**
     * Works due rows until none is left, one failed, or a batch is done; returns how many were worked. After a
     * failure the rest wait for the next poll: when Keycloak is down, every other row would fail the same way.
     */
    int workDueRows() {
        int worked = 0;
        Outcome outcome = Outcome.SUCCEEDED;
        while (worked < properties.batchSize() && outcome != Outcome.NOTHING_DUE && outcome != Outcome.FAILED) {
            outcome = transactions.execute(status -> workOneRow());
            if (outcome != Outcome.NOTHING_DUE) {
                worked++;
            }
        }
        return worked;
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(properties.readTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }

    private Outcome workOneRow() {
        Optional<Provisioning> claimed = provisionings.claimDue(clock.instant());
        if (claimed.isEmpty()) {
            return Outcome.NOTHING_DUE;
        }
        Provisioning provisioning = claimed.get();
        ProvisioningStatus before = provisioning.status();
        if (provisioning.revoking()) {
            return revoke(provisioning, before);
        }
        if (provisioning.erasing()) {
            return erase(provisioning, before);
        }
        boolean invited = false;
        try {
            KeycloakIdentity identity = keycloak.provision(provisioning.partner(), provisioning.legalName(),
                    provisioning.admin(), locales.of(provisioning.partner()));
            provisioning.identified(identity);
            if (provisioning.invitationDue()) {
                invite(provisioning, identity);
                invited = true;
            }
            provisioning.succeeded(identity, clock.instant());
            log.info("Provisioned partner {} in Keycloak: group {}, admin user {}", before.partnerId(),
                    identity.groupId(), identity.userId());
        } catch (RuntimeException failure) {
            if (ProvisioningFailures.permanent(failure)) {
                // found on 2026-12-07: a conflict with another partner's admin was retried every few minutes, for
                // good, and only the row said so
                provisioning.needsAttention(describe(failure), clock.instant());
                log.error("Provisioning partner {} in Keycloak needs staff: attempt {} failed in a way retrying"
                        + " cannot heal, no further attempt until a retry is asked for: {}", before.partnerId(),
                        before.attempts() + 1, describe(failure));
            } else {
                Duration delay = Backoffs.delayAfter(backoff, before.attempts() + 1L);
                provisioning.failed(describe(failure), delay, clock.instant());
                log.warn("Provisioning partner {} in Keycloak failed on attempt {}, next in {}: {}",
                        before.partnerId(), before.attempts() + 1, delay, describe(failure));
            }
        }
        ProvisioningStatus after = provisioning.status();
        if (invited) {
            audit.record(after.partnerId(), IdentityProvisioning.RESOURCE_TYPE, after.partnerId().toString(),
                    "invitation-sent", before.invitation(), after.invitation());
        }
        // every attempt is on the row; the trail gets the changes of state, not each retry of an outage
        if (after.state() != before.state()) {
            audit.recordWithoutPersonalData(after.partnerId(), IdentityProvisioning.RESOURCE_TYPE,
                    after.partnerId().toString(), switch (after.state()) {
                        case DONE -> "provisioned";
                        case NEEDS_ATTENTION -> "provisioning-needs-attention";
                        default -> "provisioning-failed";
                    }, before, after, ProvisioningStatus.PERSONAL);
        }
        return switch (after.state()) {
            case DONE -> Outcome.SUCCEEDED;
            // this row's own data, not Keycloak being down: the other rows are worked on
            case NEEDS_ATTENTION -> Outcome.PARKED;
            default -> Outcome.FAILED;
        };
    }

    private Outcome revoke(Provisioning provisioning, ProvisioningStatus before) {
        try {
            int disabled = keycloak.revoke(provisioning.partner());
            provisioning.revoked(clock.instant());
            log.info("Revoked the Keycloak access of terminated partner {}: {} user(s) disabled, sessions ended",
                    before.partnerId(), disabled);
        } catch (RuntimeException failure) {
            Duration delay = Backoffs.delayAfter(backoff, before.attempts() + 1L);
            provisioning.failed(describe(failure), delay, clock.instant());
            log.warn("Revoking the Keycloak access of partner {} failed, next attempt in {}: {}", before.partnerId(),
                    delay, describe(failure));
            return Outcome.FAILED;
        }
        audit.recordWithoutPersonalData(before.partnerId(), IdentityProvisioning.RESOURCE_TYPE,
                before.partnerId().toString(), "access-revoked", before, provisioning.status(),
                ProvisioningStatus.PERSONAL);
        return Outcome.SUCCEEDED;
    }

    /** Deletes the users of a partner whose contacts were erased; a failure is retried with backoff, for good. */
    private Outcome erase(Provisioning provisioning, ProvisioningStatus before) {
        try {
            int deleted = keycloak.erase(provisioning.partner());
            provisioning.erased(clock.instant());
            log.info("Erased the Keycloak users of terminated partner {}: {} user(s) deleted", before.partnerId(),
                    deleted);
        } catch (RuntimeException failure) {
            Duration delay = Backoffs.delayAfter(backoff, before.attempts() + 1L);
            provisioning.failed(describe(failure), delay, clock.instant());
            log.warn("Erasing the Keycloak users of partner {} failed, next attempt in {}: {}", before.partnerId(),
                    delay, describe(failure));
            return Outcome.FAILED;
        }
        audit.recordWithoutPersonalData(before.partnerId(), IdentityProvisioning.RESOURCE_TYPE,
                before.partnerId().toString(), "users-erased", before, provisioning.status(),
                ProvisioningStatus.PERSONAL);
        return Outcome.SUCCEEDED;
    }

    private void invite(Provisioning provisioning, KeycloakIdentity identity) {
        try {
            keycloak.sendInvitation(identity.userId(), provisioning.admin(), properties.invitation());
            provisioning.invitationSent(clock.instant());
        } catch (RuntimeException failure) {
            provisioning.invitationFailed(describe(failure));
            throw failure;
        }
    }

    private static String describe(RuntimeException failure) {
        return failure instanceof IdentityConflictException
                ? "conflict in Keycloak, resolve it there and retry: " + failure.getMessage()
                : failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private enum Outcome { NOTHING_DUE, SUCCEEDED, PARKED, FAILED }
}
