package io.accord.orchestration.inventory;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pools made through the API as ops would, each filled with a block of MSISDNs no other test uses (all test
 * classes share one database, and a number is in at most one pool).
 */
final class TestPools {

    static final String POOLS = "/api/orchestration/inventory/pools";
    private static final AtomicLong BLOCKS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000));

    private TestPools() {
    }

    static TestHttp ops(int port) {
        return TestHttp.localPort(port).as(TestJwt.staff("ops-inventory", Roles.OPS));
    }

    /** A fresh MSISDN block prefix: append 3 digits for a number ({@code +4917} then 7 digits then 3). */
    static String msisdnBlock() {
        return "+4917" + String.format("%07d", BLOCKS.incrementAndGet());
    }

    /** Creates a pool and returns its id. */
    static String create(int port, String resourceType, String partnerId, int lowWatermark) {
        String body = """
                {"name":"Test %s pool","resourceType":"%s","lowWatermark":%d%s}""".formatted(resourceType,
                resourceType, lowWatermark, partnerId == null ? "" : ",\"partnerId\":\"" + partnerId + "\"");
        TestHttp.Response created = ops(port).post(POOLS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Creates an MSISDN pool holding {@code size} numbers of a fresh block, and returns its id. */
    static String msisdnPool(int port, String partnerId, int size, int lowWatermark) {
        String pool = create(port, "MSISDN", partnerId, lowWatermark);
        fill(port, pool, size);
        return pool;
    }

    /** Adds {@code size} numbers (at most 1000) of a fresh block to a pool. */
    static void fill(int port, String pool, int size) {
        String block = msisdnBlock();
        TestHttp.Response generated = ops(port).post(POOLS + "/" + pool + "/ranges", """
                {"from":"%s000","to":"%s%03d"}""".formatted(block, block, size - 1));
        assertThat(generated.status()).as(generated.body()).isEqualTo(200);
    }
}
