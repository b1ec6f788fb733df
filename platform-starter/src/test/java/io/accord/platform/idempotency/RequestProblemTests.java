package io.accord.platform.idempotency;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees when its request is wrong: the answer names the mistake and how to fix it. */
@IdempotencyTestApplication.Test
class RequestProblemTests {

    private final TestWrites writes;
    private final TestHttp ops;
    private final TestHttp anonymous;
    private final DataSource dataSource;

    RequestProblemTests(TestWrites writes, DataSource dataSource, @LocalServerPort int port) {
        this.writes = writes;
        this.dataSource = dataSource;
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("bob", Roles.OPS));
        this.anonymous = TestHttp.localPort(port);
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndNothingRuns() {
        String name = "typo-" + UUID.randomUUID();

        TestHttp.Response response = ops.post("/api/things", "{\"name\": \"" + name + "\", \"nmae\": \"x\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("'nmae'").contains("not a field");
        assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("nmae");
        assertThat(writes.executions(name)).isZero();
    }

    @Test
    void malformedJsonSaysWhere() {
        TestHttp.Response response = ops.post("/api/things", "{\n  \"name\": \"a\",\n  oops\n}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("line 3, column");
        assertThat(response.json().path("line").asInt()).isEqualTo(3);
    }

    /** Once a 500 (Tomcat's FileUploadException), with or without an Idempotency-Key. */
    @Test
    void aBodyThatIsNotTheMultipartItClaimsIsABadRequestAndNothingRuns() {
        String name = "not-multipart-" + UUID.randomUUID();
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=b0und4ry")) {
            for (TestHttp client : List.of(ops, ops.header("Idempotency-Key", UUID.randomUUID().toString()))) {
                TestHttp.Response response = client.send("POST", "/api/uploads?name=" + name,
                        "{\"file\": \"contract\"}", contentType);

                assertThat(response.status()).as(contentType + " -> " + response).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                if (!contentType.contains("boundary")) {
                    assertThat(response.json().path("detail").asString())
                            .contains("not a readable multipart/form-data body").contains("no multipart boundary");
                }
            }
        }
        assertThat(writes.executions(name)).isZero();
    }

    @Test
    void aLongFileNameIsTakenUpToWhatAPartsHeadersMayHoldAndBeyondThatTheAnswerSaysSo() {
        String name = "file-name-" + UUID.randomUUID();
        // 400 characters of a CJK script: 1,200 bytes of UTF-8, beyond Tomcat's default of 512 for a part's headers
        TestHttp.Response taken = ops.send("POST", "/api/uploads?name=" + name,
                multipart("契".repeat(400) + ".pdf"), "multipart/form-data; boundary=b0und4ry");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        assertThat(writes.executions(name)).isEqualTo(1);

        String beyond = "beyond-" + UUID.randomUUID();
        TestHttp.Response refused = ops.send("POST", "/api/uploads?name=" + beyond,
                multipart("a".repeat(5_000) + ".pdf"), "multipart/form-data; boundary=b0und4ry");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("headers", "file name");
        assertThat(writes.executions(beyond)).isZero();
    }

    /** The limit a file broke is named, as a JSON body's 413 names its own ("The upload exceeds the size limit."). */
    @Test
    void aFileOverTheMultipartLimitIsRefusedNamingTheLimit() {
        String name = "too-large-file-" + UUID.randomUUID();
        String body = "--b0und4ry\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 " + "x".repeat(1024 * 1024) + "\r\n--b0und4ry--\r\n";

        TestHttp.Response refused = ops.send("POST", "/api/uploads?name=" + name, body,
                "multipart/form-data; boundary=b0und4ry");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("The upload exceeds the size limit of 1048576 bytes (1 MB).");
        assertThat(writes.executions(name)).isZero();
    }

    private static String multipart(String fileName) {
        return "--b0und4ry\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 contract\r\n--b0und4ry--\r\n";
    }

    /**
     * Once an {@code OutOfMemoryError} that ended the service (one anonymous 300 MB JSON body): a body read into
     * memory is bounded, whether its size is announced or it comes chunked, and one within the limit still runs.
     */
    @Test
    void aBodyLargerThanTheLimitIsRefusedWithoutReadingItAndNothingRuns() {
        String name = "large-" + UUID.randomUUID();
        String tooLarge = "{\"name\": \"" + name + "x".repeat(130 * 1024) + "\"}";

        for (TestHttp.Response response : List.of(ops.post("/api/things", tooLarge),
                ops.postChunked("/api/things", tooLarge))) {
            assertThat(response.status()).as("the answer to %d bytes", tooLarge.length()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("type").asString()).endsWith("/payload-too-large");
            assertThat(response.json().path("detail").asString()).contains("131072 bytes (128 KB)");
            assertThat(response.json().path("limit").asLong()).isEqualTo(128 * 1024);
        }
        assertThat(writes.executions(name + "x".repeat(130 * 1024))).isZero();

        String within = name + "y".repeat(120 * 1024);
        assertThat(ops.postChunked("/api/things", "{\"name\": \"" + within + "\"}").status()).isEqualTo(201);
        assertThat(writes.executions(within)).isOne();
    }

    /**
     * Once an {@code OutOfMemoryError} too: 4 MB of {@code [{},{},...]} in a merge patch is 1.4 million objects,
     * tens of bytes of heap each. Commas, colons and brackets inside strings are text, not values.
     */
    @Test
    void aBodyOfMoreValuesThanTheLimitIsRefusedButPunctuationInItsTextsIsNotCounted() {
        String name = "values-" + UUID.randomUUID();
        String manyValues = "{\"name\": [" + String.join(",", Collections.nCopies(1_500, "{}")) + "]}";

        TestHttp.Response response = ops.post("/api/things", manyValues);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().path("type").asString()).endsWith("/payload-too-large");
        assertThat(response.json().path("detail").asString()).contains("more than 1000 JSON values");
        assertThat(response.json().path("valueLimit").asLong()).isEqualTo(1000);
        String escapedQuotes = " \\\"[a:b], ".repeat(1_500);
        String text = " \"[a:b], ".repeat(1_500);
        assertThat(ops.post("/api/things", "{\"name\": \"" + name + escapedQuotes + "\"}").status()).isEqualTo(201);
        assertThat(writes.executions(name + text)).isOne();
    }

    /**
     * Once forty anonymous 4 MB bodies at once ended a service, each within the limit: the bodies held at once share
     * a budget (160 KB here), beyond it a 503 to retry, whether the body is read for the handler or whole for an
     * {@code Idempotency-Key}'s fingerprint, and a request's bytes are given back when it ends.
     */
    @Test
    void aBodyBeyondWhatTheServiceHoldsAtOnceIsAServiceUnavailableToRetry() throws Exception {
        String held = "held-" + UUID.randomUUID() + "x".repeat(120 * 1024);
        String waiting = "waiting-" + UUID.randomUUID() + "y".repeat(100 * 1024);
        String keyed = "keyed-" + UUID.randomUUID();
        TestHttp withKey = ops.header("Idempotency-Key", UUID.randomUUID().toString());
        String fiftyKilobytes = "z".repeat(50 * 1024);
        TestWrites.Gate gate = writes.closeGate();
        CompletableFuture<TestHttp.Response> slow =
                CompletableFuture.supplyAsync(() -> ops.post("/api/slow-things", "{\"name\": \"" + held + "\"}"));
        try {
            assertThat(gate.awaitEntered()).isTrue();
            for (TestHttp.Response busy : List.of(ops.post("/api/things", "{\"name\": \"" + waiting + "\"}"),
                    ops.postChunked("/api/things", "{\"name\": \"" + waiting + "\"}"),
                    withKey.send("POST", "/api/raw-things?name=" + keyed, fiftyKilobytes, "text/plain"))) {
                assertThat(busy.status()).as("while 120 KB are held").isEqualTo(503);
                assertThat(busy.header("Retry-After")).isEqualTo("1");
                assertThat(busy.json().path("type").asString()).endsWith("/service-unavailable");
            }
            assertThat(writes.executions(waiting)).isZero();
            assertThat(writes.executions(keyed)).isZero();
        } finally {
            gate.open();
        }
        assertThat(slow.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(ops.post("/api/things", "{\"name\": \"" + waiting + "\"}").status()).isEqualTo(201);
        assertThat(withKey.send("POST", "/api/raw-things?name=" + keyed, fiftyKilobytes, "text/plain").status())
                .isEqualTo(201);
        assertThat(writes.executions(waiting)).isOne();
        assertThat(writes.executions(keyed)).isOne();
    }

    /** Once a 500 (and a replayed one with a key): a lost race is the caller's cue to retry, not a failure. */
    @Test
    void aConcurrentUpdateIsAConflictToRetryAndItsIdempotencyKeyIsFreedForTheRetry() {
        for (String name : List.of("raced-" + UUID.randomUUID(), "unique-" + UUID.randomUUID())) {
            TestHttp keyed = ops.header("Idempotency-Key", UUID.randomUUID().toString());

            TestHttp.Response lost = keyed.post("/api/raced-things", "{\"name\": \"" + name + "\"}");
            TestHttp.Response retried = keyed.post("/api/raced-things", "{\"name\": \"" + name + "\"}");

            assertThat(lost.status()).as(lost.toString()).isEqualTo(409);
            assertThat(lost.contentType()).startsWith("application/problem+json");
            assertThat(lost.json().path("type").asString()).endsWith("/concurrent-update");
            assertThat(lost.header("Retry-After")).isEqualTo("1");
            assertThat(retried.status()).as("the retry ran again: " + retried).isEqualTo(201);
            assertThat(writes.executions(name)).isEqualTo(2);
        }
    }

    /**
     * Once a 500: a database (or a Kafka broker, for the requests that wait on one) that cannot be reached is the
     * service's passing state, for the client to retry.
     */
    @Test
    void anUnreachableDatabaseIsAServiceUnavailableToRetryAndTheRetryRunsAgain() {
        for (String name : List.of("stranded-" + UUID.randomUUID(), "down-" + UUID.randomUUID(),
                "lost-" + UUID.randomUUID(), "broker-" + UUID.randomUUID())) {
            TestHttp keyed = ops.header("Idempotency-Key", UUID.randomUUID().toString());

            TestHttp.Response unavailable = keyed.post("/api/stranded-things", "{\"name\": \"" + name + "\"}");
            TestHttp.Response retried = keyed.post("/api/stranded-things", "{\"name\": \"" + name + "\"}");

            assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
            assertThat(unavailable.contentType()).startsWith("application/problem+json");
            assertThat(unavailable.json().path("type").asString()).endsWith("/service-unavailable");
            assertThat(unavailable.header("Retry-After")).isEqualTo("5");
            assertThat(unavailable.json().path("detail").asString()).contains(name.startsWith("stranded-")
                    ? "all its database connections stayed in use"
                    : name.startsWith("broker-") ? "cannot reach its message broker" : "cannot reach its database");
            assertThat(retried.status()).as("the retry ran again: " + retried).isEqualTo(201);
        }
    }

    /**
     * A request that finds every connection of the pool in use waits for one beyond the pool's connection timeout
     * (1 s here), up to {@code request-connection-wait} (3 s here), as requests once queued for a thread first; then
     * 503, saying the service is busy. Before, the first pool timeout answered 503.
     */
    @Test
    void aRequestWaitsForABusyPoolUpToItsConnectionWaitThenIsAServiceUnavailable() throws Exception {
        DataSource pool = dataSource.unwrap(DataSource.class);
        int size = pool.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();
        List<java.sql.Connection> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(pool.getConnection());
            }
            long started = System.nanoTime();
            TestHttp.Response refused = ops.post("/api/sleeping-things?seconds=0",
                    "{\"name\": \"refused-" + UUID.randomUUID() + "\"}");
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.json().path("detail").asString()).contains("all its database connections stayed in use");
            assertThat(waited).as("waited beyond one pool timeout, within the connection wait")
                    .isBetween(Duration.ofMillis(1_500), Duration.ofMillis(3_500));

            CompletableFuture<TestHttp.Response> waiting = CompletableFuture.supplyAsync(() ->
                    ops.post("/api/sleeping-things?seconds=0", "{\"name\": \"waited-" + UUID.randomUUID() + "\"}"));
            org.awaitility.Awaitility.await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(2))
                    .until(() -> !waiting.isDone());
            held.removeFirst().close();

            TestHttp.Response served = waiting.get(10, TimeUnit.SECONDS);
            assertThat(served.status()).as("served once a connection came back: " + served).isEqualTo(201);
        } finally {
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
    }

    /**
     * Once a request without an answer for as long as PostgreSQL was frozen ({@code SIGSTOP} under
     * {@code ./accord up}): the driver read its socket for ever. A request waits at most the request timeout (2 s
     * here) for one answer; other threads, which run the long statements of jobs and consumers, are not bounded.
     */
    @Test
    void aDatabaseThatDoesNotAnswerInTimeIsAServiceUnavailableOnlyForRequests() {
        String name = "sleeping-" + UUID.randomUUID();
        long started = System.nanoTime();

        TestHttp.Response unanswered = ops.post("/api/sleeping-things?seconds=10", "{\"name\": \"" + name + "\"}");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        TestHttp.Response answered = ops.post("/api/sleeping-things?seconds=0", "{\"name\": \"" + name + "\"}");

        assertThat(unanswered.status()).as(unanswered.toString()).isEqualTo(503);
        assertThat(unanswered.contentType()).startsWith("application/problem+json");
        assertThat(unanswered.json().path("type").asString()).endsWith("/service-unavailable");
        assertThat(unanswered.header("Retry-After")).isEqualTo("5");
        assertThat(waited).as("answered before the database did").isLessThan(Duration.ofSeconds(8));
        assertThat(answered.status()).as("the pool serves again: " + answered).isEqualTo(201);
        assertThat(JdbcClient.create(dataSource).sql("select pg_sleep(3)").query(Object.class).optional())
                .as("a statement outside a request outlasts the bound").isNotNull();
    }

    @Test
    void anUnsupportedContentTypeNamesTheAcceptedOnesInTheBody() {
        TestHttp.Response response = ops.send("POST", "/api/things", "name=a", "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("application/json");
        assertThat(response.json().path("acceptedContentTypes").toString()).contains("application/json");
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNamingItsFieldNotTruncated() {
        // orchestration stored a quote item's quantity 1.5 as 1 and an order's 100.99 as 100
        String name = "fraction-" + UUID.randomUUID();

        TestHttp.Response response = ops.post("/api/things", "{\"name\": \"" + name + "\", \"copies\": 1.5}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("copies");
        assertThat(writes.executions(name)).isZero();
        assertThat(ops.post("/api/things", "{\"name\": \"" + name + "\", \"copies\": 2}").status()).isEqualTo(201);
    }

    @Test
    void aDecimalWithAnExponentIsRefusedNamingItsFieldAndDecimalsAreWrittenInPlainDigits() {
        // orchestration read a quote's "discountPercent": 1e1 as a 10 % discount, and 1e400 answered "Infinity"
        String name = "exponent-" + UUID.randomUUID();
        for (String weight : List.of("1e1", "1E+2", "5e-1", "1e400", "\"2e0\"")) {
            TestHttp.Response response = ops.post("/api/things",
                    "{\"name\": \"" + name + "\", \"weight\": " + weight + "}");

            assertThat(response.status()).as(weight + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("weight");
            assertThat(response.json().path("violations").get(0).path("message").asString())
                    .contains("plain decimal", "no exponent").doesNotContain("Infinity");
        }
        assertThat(writes.executions(name)).isZero();
        assertThat(ops.post("/api/things", "{\"name\": \"" + name + "\", \"weight\": 12.50}").status())
                .isEqualTo(201);
        assertThat(ops.post("/api/things", "{\"name\": \"" + name + "-s\", \"weight\": \"-0.5\"}").status())
                .isEqualTo(201);
        // and answers write them without an exponent (4.3E+2, 0E-9 before)
        assertThat(ops.get("/api/decimals").body()).isEqualTo("[430,0.000000000]");
    }

    @Test
    void aTextOrANumberForABooleanIsRefusedNamingItsField() {
        // the catalog stored an offering's "isBundle": "false" as false, and 1 would have been true
        String name = "boolean-" + UUID.randomUUID();
        for (String gift : List.of("\"false\"", "\"true\"", "1", "0")) {
            TestHttp.Response response = ops.post("/api/things",
                    "{\"name\": \"" + name + "\", \"gift\": " + gift + "}");

            assertThat(response.status()).as(gift + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("violations").get(0).path("field").asString()).as(gift).isEqualTo("gift");
        }
        assertThat(writes.executions(name)).isZero();
        assertThat(ops.post("/api/things", "{\"name\": \"" + name + "\", \"gift\": false}").status())
                .isEqualTo(201);
    }

    @Test
    void aNumberForAnEnumAndAMemberNamedTwiceAreRefusedNotGuessed() {
        // "mode": -0 was read as the enum's first constant (an activation endpoint became WEBHOOK), and of
        // {"callback": "a", "callback": "b"} the last was kept silently
        String name = "guessed-" + UUID.randomUUID();
        for (String size : List.of("0", "-0", "1", "\"0\"")) {
            TestHttp.Response response = ops.post("/api/things",
                    "{\"name\": \"" + name + "\", \"size\": " + size + "}");

            assertThat(response.status()).as(size + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).as(size).contains("size");
        }
        TestHttp.Response twice = ops.post("/api/things",
                "{\"name\": \"" + name + "\", \"name\": \"" + name + "-2\"}");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.body()).contains("name");
        assertThat(writes.executions(name)).isZero();
        assertThat(writes.executions(name + "-2")).isZero();
        assertThat(ops.post("/api/things", "{\"name\": \"" + name + "\", \"size\": \"LARGE\"}").status())
                .isEqualTo(201);
    }

    @Test
    void aTextNoColumnHoldsIsRefusedNamingItsFieldAndAPairedSurrogateIsKept() {
        // a lone surrogate (backslash-u d800) was answered 201 and echoed, then read back as "?x"; a NUL failed at the
        // database, unnamed
        String name = "surrogate-" + UUID.randomUUID();
        for (String text : List.of(name + "\\ud800x", name + "\\udc00", name + "\\u0000")) {
            TestHttp.Response response = ops.post("/api/things", "{\"name\": \"" + text + "\"}");

            assertThat(response.status()).as(text + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("name");
            assertThat(response.json().path("violations").get(0).path("message").asString())
                    .contains("unpaired UTF-16 surrogate");
        }
        assertThat(writes.executions(name)).isZero();
        TestHttp.Response paired = ops.post("/api/things", "{\"name\": \"" + name + "\\ud83d\\ude00\"}");
        assertThat(paired.status()).as(paired.toString()).isEqualTo(201);
        assertThat(paired.json().path("name").asString()).isEqualTo(name + "\ud83d\ude00");
    }

    @Test
    void directionalOverridesAreRefusedNamingTheFieldAndRightToLeftTextIsKept() {
        // a name with a right-to-left override displays reversed (reads as something else) in the portal and documents
        String name = "bidi-" + UUID.randomUUID();
        for (String control : List.of("\\u202a", "\\u202E", "\\u2066", "\\u2069")) {
            TestHttp.Response response = ops.post("/api/things", "{\"name\": \"" + name + control + "gnp.exe\"}");

            assertThat(response.status()).as(control + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("name");
            assertThat(response.json().path("violations").get(0).path("message").asString())
                    .contains("directional formatting characters");
        }
        assertThat(writes.executions(name)).isZero();
        // Arabic with a right-to-left mark (U+200F), which needs no override
        TestHttp.Response arabic = ops.post("/api/things",
                "{\"name\": \"" + name + " \\u0634\\u0631\\u0643\\u0629\\u200f\"}");
        assertThat(arabic.status()).as(arabic.toString()).isEqualTo(201);
        assertThat(arabic.json().path("name").asString()).isEqualTo(name + " \u0634\u0631\u0643\u0629\u200f");
    }

    @Test
    void jsonIsTheOnlyStructuredFormatRead() {
        // Jackson 2's YAML converter (swagger-core brings the module) read YAML through a tolerant mapper: unknown
        // fields dropped, no strict checks, aliases expanding a small body into millions of values
        for (String type : List.of("application/yaml", "application/xml", "application/cbor",
                "application/x-jackson-smile")) {
            String name = "other-format-" + UUID.randomUUID();
            TestHttp.Response response = ops.send("POST", "/api/things", "name: " + name + "\nnmae: x\n", type);

            assertThat(response.status()).as(type + ": " + response).isEqualTo(415);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("acceptedContentTypes").toString()).doesNotContain("yaml", "xml", "cbor",
                    "smile");
            assertThat(writes.executions(name)).isZero();
        }
    }

    @Test
    void aMissingTokenAnswerSaysWhereToGetOne() {
        TestHttp.Response response = anonymous.post("/api/things", "{\"name\": \"a\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("detail").asString())
                .contains(TestJwt.ISSUER + "/protocol/openid-connect/token").contains("client_id=accord-cli");
        assertThat(response.json().path("tokenEndpoint").asString())
                .isEqualTo(TestJwt.ISSUER + "/protocol/openid-connect/token");
        assertThat(response.json().path("clientId").asString()).isEqualTo("accord-cli");
    }
}
