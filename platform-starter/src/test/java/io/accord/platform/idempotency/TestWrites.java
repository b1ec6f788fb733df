package io.accord.platform.idempotency;

import io.accord.platform.problem.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes that count how often their handler ran, per thing name: the side effect a retry must not repeat. */
@RestController
class TestWrites {

    /** {@code copies}, {@code weight} and {@code size} (optional) are there for the strict reading of values only. */
    record Thing(String name, Integer copies, java.math.BigDecimal weight, Size size, Boolean gift) {
    }

    enum Size { SMALL, LARGE }

    record Created(String id, String name, int execution, String content) {
    }

    /** Holds the slow write until the test opens it. */
    record Gate(CountDownLatch entered, CountDownLatch opened) {

        void open() {
            opened.countDown();
        }

        boolean awaitEntered() throws InterruptedException {
            return entered.await(30, TimeUnit.SECONDS);
        }
    }

    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    TestWrites(javax.sql.DataSource dataSource,
               org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }
    private volatile Gate gate = new Gate(new CountDownLatch(1), new CountDownLatch(0));

    int executions(String name) {
        return executions.getOrDefault(name, new AtomicInteger()).get();
    }

    Gate closeGate() {
        gate = new Gate(new CountDownLatch(1), new CountDownLatch(1));
        return gate;
    }

    /** Decimals {@code BigDecimal.toString()} writes with an exponent. */
    @org.springframework.web.bind.annotation.GetMapping("/api/decimals")
    java.util.List<java.math.BigDecimal> decimals() {
        return java.util.List.of(new java.math.BigDecimal("4.3E+2"), new java.math.BigDecimal("0E-9"));
    }

    @PostMapping({"/api/things", "/api/other-things", "/api/public/things", "/api/public/other-things"})
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<Created> create(@RequestBody Thing thing) {
        Created created = run(thing.name(), "");
        return ResponseEntity.created(URI.create("/api/things/" + created.id())).body(created);
    }

    @PatchMapping("/api/things/{id}")
    Created change(@PathVariable String id, @RequestBody Thing thing) {
        return run(thing.name(), id);
    }

    @PostMapping("/api/slow-things")
    ResponseEntity<Created> createSlowly(@RequestBody Thing thing) throws InterruptedException {
        Gate current = gate;
        current.entered().countDown();
        current.opened().await(30, TimeUnit.SECONDS);
        return ResponseEntity.status(201).body(run(thing.name(), ""));
    }

    /**
     * Waits for the database to answer after {@code seconds}, as a database that stopped answering would, in a
     * transaction as the services' writes are: its rollback then meets a connection the driver has closed.
     */
    @PostMapping("/api/sleeping-things")
    ResponseEntity<Created> createAfterTheDatabaseAnswers(@RequestParam("seconds") double seconds,
                                                          @RequestBody Thing thing) {
        transactions.executeWithoutResult(status ->
                jdbc.sql("select pg_sleep(:seconds)").param("seconds", seconds).query(Object.class).optional());
        return ResponseEntity.status(201).body(run(thing.name(), ""));
    }

    /** Fails with a 500 the first time a name is seen, as if a dependency were briefly down. */
    @PostMapping("/api/flaky-things")
    ResponseEntity<Created> createFlakily(@RequestBody Thing thing) {
        Created created = run(thing.name(), "");
        if (created.execution() == 1) {
            throw new IllegalStateException("a dependency is briefly down");
        }
        return ResponseEntity.status(201).body(created);
    }

    /**
     * Loses a race the first time a name is seen: an optimistic lock (or, for names starting {@code unique-}, a
     * unique key) taken by a concurrent request, as the database reports it.
     */
    @PostMapping("/api/raced-things")
    ResponseEntity<Created> createRacing(@RequestBody Thing thing) {
        Created created = run(thing.name(), "");
        if (created.execution() == 1 && thing.name().startsWith("unique-")) {
            throw new org.springframework.dao.DataIntegrityViolationException("could not execute statement",
                    new java.sql.SQLException("duplicate key value violates unique constraint", "23505"));
        }
        if (created.execution() == 1) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException("thing", thing.name());
        }
        return ResponseEntity.status(201).body(created);
    }

    /**
     * Gets no database the first time a name is seen, as the persistence layer reports it: no free connection for
     * a transaction while all were in use, or (names starting {@code down-}) none because the database refused
     * new ones, or (names starting {@code lost-}) a connection lost mid-statement, or (names starting {@code broker-}) no answer
     * from Kafka.
     */
    @PostMapping("/api/stranded-things")
    ResponseEntity<Created> createWithoutDatabase(@RequestBody Thing thing) {
        Created created = run(thing.name(), "");
        if (created.execution() == 1 && thing.name().startsWith("lost-")) {
            throw new org.springframework.orm.jpa.JpaSystemException(new RuntimeException("could not execute",
                    new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006")));
        }
        if (created.execution() == 1 && thing.name().startsWith("broker-")) {
            throw new org.apache.kafka.common.errors.TimeoutException(
                    "Timeout expired after 10000ms while awaiting ListOffsets");
        }
        if (created.execution() == 1 && thing.name().startsWith("down-")) {
            java.sql.SQLTransientConnectionException timeout = new java.sql.SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 10000ms (total=0, "
                            + "active=0, idle=0, waiting=0)", "08001",
                    new java.sql.SQLException("Connection to localhost:54320 refused.", "08001"));
            throw new org.springframework.transaction.CannotCreateTransactionException(
                    "Could not open JPA EntityManager for transaction", timeout);
        }
        if (created.execution() == 1) {
            throw new org.springframework.transaction.CannotCreateTransactionException(
                    "Could not open JPA EntityManager for transaction",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, "
                            + "request timed out after 10000ms (total=8, active=8, idle=0, waiting=3)"));
        }
        return ResponseEntity.status(201).body(created);
    }

    @PostMapping("/api/refused-things")
    Created refuse(@RequestBody Thing thing) {
        run(thing.name(), "");
        throw new InvalidInputException("name", "this name is refused");
    }

    /** An answer larger than the test's max-stored-body-size of 4 KB, which compresses well below it (as JSON does). */
    @PostMapping("/api/large-things")
    Created createLarge(@RequestBody Thing thing) {
        return run(thing.name(), "{\"outcome\":\"RATED\"},".repeat(1024));
    }

    /** An answer that stays larger than the test's max-stored-body-size of 4 KB when compressed. */
    @PostMapping("/api/incompressible-things")
    ResponseEntity<Created> createIncompressible(@RequestBody Thing thing) {
        byte[] noise = new byte[8 * 1024];
        new java.security.SecureRandom().nextBytes(noise);
        return ResponseEntity.status(201).location(java.net.URI.create("/api/things/" + thing.name()))
                .body(run(thing.name(), java.util.Base64.getEncoder().encodeToString(noise)));
    }

    @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Created> upload(@RequestParam("name") String name, @RequestPart("file") MultipartFile file)
            throws IOException {
        return ResponseEntity.status(201).body(run(name, new String(file.getBytes())));
    }

    /** Reads its body itself, as the services' file uploads do (so not through the request body advice). */
    @PostMapping(path = "/api/raw-things", consumes = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<Created> createRaw(@RequestParam("name") String name,
                                      jakarta.servlet.http.HttpServletRequest request) throws IOException {
        return ResponseEntity.status(201).body(run(name, request.getInputStream().readAllBytes().length + " bytes"));
    }

    @PostMapping(path = "/api/forms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Created> submitForm(@RequestParam("name") String name, @RequestParam("note") String note) {
        return ResponseEntity.status(201).body(run(name, note));
    }

    private Created run(String name, String content) {
        int execution = executions.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        return new Created(UUID.randomUUID().toString(), name, execution, content);
    }
}
