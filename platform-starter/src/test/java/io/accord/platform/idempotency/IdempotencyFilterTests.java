package io.accord.platform.idempotency;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a partner's system sees when it retries a write with an {@code Idempotency-Key}. */
@IdempotencyTestApplication.Test
class IdempotencyFilterTests {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final TestWrites writes;
    private final TestHttp alice;
    private final TestHttp bob;
    private final TestHttp anonymous;
    private final int port;

    IdempotencyFilterTests(TestWrites writes, @LocalServerPort int port) {
        this.writes = writes;
        this.port = port;
        this.alice = TestHttp.localPort(port).as(TestJwt.partner("alice", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        this.bob = TestHttp.localPort(port).as(TestJwt.staff("bob", Roles.OPS));
        this.anonymous = TestHttp.localPort(port);
    }

    @Test
    void aRetryGetsTheFirstAnswerAgainAndNothingIsCreatedTwice() {
        String name = unique();
        TestHttp keyed = alice.header("Idempotency-Key", UUID.randomUUID().toString());

        TestHttp.Response first = keyed.post("/api/things", thing(name));
        TestHttp.Response retry = keyed.post("/api/things", thing(name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isNotNull();
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(writes.executions(name)).isEqualTo(1);
    }

    @Test
    void patchRequestsAreReplayedToo() {
        String name = unique();
        TestHttp keyed = alice.header("Idempotency-Key", "\"" + UUID.randomUUID() + "\"");

        TestHttp.Response first = keyed.patch("/api/things/42", thing(name));
        TestHttp.Response retry = keyed.patch("/api/things/42", thing(name));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(writes.executions(name)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefusedWith422() {
        String name = unique();
        TestHttp keyed = alice.header("Idempotency-Key", UUID.randomUUID().toString());
        keyed.post("/api/things", thing(name));

        TestHttp.Response otherBody = keyed.post("/api/things", thing(name + "-changed"));
        TestHttp.Response otherPath = keyed.post("/api/other-things", thing(name));

        for (TestHttp.Response refused : List.of(otherBody, otherPath)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("https://accord.dev/problems/idempotency-key-reused");
        }
        assertThat(writes.executions(name)).isEqualTo(1);
        assertThat(writes.executions(name + "-changed")).isZero();
    }

    @Test
    void keysBelongToTheCallerSoTwoCallersWithTheSameKeyMakeTwoRequests() {
        String name = unique();
        String key = UUID.randomUUID().toString();

        TestHttp.Response fromAlice = alice.header("Idempotency-Key", key).post("/api/things", thing(name));
        TestHttp.Response fromBob = bob.header("Idempotency-Key", key).post("/api/things", thing(name));

        assertThat(fromAlice.status()).isEqualTo(201);
        assertThat(fromBob.status()).isEqualTo(201);
        assertThat(fromBob.header("Idempotency-Replayed")).isNull();
        assertThat(fromBob.json().get("id")).isNotEqualTo(fromAlice.json().get("id"));
        assertThat(writes.executions(name)).isEqualTo(2);
    }

    @Test
    void anAnonymousRetryRunsOnceButIsNeverHandedTheFirstAnswer() {
        String name = unique();
        TestHttp keyed = anonymous.header("Idempotency-Key", UUID.randomUUID().toString());

        TestHttp.Response first = keyed.post("/api/public/things", thing(name));
        TestHttp.Response retry = keyed.post("/api/public/things", thing(name));
        TestHttp.Response elsewhere = keyed.post("/api/public/other-things", thing(name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.json().get("type").asString())
                .isEqualTo("https://accord.dev/problems/idempotency-request-completed");
        assertThat(retry.json().get("firstStatus").asInt()).isEqualTo(201);
        assertThat(retry.body()).doesNotContain(first.json().get("id").asString());
        assertThat(retry.header("Location")).isNull();
        assertThat(retry.header("Idempotency-Replayed")).isNull();
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(writes.executions(name)).isEqualTo(2);
    }

    @Test
    void anAnonymousRefusalChangedNothingSoTheRetryRunsAgain() {
        TestHttp keyed = anonymous.header("Idempotency-Key", UUID.randomUUID().toString());

        TestHttp.Response first = keyed.post("/api/public/things", "{\"name\": 42, ");
        TestHttp.Response retry = keyed.post("/api/public/things", "{\"name\": 42, ");

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void aCallerWithATrackingSecretGetsItsAnswerBackAndOnlyThatCaller() {
        String name = unique();
        String key = UUID.randomUUID().toString();
        TestHttp applicant = anonymous.header("Idempotency-Key", key).header("X-Tracking-Secret", "secret-" + name);

        TestHttp.Response first = applicant.post("/api/public/things", thing(name));
        TestHttp.Response retry = applicant.post("/api/public/things", thing(name));
        TestHttp.Response otherSecret = anonymous.header("Idempotency-Key", key)
                .header("X-Tracking-Secret", "guessed-" + name).post("/api/public/things", thing(name));
        TestHttp.Response noSecret = anonymous.header("Idempotency-Key", key).post("/api/public/things", thing(name));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        for (TestHttp.Response stranger : List.of(otherSecret, noSecret)) {
            assertThat(stranger.status()).isEqualTo(201);
            assertThat(stranger.header("Idempotency-Replayed")).isNull();
            assertThat(stranger.body()).doesNotContain(first.json().get("id").asString());
        }
        assertThat(writes.executions(name)).isEqualTo(3);
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIsTold409WithRetryAfter() throws Exception {
        String name = unique();
        TestHttp keyed = alice.header("Idempotency-Key", UUID.randomUUID().toString());
        TestWrites.Gate gate = writes.closeGate();
        CompletableFuture<TestHttp.Response> first =
                CompletableFuture.supplyAsync(() -> keyed.post("/api/slow-things", thing(name)));
        assertThat(gate.awaitEntered()).isTrue();

        TestHttp.Response meanwhile = keyed.post("/api/slow-things", thing(name));
        gate.open();
        TestHttp.Response firstAnswer = first.get();
        TestHttp.Response afterwards = keyed.post("/api/slow-things", thing(name));

        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.header("Retry-After")).isEqualTo("1");
        assertThat(meanwhile.json().get("type").asString())
                .isEqualTo("https://accord.dev/problems/idempotency-request-in-progress");
        assertThat(firstAnswer.status()).isEqualTo(201);
        assertThat(afterwards.body()).isEqualTo(firstAnswer.body());
        assertThat(writes.executions(name)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesRunOnceAndTheOthersGet409OrTheReplay() throws Exception {
        String name = unique();
        TestHttp keyed = alice.header("Idempotency-Key", UUID.randomUUID().toString());
        int callers = 4;
        CyclicBarrier start = new CyclicBarrier(callers);
        List<TestHttp.Response> answers;
        try (ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            List<CompletableFuture<TestHttp.Response>> calls = IntStream.range(0, callers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return keyed.post("/api/things", thing(name));
                    }, threads))
                    .toList();
            answers = calls.stream().map(CompletableFuture::join).toList();
        }

        assertThat(writes.executions(name)).isEqualTo(1);
        assertThat(answers).filteredOn(a -> a.status() == 201 && a.header("Idempotency-Replayed") == null).hasSize(1);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(201, 409));
    }

    @Test
    void requestsWithoutAKeyBehaveAsBefore() {
        String name = unique();

        TestHttp.Response first = alice.post("/api/things", thing(name));
        TestHttp.Response second = alice.post("/api/things", thing(name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotency-Replayed")).isNull();
        assertThat(second.json().get("id")).isNotEqualTo(first.json().get("id"));
        assertThat(writes.executions(name)).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefusedWith400NamingTheHeaderAndNothingRuns() {
        String name = unique();

        TestHttp.Response tooLong = alice.header("Idempotency-Key", "k".repeat(256)).post("/api/things", thing(name));
        TestHttp.Response empty = alice.header("Idempotency-Key", "\"\"").post("/api/things", thing(name));
        TestHttp.Response tooShort = alice.header("Idempotency-Key", "order-17").post("/api/things", thing(name));
        TestHttp.Response anonymousShort = anonymous.header("Idempotency-Key", "k".repeat(15))
                .post("/api/public/things", thing(name));

        TestHttp.Response twice = twoKeys(name);

        assertThat(twice.status()).isEqualTo(400);
        assertThat(tooShort.json().get("detail").asString()).contains("16 to 255");
        for (TestHttp.Response refused : List.of(tooLong, empty, tooShort, anonymousShort)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("violations").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(refused.json().get("detail").asString()).contains("Idempotency-Key");
        }
        assertThat(writes.executions(name)).isZero();
    }

    @Test
    void aRetriedUploadWithANewMultipartBoundaryIsStillTheSameRequest() {
        String name = unique();
        TestHttp keyed = alice.header("Idempotency-Key", UUID.randomUUID().toString());

        TestHttp.Response first = keyed.postMultipart("/api/uploads", upload(name, "contract v1"));
        TestHttp.Response retry = keyed.postMultipart("/api/uploads", upload(name, "contract v1"));
        TestHttp.Response changed = keyed.postMultipart("/api/uploads", upload(name, "contract v2"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("content").asString()).isEqualTo("contract v1");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(writes.executions(name)).isEqualTo(1);
    }

    @Test
    void aFormPostKeepsItsParametersAndIsReplayed() {
        String name = unique();
        TestHttp keyed = alice.header("Idempotency-Key", UUID.randomUUID().toString());

        TestHttp.Response first = keyed.send("POST", "/api/forms", "name=" + name + "&note=hello", FORM);
        TestHttp.Response retry = keyed.send("POST", "/api/forms", "name=" + name + "&note=hello", FORM);
        TestHttp.Response changed = keyed.send("POST", "/api/forms", "name=" + name + "&note=bye", FORM);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("content").asString()).isEqualTo("hello");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(writes.executions(name)).isEqualTo(1);
    }

    @Test
    void aRequestBodyOverTheLimitIsRefusedWith413() {
        String name = unique();

        TestHttp.Response refused = alice.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/things", thing(name + "x".repeat(70 * 1024)));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(writes.executions(name + "x".repeat(70 * 1024))).isZero();
    }

    @Test
    void theApiDocsOfferTheHeaderOnWritesOnly() {
        TestHttp.Response docs = anonymous.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths/~1api~1things/post/parameters").toString()).contains("Idempotency-Key");
        assertThat(docs.json().at("/paths/~1api~1things~1{id}/patch/parameters").toString()).contains("Idempotency-Key");
        assertThat(docs.body().split("\"name\":\"Idempotency-Key\"", -1)).hasSize(writeOperations(docs) + 1);
    }

    private static int writeOperations(TestHttp.Response docs) {
        int writes = 0;
        for (var path : docs.json().get("paths").properties()) {
            for (String method : List.of("post", "put", "patch")) {
                writes += path.getValue().has(method) ? 1 : 0;
            }
        }
        return writes;
    }

    static String thing(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    static String unique() {
        return "thing-" + UUID.randomUUID();
    }

    /** Two Idempotency-Key headers: TestHttp keeps one value per header, so this goes out by hand. */
    private TestHttp.Response twoKeys(String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/things"))
                .header("Authorization", "Bearer " + TestJwt.staff("bob", Roles.OPS))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "first-key-of-two-keys").header("Idempotency-Key", "second-key-of-two-keys")
                .POST(HttpRequest.BodyPublishers.ofString(thing(name))).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestHttp.Response(response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestMultipart upload(String name, String content) {
        return new TestMultipart().field("name", name)
                .file("file", "contract.pdf", "application/pdf", content.getBytes(StandardCharsets.UTF_8));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
