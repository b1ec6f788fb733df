package io.accord.orchestration.inventory;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No double allocation: 32 threads × 20 reservations at once against a pool of 500 numbers on real PostgreSQL.
 * Every number is reserved at most once, the 500 all are, the 140 too many are refused, and the counts add up.
 */
@AccordServiceTest
class InventoryConcurrencyTests {

    private static final int THREADS = 32;
    private static final int PER_THREAD = 20;
    private static final int POOL_SIZE = 500;

    @LocalServerPort
    int port;

    private final Inventory inventory;
    private final JdbcClient jdbc;
    private final Clock clock;

    InventoryConcurrencyTests(Inventory inventory, JdbcClient jdbc, Clock clock) {
        this.inventory = inventory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Test
    void concurrentReservationsNeverTakeTheSameItem() throws Exception {
        String pool = TestPools.msisdnPool(port, null, POOL_SIZE, 0);
        UUID poolId = UUID.fromString(pool);
        ConcurrentLinkedQueue<Reservation> reserved = new ConcurrentLinkedQueue<>();
        int exhausted = concurrently(THREADS, PER_THREAD, (thread, i) -> reserved.add(inventory.reserveFromPool(
                poolId, null, "order-" + thread + "-" + i, clock.instant().plus(Duration.ofHours(1)))));

        Set<UUID> items = new HashSet<>();
        Set<String> values = new HashSet<>();
        reserved.forEach(r -> {
            items.add(r.itemId());
            values.add(r.value());
        });
        assertThat(reserved).hasSize(POOL_SIZE);
        assertThat(items).as("each item reserved at most once").hasSize(POOL_SIZE);
        assertThat(values).hasSize(POOL_SIZE);
        assertThat(exhausted).isEqualTo(THREADS * PER_THREAD - POOL_SIZE);
        assertThat(jdbc.sql("""
                        select count(*) from inventory_item_history h join inventory_item i on i.id = h.item_id
                        where i.pool_id = :pool and h.action = 'RESERVED'""")
                .param("pool", poolId).query(Long.class).single()).isEqualTo(POOL_SIZE);
        assertThat(jdbc.sql("select count(distinct order_ref) from inventory_item where pool_id = :pool")
                .param("pool", poolId).query(Long.class).single()).isEqualTo(POOL_SIZE);
        var levels = TestPools.ops(port).get(TestPools.POOLS + "/" + pool).json().get("levels");
        assertThat(levels.get("reserved").asLong()).isEqualTo(POOL_SIZE);
        assertThat(levels.get("available").asLong()).isZero();
        assertThat(levels.get("total").asLong()).isEqualTo(POOL_SIZE);
    }

    @Test
    void concurrentReservationsAcrossAPartnersPoolsPassOverTheExhaustedOnesAndNeverTakeTheSameItem()
            throws Exception {
        PartnerId partner = PartnerId.of(UUID.randomUUID().toString());
        String exhausted = TestPools.msisdnPool(port, partner.value().toString(), 1, 0);
        inventory.reserveFromPool(UUID.fromString(exhausted), partner, "order-before",
                clock.instant().plus(Duration.ofHours(1)));
        List<UUID> pools = List.of(UUID.fromString(TestPools.msisdnPool(port, partner.value().toString(), 100, 0)),
                UUID.fromString(TestPools.msisdnPool(port, partner.value().toString(), 100, 0)));
        int threads = 16;
        int perThread = 20;
        ConcurrentLinkedQueue<Reservation> reserved = new ConcurrentLinkedQueue<>();
        int refused = concurrently(threads, perThread, (thread, i) -> reserved.add(inventory.reserve("MSISDN", partner,
                "order-p" + thread + "-" + i, clock.instant().plus(Duration.ofHours(1)))));

        assertThat(reserved.size() + refused).isEqualTo(threads * perThread);
        assertThat(reserved.stream().map(Reservation::itemId).distinct().count()).as("each item reserved at most once")
                .isEqualTo(reserved.size());
        assertThat(reserved).noneMatch(r -> r.poolId().toString().equals(exhausted));
        // more attempts than the partner's own items: every one of them was taken, once
        assertThat(jdbc.sql("""
                        select count(*) from inventory_item_history h join inventory_item i on i.id = h.item_id
                        where i.pool_id in (:first, :second) and h.action = 'RESERVED'""")
                .param("first", pools.get(0)).param("second", pools.get(1)).query(Long.class).single())
                .isEqualTo(200);
        assertThat(reserved.stream().filter(r -> pools.contains(r.poolId())).count()).isEqualTo(200);
    }

    @FunctionalInterface
    private interface Attempt {
        void run(int thread, int attempt);
    }

    /**
     * Runs {@code attempt} {@code perThread} times on each of {@code threads} threads, all released at once; answers
     * how many attempts were refused because nothing was left ({@link ConflictException}).
     */
    private static int concurrently(int threads, int perThread, Attempt attempt) throws Exception {
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(executor.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    try {
                        attempt.run(thread, i);
                    } catch (ConflictException noneLeft) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        executor.shutdown();
        return refused.get();
    }
}
