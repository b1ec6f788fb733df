package io.accord.platform.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests: the transaction is simulated with Spring's synchronization, as a transaction manager drives it. */
class TransactionScopedTests {

    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(memoKey());
    }

    @Test
    void aValueIsLoadedOncePerKeyWithinATransaction() {
        TransactionSynchronizationManager.initSynchronization();

        assertThat(TransactionScoped.get(List.of("offering", "a"), () -> load("A"))).isEqualTo("A1");
        assertThat(TransactionScoped.get(List.of("offering", "a"), () -> load("A"))).isEqualTo("A1");
        assertThat(TransactionScoped.get(List.of("offering", "b"), () -> load("B"))).isEqualTo("B2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anAbsentAnswerIsRememberedToo() {
        TransactionSynchronizationManager.initSynchronization();

        TransactionScoped.get("endpoint", () -> { loads.incrementAndGet(); return Optional.empty(); });
        Optional<?> again = TransactionScoped.get("endpoint", () -> { loads.incrementAndGet(); return Optional.of(1); });

        assertThat(again).isEmpty();
        assertThat(loads).hasValue(1);
    }

    @Test
    void forgetMakesTheNextReadLoadAgain() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionScoped.get("key", () -> load("V"));

        TransactionScoped.forget();

        assertThat(TransactionScoped.get("key", () -> load("V"))).isEqualTo("V2");
    }

    @Test
    void theMemoEndsWithTheTransaction() {
        TransactionSynchronizationManager.initSynchronization();
        TransactionScoped.get("key", () -> load("V"));
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

        TransactionSynchronizationManager.initSynchronization();
        assertThat(TransactionScoped.get("key", () -> load("V"))).isEqualTo("V2");
    }

    @Test
    void withoutATransactionEveryReadLoads() {
        assertThat(TransactionScoped.get("key", () -> load("V"))).isEqualTo("V1");
        assertThat(TransactionScoped.get("key", () -> load("V"))).isEqualTo("V2");
    }

    private String load(String value) {
        return value + loads.incrementAndGet();
    }

    /** The memo's resource key, found among the bound resources (it is private to the class under test). */
    private static Object memoKey() {
        return TransactionSynchronizationManager.getResourceMap().keySet().stream()
                .filter(key -> "TransactionScoped.memo".equals(key.toString())).findFirst().orElse(new Object());
    }
}
