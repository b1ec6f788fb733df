package io.accord.platform.idempotency;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.accord.platform.idempotency.IdempotencyFilterTests.thing;
import static io.accord.platform.idempotency.IdempotencyFilterTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Which answers are kept, how a dead first attempt is recovered from, and how keys expire. */
@IdempotencyTestApplication.Test
class IdempotencyRecoveryTests {

    private final TestWrites writes;
    private final JdbcClient jdbc;
    private final IdempotencyCleanup cleanup;
    private final TestHttp caller;

    IdempotencyRecoveryTests(TestWrites writes, JdbcClient jdbc, IdempotencyCleanup cleanup, @LocalServerPort int port) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.cleanup = cleanup;
        this.caller = TestHttp.localPort(port).as(TestJwt.staff("carol", Roles.PARTNER_MANAGER));
    }

    @Test
    void aServerErrorIsNotStoredSoTheRetryRunsAgain() {
        String name = unique();
        String key = UUID.randomUUID().toString();
        TestHttp keyed = caller.header("Idempotency-Key", key);

        TestHttp.Response failed = keyed.post("/api/flaky-things", thing(name));
        assertThat(rows(key)).isZero();
        TestHttp.Response retried = keyed.post("/api/flaky-things", thing(name));
        TestHttp.Response replayed = keyed.post("/api/flaky-things", thing(name));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotency-Replayed")).isNull();
        assertThat(replayed.body()).isEqualTo(retried.body());
        assertThat(replayed.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(writes.executions(name)).isEqualTo(2);
    }

    @Test
    void aClientErrorIsStoredAndReplayed() {
        String name = unique();
        TestHttp keyed = caller.header("Idempotency-Key", UUID.randomUUID().toString());

        TestHttp.Response refused = keyed.post("/api/refused-things", thing(name));
        TestHttp.Response again = keyed.post("/api/refused-things", thing(name));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(writes.executions(name)).isEqualTo(1);
    }

    @Test
    void anAnswerLargerThanTheStoredMaximumIsKeptCompressedAndReplayed() {
        String name = unique();
        TestHttp keyed = caller.header("Idempotency-Key", UUID.randomUUID().toString());

        TestHttp.Response first = keyed.post("/api/large-things", thing(name));
        TestHttp.Response retry = keyed.post("/api/large-things", thing(name));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().length()).isGreaterThan(8 * 1024);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(writes.executions(name)).isEqualTo(1);
    }

    @Test
    void anAnswerTooLargeEvenCompressedKeepsTheKeySoTheRetryIsToldInsteadOfRunningAgain() {
        String name = unique();
        String key = UUID.randomUUID().toString();
        TestHttp keyed = caller.header("Idempotency-Key", key);

        TestHttp.Response first = keyed.post("/api/incompressible-things", thing(name));
        TestHttp.Response retry = keyed.post("/api/incompressible-things", thing(name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.json().get("type").asString())
                .isEqualTo("https://accord.dev/problems/idempotency-answer-not-kept");
        assertThat(retry.json().get("firstStatus").asInt()).isEqualTo(201);
        assertThat(retry.json().get("firstLocation").asString()).isEqualTo(first.header("Location"));
        assertThat(retry.json().get("detail").asString()).contains("already carried out", "too large");
        assertThat(writes.executions(name)).isEqualTo(1);
        assertThat(rows(key)).isOne();
    }

    @Test
    void anAttemptThatOutlivesItsLeaseIsTakenOverAndItsLateAnswerIsNotStored() throws Exception {
        String name = unique();
        String key = UUID.randomUUID().toString();
        TestHttp keyed = caller.header("Idempotency-Key", key);
        TestWrites.Gate gate = writes.closeGate();
        CompletableFuture<TestHttp.Response> stuck =
                CompletableFuture.supplyAsync(() -> keyed.post("/api/slow-things", thing(name)));
        assertThat(gate.awaitEntered()).isTrue();
        UUID firstClaim = claimToken(key);

        // the lease is 2 minutes: age the claim instead of waiting
        jdbc.sql("update idempotency_key set claimed_at = claimed_at - interval '3 minutes' where key_hash = :key")
                .param("key", new IdempotencyKey(key).hash()).update();
        CompletableFuture<TestHttp.Response> takeover =
                CompletableFuture.supplyAsync(() -> keyed.post("/api/slow-things", thing(name)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !firstClaim.equals(claimToken(key)));
        gate.open();
        TestHttp.Response late = stuck.get();
        TestHttp.Response taken = takeover.get();
        TestHttp.Response replayed = keyed.post("/api/slow-things", thing(name));

        assertThat(late.status()).isEqualTo(201);
        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.header("Idempotency-Replayed")).isNull();
        assertThat(replayed.body()).isEqualTo(taken.body()).isNotEqualTo(late.body());
        assertThat(writes.executions(name)).isEqualTo(2);
    }

    @Test
    void expiredKeysAreDeletedByTheCleanupAndAreFreeAgain() {
        String name = unique();
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        caller.header("Idempotency-Key", expired).post("/api/things", thing(name));
        caller.header("Idempotency-Key", live).post("/api/things", thing(name + "-live"));
        jdbc.sql("update idempotency_key set expires_at = now() - interval '1 second' where key_hash = :key")
                .param("key", new IdempotencyKey(expired).hash()).update();

        cleanup.deleteExpired();

        assertThat(rows(expired)).isZero();
        assertThat(rows(live)).isOne();
        TestHttp.Response afterExpiry = caller.header("Idempotency-Key", expired).post("/api/things", thing(name));
        assertThat(afterExpiry.status()).isEqualTo(201);
        assertThat(afterExpiry.header("Idempotency-Replayed")).isNull();
        assertThat(writes.executions(name)).isEqualTo(2);
    }

    private long rows(String key) {
        return jdbc.sql("select count(*) from idempotency_key where key_hash = :key")
                .param("key", new IdempotencyKey(key).hash()).query(Long.class).single();
    }

    private UUID claimToken(String key) {
        return jdbc.sql("select claim_token from idempotency_key where key_hash = :key")
                .param("key", new IdempotencyKey(key).hash()).query(UUID.class).single();
    }
}
