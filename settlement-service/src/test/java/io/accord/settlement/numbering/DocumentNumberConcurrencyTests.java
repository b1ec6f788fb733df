package io.accord.settlement.numbering;

import io.accord.platform.problem.NotFoundException;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gap-free numbering on real PostgreSQL: 16 threads issue 25 documents each at once, every third issuing transaction
 * rolls back after taking its number. The committed numbers are exactly 1..N with no gap and no duplicate.
 */
@AccordServiceTest
class DocumentNumberConcurrencyTests {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 25;

    private final DocumentNumbers numbers;
    private final TransactionTemplate transactions;

    DocumentNumberConcurrencyTests(DocumentNumbers numbers, TransactionTemplate transactions) {
        this.numbers = numbers;
        this.transactions = transactions;
    }

    @Test
    void concurrentIssuesWithRollbacksLeaveNoGapAndNoDuplicate() throws Exception {
        int year = 2091;
        ConcurrentLinkedQueue<DocumentNumbers.DocumentNumber> committed = new ConcurrentLinkedQueue<>();
        AtomicInteger rolledBack = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < PER_THREAD; i++) {
                    boolean rollBack = (thread * PER_THREAD + i) % 3 == 0;
                    String ref = "stmt-" + thread + "-" + i;
                    DocumentNumbers.DocumentNumber number = transactions.execute(status -> {
                        DocumentNumbers.DocumentNumber taken = numbers.assign("accord-de", year, ref);
                        if (rollBack) {
                            status.setRollbackOnly();
                        }
                        return taken;
                    });
                    if (rollBack) {
                        rolledBack.incrementAndGet();
                    } else {
                        committed.add(number);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int issued = THREADS * PER_THREAD - rolledBack.get();
        List<DocumentNumbers.DocumentNumber> register = numbers.register("accord-de", year);
        assertThat(rolledBack.get()).isGreaterThan(100);
        assertThat(register).hasSize(issued);
        assertThat(register).extracting(DocumentNumbers.DocumentNumber::number)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, issued).boxed().toList());
        assertThat(committed).extracting(DocumentNumbers.DocumentNumber::number).doesNotHaveDuplicates()
                .hasSize(issued);
        assertThat(register).extracting(DocumentNumbers.DocumentNumber::formatted)
                .contains("ACD-" + year + "-000001", "ACD-" + year + "-%06d".formatted(issued));
    }

    @Test
    void eachEntityAndYearCountsOnItsOwnAndANumberNeedsTheIssuingTransaction() {
        int year = 2095;
        transactions.executeWithoutResult(status -> {
            assertThat(numbers.assign("accord-de", year, "a").formatted()).isEqualTo("ACD-" + year + "-000001");
            assertThat(numbers.assign("accord-fr", year, "b").formatted()).isEqualTo("ACF-" + year + "-000001");
            assertThat(numbers.assign("accord-de", year + 1, "c").number()).isEqualTo(1);
            assertThat(numbers.assign("accord-de", year, "d").number()).isEqualTo(2);
        });

        assertThatThrownBy(() -> numbers.assign("accord-de", year, "outside"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> numbers.assign("nope", year, "x")))
                .isInstanceOf(NotFoundException.class);
        assertThat(numbers.register("accord-de", year)).hasSize(2);
    }
}
