package io.accord.onboarding.identity;

import io.accord.platform.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Works due provisioning rows against Keycloak, one row per transaction. The row stays locked
 * ({@code FOR UPDATE SKIP LOCKED}) while its Keycloak calls run, so with several replicas each row is worked by
 * exactly one of them at a time; the steps are find-or-create, so a crash half-way only repeats work.
 * A failure is recorded on the row with a capped exponential backoff; the worker never gives up.
 */
@Component
class ProvisioningWorker {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);

    private final ProvisioningRepository provisionings;
    private final KeycloakDirectory keycloak;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Backoff backoff;
    private final Clock clock;

    ProvisioningWorker(ProvisioningRepository provisionings, KeycloakDirectory keycloak, AuditTrail audit,
                       PlatformTransactionManager transactionManager, IdentityProperties properties) {
        this.provisionings = provisionings;
        this.keycloak = keycloak;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.backoff = properties.backoff();
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${accord.onboarding.identity.poll-interval:2s}")
    void poll() {
        if (properties.enabled()) {
            workDueRows();
        }
    }

    /** Works due rows until none is left or a batch is done; returns how many were worked. */
    int workDueRows() {
        int worked = 0;
        while (worked < properties.batchSize() && Boolean.TRUE.equals(transactions.execute(status -> workOneRow()))) {
            worked++;
        }
        return worked;
    }

    private boolean workOneRow() {
        Optional<Provisioning> claimed = provisionings.claimDue(clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        Provisioning provisioning = claimed.get();
        ProvisioningStatus before = provisioning.status();
        try {
            KeycloakIdentity identity = keycloak.provision(provisioning.partner(), provisioning.legalName(),
                    provisioning.admin());
            provisioning.succeeded(identity, clock.instant());
            log.info("Provisioned partner {} in Keycloak: group {}, admin user {}", before.partnerId(),
                    identity.groupId(), identity.userId());
        } catch (RuntimeException failure) {
            Duration delay = backoff.after(before.attempts() + 1);
            provisioning.failed(describe(failure), delay, clock.instant());
            log.warn("Provisioning partner {} in Keycloak failed on attempt {}, next in {}: {}", before.partnerId(),
                    before.attempts() + 1, delay, describe(failure));
        }
        ProvisioningStatus after = provisioning.status();
        // every attempt is on the row; the trail gets the changes of state, not each retry of an outage
        if (after.state() != before.state()) {
            audit.record(after.partnerId(), IdentityProvisioning.RESOURCE_TYPE, after.partnerId().toString(),
                    after.state() == ProvisioningState.DONE ? "provisioned" : "provisioning-failed", before, after);
        }
        return true;
    }

    private static String describe(RuntimeException failure) {
        return failure instanceof IdentityConflictException
                ? "conflict in Keycloak, resolve it there and retry: " + failure.getMessage()
                : failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
