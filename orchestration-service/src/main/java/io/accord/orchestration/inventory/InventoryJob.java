package io.accord.orchestration.inventory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Every {@code job-interval}: expires reservations past their expiry, returns quarantined items whose cooling-off
 * is over, and checks every pool's low watermark. Every replica schedules it; the platform's ShedLock lets one run
 * at a time cluster-wide and the others skip that round. Each item is handled in its own transaction
 * ({@link InventoryMaintenance}); a step that fails as a whole (its selection cannot run) is logged and the round's
 * other steps still run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryJob {

    /** The job's lock name in the {@code shedlock} table. */
    static final String LOCK = "orchestration-inventory-maintenance";
    private static final Logger log = LoggerFactory.getLogger(InventoryJob.class);

    private final InventoryMaintenance maintenance;
    private final Clock clock;

    InventoryJob(InventoryMaintenance maintenance, Clock clock) {
        this.maintenance = maintenance;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.orchestration.inventory.job-interval:30s}")
    @SchedulerLock(name = LOCK)
    void run() {
        runOnce(clock.instant());
    }

    /** One round at {@code now}, whoever holds the lock: how many items it moved back to AVAILABLE. */
    int runOnce(Instant now) {
        int expired = step("expiring reservations", () -> maintenance.expireReservations(now));
        int cooled = step("ending cooling-offs", () -> maintenance.endCoolingOffs(now));
        step("checking watermarks", maintenance::checkWatermarks);
        if (expired + cooled > 0) {
            log.info("Inventory: {} reservation(s) expired, {} item(s) back from quarantine", expired, cooled);
        }
        return expired + cooled;
    }

    /** Runs one step; its failure is logged and counts nothing, so that it cannot keep the next steps from running. */
    private static int step(String step, IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (RuntimeException failure) {
            log.error("Inventory job: {} failed; the round's other steps go on", step, failure);
            return 0;
        }
    }
}
