package io.accord.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed audit entries into the hash chain, on every replica every
 * {@code accord.platform.audit.seal-interval}. Each call of the database function {@code audit_seal} is one short
 * transaction that holds the chain head's lock; replicas sealing at the same moment wait for each other there,
 * so they never fork the chain and need no other coordination (no ShedLock: the head lock is the lock). When
 * nothing is unsealed the function returns without locking or writing anything.
 */
class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final long REPORT_EVERY_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;
    /** Failures since the last successful pass; logged in full once, then at most once a minute, while they last. */
    private int failures;
    private long lastReported;

    AuditSealer(JdbcClient jdbc, TransactionTemplate transactions, AuditProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = properties.sealBatchSize();
    }

    @Scheduled(fixedDelayString = "${accord.platform.audit.seal-interval:200ms}",
            initialDelayString = "${accord.platform.audit.seal-interval:200ms}")
    void sealPeriodically() {
        try {
            sealAll();
            if (failures > 0) {
                log.info("Sealing the audit trail works again after {} failed passes", failures);
                failures = 0;
            }
        } catch (RuntimeException e) {
            failures++;
            long now = System.nanoTime();
            if (failures == 1) {
                lastReported = now;
                log.error("Sealing the audit trail failed; entries stay pending and are retried on the next pass", e);
            } else if (now - lastReported >= REPORT_EVERY_NANOS) {
                lastReported = now;
                log.error("Sealing the audit trail still fails ({} passes so far): {}", failures, e.toString());
            }
        }
    }

    /** Seals every entry committed so far, one batch per transaction; returns how many this call sealed. */
    int sealAll() {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == batchSize);
        return total;
    }

    private int sealBatch() {
        Integer sealed = transactions.execute(status -> jdbc.sql("select audit_seal(:max)")
                .param("max", batchSize).query(Integer.class).single());
        return sealed == null ? 0 : sealed;
    }
}
