package io.accord.onboarding.identity;

import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which due row the provisioning worker takes: a new partner's before an older one that keeps failing, which would
 * otherwise be first at every poll (the worker stops at its first failure) and keep new partners waiting.
 */
@AccordServiceTest
class ProvisioningOrderTests {

    private final ProvisioningRepository provisionings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProvisioningOrderTests(ProvisioningRepository provisionings, JdbcClient jdbc,
                           PlatformTransactionManager transactionManager) {
        this.provisionings = provisionings;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void aRowThatNeverFailedIsTakenBeforeAnOverdueOneThatKeepsFailing() {
        UUID failing = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        // in one transaction rolled back at the end: the running worker never sees these rows
        UUID claimed = transactions.execute(status -> {
            status.setRollbackOnly();
            // due long before any other row, so that the oldest-first order alone would take the failing one
            row(failing, "FAILED_RETRYING", 7, "2000-01-01T00:00:00Z");
            row(fresh, "PENDING", 0, "2000-01-02T00:00:00Z");
            return provisionings.claimDue(Instant.parse("2000-01-03T00:00:00Z")).orElseThrow().status().partnerId()
                    .value();
        });

        assertThat(claimed).isEqualTo(fresh);
    }

    private void row(UUID partner, String state, int attempts, String nextAttemptAt) {
        jdbc.sql("""
                        insert into identity_provisioning (partner_id, legal_name, admin_email, admin_first_name,
                            admin_last_name, state, attempts, last_error, next_attempt_at, created_at, updated_at,
                            version)
                        values (:partner, 'Order Test', 'order@example.com', 'Or', 'Der', :state, :attempts,
                                case when :attempts > 0 then 'conflict' end, cast(:next as timestamptz), now(), now(), 0)""")
                .param("partner", partner).param("state", state).param("attempts", attempts)
                .param("next", nextAttemptAt).update();
    }
}
