package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail is a hash chain that {@code GET <api>/audit/verification} walks: a sealed entry changed, deleted
 * or slipped in by the superuser past the triggers is named. The tests seal what they wrote (as the sealer does
 * every 200 ms anyway), tamper and then restore, so the chain is whole again for the next test.
 */
@AuditTestApplication.Test
class AuditChainTests {

    private final TestHttp auditor;
    private final TestHttp staff;
    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final String url = TestInfrastructure.database(AuditTestApplication.DATABASE);

    private final JdbcClient runtime;
    private final AuditSealer sealer;

    AuditChainTests(@LocalServerPort int port, AuditTrail trail, TransactionTemplate transactions, JdbcClient runtime,
                    AuditSealer sealer) {
        this.runtime = runtime;
        this.sealer = sealer;
        this.auditor = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR));
        this.staff = TestHttp.localPort(port).as(TestJwt.staff("alice", Roles.PARTNER_MANAGER));
        this.trail = trail;
        this.transactions = transactions;
    }

    @Test
    void verifiesAnUntouchedChain() {
        IntStream.range(0, 3).forEach(i -> write("{\"n\":" + i + "}"));
        sealer.sealAll();

        JsonNode verification = verification();

        assertThat(verification.get("verified").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(count());
        assertThat(verification.get("firstBrokenEntryId").isNull()).isTrue();
        assertThat(verification.get("pendingEntries").asLong()).isZero();
        assertThat(verification.get("oldestPendingAgeMillis").isNull()).isTrue();
    }

    @Test
    void namesAnEntryTheSuperuserChangedAndIsWholeAgainWhenRestored() {
        write("{\"iban\":\"DE02120300000000202051\"}");
        long tampered = write("{\"iban\":\"DE89370400440532013000\",\"holder\":\"Telco One\"}");
        write("{\"iban\":\"DE02120300000000202051\"}");
        sealer.sealAll();
        String original = afterState(tampered);

        superuserJdbc(jdbc -> {
            jdbc.sql("alter table audit_event disable trigger audit_event_no_update_or_delete").update();
            jdbc.sql("""
                    update audit_event set after_state = '{"iban":"GB33BUKB20201555555555","holder":"Telco One"}'
                    where id = :id""").param("id", tampered).update();
            return jdbc.sql("alter table audit_event enable trigger audit_event_no_update_or_delete").update();
        });

        JsonNode broken = verification();
        assertThat(broken.get("verified").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenEntryId").asLong()).isEqualTo(tampered);
        assertThat(broken.get("reason").asString()).contains("content does not match its hash");

        // jsonb normalises key order and whitespace: the same content written differently hashes the same
        superuser(jdbc -> jdbc.sql("update audit_event set after_state = cast(:original as jsonb) where id = :id")
                .param("original", reordered(original)).param("id", tampered).update());
        assertThat(verification().get("verified").asBoolean()).isTrue();
    }

    @Test
    void namesTheEntryAfterADeletedOneAndNoticesMissingNewestEntries() {
        write("{\"step\":1}");
        long second = write("{\"step\":2}");
        long third = write("{\"step\":3}");
        sealer.sealAll();
        Map<String, Object> row = superuserRow(second);

        superuser(jdbc -> jdbc.sql("delete from audit_event where id = :id").param("id", second).update());
        JsonNode gap = verification();
        assertThat(gap.get("verified").asBoolean()).isFalse();
        assertThat(gap.get("firstBrokenEntryId").asLong()).isEqualTo(third);
        assertThat(gap.get("reason").asString()).contains("missing");

        Map<String, Object> newest = superuserRow(third);
        superuser(jdbc -> {
            reinsert(jdbc, row);
            jdbc.sql("delete from audit_event where id = :id").param("id", third).update();
        });
        JsonNode truncated = verification();
        assertThat(truncated.get("verified").asBoolean()).isFalse();
        assertThat(truncated.get("firstBrokenEntryId").isNull()).isTrue();
        assertThat(truncated.get("reason").asString()).contains("newest entries are missing");

        superuser(jdbc -> reinsert(jdbc, newest));
        assertThat(verification().get("verified").asBoolean()).isTrue();
    }

    @Test
    void namesAnEntryLinkedPastTheSealer() {
        write("{\"genuine\":true}");
        sealer.sealAll();
        long[] forged = new long[1];
        superuser(jdbc -> {
            forged[0] = jdbc.sql("""
                    insert into audit_event (actor, resource_type, resource_id, action)
                    values ('alice', 'thing', 'forged', 'created') returning id""").query(Long.class).single();
            jdbc.sql("""
                    insert into audit_chain_link (event_id, chain_seq, previous_hash, entry_hash)
                    select :id, last_seq + 1000000, last_hash, repeat('f', 64) from audit_chain_head""")
                    .param("id", forged[0]).update();
        });

        JsonNode verification = verification();
        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenEntryId").asLong()).isEqualTo(forged[0]);
        assertThat(verification.get("reason").asString()).contains("not part of the chain", "beyond the chain's head");

        superuser(jdbc -> {
            jdbc.sql("delete from audit_chain_link where event_id = :id").param("id", forged[0]).update();
            jdbc.sql("delete from audit_event where id = :id").param("id", forged[0]).update();
        });
        assertThat(verification().get("verified").asBoolean()).isTrue();
    }

    @Test
    void namesAnEntryNeitherSealedNorWaitingToBe() {
        write("{\"genuine\":true}");
        sealer.sealAll();
        long[] slipped = new long[1];
        superuser(jdbc -> slipped[0] = jdbc.sql("""
                insert into audit_event (actor, resource_type, resource_id, action)
                values ('alice', 'thing', 'slipped in', 'created') returning id""").query(Long.class).single());

        JsonNode verification = verification();
        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenEntryId").asLong()).isEqualTo(slipped[0]);
        assertThat(verification.get("reason").asString()).contains("not part of the chain",
                "neither sealed nor waiting");

        superuser(jdbc -> jdbc.sql("delete from audit_event where id = :id").param("id", slipped[0]).update());
        assertThat(verification().get("verified").asBoolean()).isTrue();
    }

    @Test
    void answersTheHeadAsAnAnchorThatAChainRewrittenAsAWholeNoLongerMatches() {
        write("{\"step\":1}");
        long rewritten = write("{\"amount\":100}");
        write("{\"step\":3}");
        sealer.sealAll();

        JsonNode plain = verification();
        long headPosition = plain.get("headPosition").asLong();
        String headHash = plain.get("headHash").asString();
        assertThat(headPosition).isEqualTo(plain.get("entries").asLong());
        assertThat(headHash).isEqualTo(superuserJdbc(jdbc -> jdbc.sql(
                "select entry_hash from audit_chain_link where chain_seq = :position")
                .param("position", headPosition).query(String.class).single()));
        assertThat(plain.get("anchorMatches").isNull()).isTrue();
        String anchor = "?anchorPosition=" + headPosition + "&anchorHash=" + headHash;
        JsonNode anchored = verification(anchor);
        assertThat(anchored.get("verified").asBoolean()).isTrue();
        assertThat(anchored.get("anchorMatches").asBoolean()).isTrue();

        // the superuser changes an entry before the anchor and recomputes every hash from it to the head
        String original = afterState(rewritten);
        long from = superuserJdbc(jdbc -> jdbc.sql("select chain_seq from audit_chain_link where event_id = :id")
                .param("id", rewritten).query(Long.class).single());
        superuser(jdbc -> {
            jdbc.sql("update audit_event set after_state = '{\"amount\":1}' where id = :id").param("id", rewritten)
                    .update();
            rechain(jdbc, from);
        });
        assertThat(verification().get("verified").asBoolean()).as("the walk alone cannot tell").isTrue();
        JsonNode mismatch = verification(anchor);
        assertThat(mismatch.get("verified").asBoolean()).isFalse();
        assertThat(mismatch.get("anchorMatches").asBoolean()).isFalse();
        assertThat(mismatch.get("firstBrokenEntryId").asLong()).isEqualTo(superuserJdbc(jdbc -> jdbc.sql(
                "select event_id from audit_chain_link where chain_seq = :position")
                .param("position", headPosition).query(Long.class).single()));
        assertThat(mismatch.get("reason").asString()).contains("anchored hash", "rewritten");
        assertThat(mismatch.get("headHash").asString()).isNotEqualTo(headHash);

        superuser(jdbc -> {
            jdbc.sql("update audit_event set after_state = cast(:original as jsonb) where id = :id")
                    .param("original", original).param("id", rewritten).update();
            rechain(jdbc, from);
        });
        assertThat(verification(anchor).get("anchorMatches").asBoolean()).isTrue();
        // an anchor beyond the head: the chain was cut back
        JsonNode beyond = verification("?anchorPosition=" + (headPosition + 1_000_000) + "&anchorHash=" + headHash);
        assertThat(beyond.get("anchorMatches").asBoolean()).isFalse();
        assertThat(beyond.get("verified").asBoolean()).isFalse();
    }

    @Test
    void refusesAnIncompleteOrMalformedAnchor() {
        String hash = "a".repeat(64);
        for (String[] bad : new String[][] {{"?anchorPosition=1", "anchorHash"}, {"?anchorHash=" + hash,
                "anchorPosition"}, {"?anchorPosition=0&anchorHash=" + hash, "anchorPosition"},
                {"?anchorPosition=x&anchorHash=" + hash, "anchorPosition"},
                {"?anchorPosition=1&anchorHash=" + "g".repeat(64), "anchorHash"},
                {"?anchorPosition=1&anchorHash=abc", "anchorHash"}}) {
            TestHttp.Response response = auditor.get("/api/audit/verification" + bad[0]);
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.json().get("violations").get(0).get("field").asString()).isEqualTo(bad[1]);
        }
    }

    /** Recomputes every link from the position on, as someone rewriting the chain would, and moves the head. */
    private static void rechain(JdbcClient jdbc, long from) {
        jdbc.sql("""
                do $body$
                declare
                    link record;
                    previous text;
                begin
                    select coalesce((select entry_hash from audit_chain_link where chain_seq = %1$d - 1),
                                    repeat('0', 64)) into previous;
                    for link in select chain_seq, event_id from audit_chain_link where chain_seq >= %1$d
                                order by chain_seq loop
                        update audit_chain_link l
                        set previous_hash = previous,
                            entry_hash = (select audit_event_digest(e, link.chain_seq, previous)
                                          from audit_event e where e.id = link.event_id)
                        where l.chain_seq = link.chain_seq
                        returning l.entry_hash into previous;
                    end loop;
                    update audit_chain_head set last_hash = previous where id = 1;
                end
                $body$""".formatted(from)).update();
    }

    @Test
    void isForAuditorsAndPlatformAdminsOnly() {
        assertThat(staff.get("/api/audit/verification").status()).isEqualTo(403);
        assertThat(staff.as(TestJwt.partner("pat", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN))
                .get("/api/audit/verification").status()).isEqualTo(403);
        assertThat(staff.as(TestJwt.staff("root", Roles.PLATFORM_ADMIN)).get("/api/audit/verification").status())
                .isEqualTo(200);
    }

    @Test
    void hashesWhatPostgresReturnsExactlyWhateverTheContent() {
        Map<String, Object> awkward = new LinkedHashMap<>();
        awkward.put("z", "last key first");
        awkward.put("quote", "she said \"hi\"\\ and left\n\ttab");
        awkward.put("unicode", "Zürich 東京 👩🏽‍💻 e\u0301");
        awkward.put("control", "\u0001\u001f");
        awkward.put("numbers", List.of(1.0, 1.50, 100, -0.0, 1e20, 12345678901234567890.123));
        awkward.put("nested", Map.of("b", List.of(), "a", Map.of()));
        awkward.put("empty", "");
        transactions.executeWithoutResult(status -> {
            trail.record(null, "thing", "awkward ; ~ 3:x;", "created", null, awkward);
            trail.record(PartnerId.of(UUID.randomUUID().toString()), "thing", "", "deleted", awkward, null);
        });
        sealer.sealAll();

        assertThat(verification().get("verified").asBoolean()).isTrue();
        superuser(jdbc -> assertThat(jdbc.sql("""
                select count(*) from audit_event e join audit_chain_link l on l.event_id = e.id
                where l.entry_hash <> audit_event_digest(e, l.chain_seq, l.previous_hash)""")
                .query(Long.class).single()).isZero());
    }

    @Test
    void appendsFromManyThreadsFormOneChain() throws Exception {
        int threads = 8;
        int perThread = 50;
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Runnable chainedAppend = () ->
                trail.record(null, "thing", UUID.randomUUID().toString(), "created", null, Map.of("n", 1));
        try {
            timeAppends(pool, threads, perThread, chainedAppend);
            long chained = timeAppends(pool, threads, perThread, chainedAppend);
            assertThat(count()).isEqualTo(before + 2L * threads * perThread);
            sealer.sealAll();
            JsonNode verification = verification();
            assertThat(verification.get("verified").asBoolean()).isTrue();
            assertThat(verification.get("entries").asLong()).isEqualTo(count());

            // the same inserts into a copy of the table without the trail's triggers: what the trail costs
            superuser(jdbc -> jdbc.sql("create table if not exists audit_baseline (like audit_event including all);"
                    + " grant select, insert on audit_baseline to " + AuditTestApplication.roles().runtime()).update());
            Runnable plainAppend = () -> runtime.sql("""
                            insert into audit_baseline (actor, resource_type, resource_id, action, after_state)
                            values ('system', 'thing', :id, 'created', cast('{"n":1}' as jsonb))""")
                    .param("id", UUID.randomUUID().toString()).update();
            timeAppends(pool, threads, perThread, plainAppend);
            long plain = timeAppends(pool, threads, perThread, plainAppend);
            System.out.printf("audit appends, %d threads x %d: sealed hash chain %d ms (%.0f/s), without %d ms (%.0f/s)%n",
                    threads, perThread, chained, threads * perThread * 1000.0 / chained, plain,
                    threads * perThread * 1000.0 / plain);
        } finally {
            pool.shutdownNow();
        }
    }

    private long timeAppends(ExecutorService pool, int threads, int perThread, Runnable append) {
        long start = System.nanoTime();
        CompletableFuture.allOf(IntStream.range(0, threads).mapToObj(thread -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < perThread; i++) {
                transactions.executeWithoutResult(status -> append.run());
            }
        }, pool)).toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long write(String json) {
        String id = staff.post("/api/things", json).json().get("id").asString();
        return idOf(id);
    }

    private long idOf(String resourceId) {
        return superuserJdbc(jdbc -> jdbc.sql("select id from audit_event where resource_id = :id")
                .param("id", resourceId).query(Long.class).single());
    }

    private String afterState(long id) {
        return superuserJdbc(jdbc -> jdbc.sql("select after_state::text from audit_event where id = :id")
                .param("id", id).query(String.class).single());
    }

    private Map<String, Object> superuserRow(long id) {
        return superuserJdbc(jdbc -> jdbc.sql("""
                select *, before_state::text as before_state, after_state::text as after_state
                from audit_event where id = :id""").param("id", id)
                .query().singleRow());
    }

    private static void reinsert(JdbcClient jdbc, Map<String, Object> row) {
        jdbc.sql("""
                insert into audit_event (id, occurred_at, actor, actor_id, partner_id, resource_type, resource_id,
                    action, before_state, after_state, correlation_id)
                overriding system value
                values (:id, :occurred_at, :actor, :actor_id, :partner_id, :resource_type, :resource_id, :action,
                    cast(cast(:before_state as text) as jsonb), cast(cast(:after_state as text) as jsonb),
                    :correlation_id)""")
                .paramSource(new MapSqlParameterSource(row))
                .update();
    }

    /** The same JSON object with its keys in reverse order and extra whitespace. */
    private static String reordered(String json) {
        JsonNode tree = JsonMapper.shared().readTree(json);
        List<String> names = new ArrayList<>(tree.propertyNames());
        Collections.reverse(names);
        StringBuilder text = new StringBuilder("{ ");
        for (String name : names) {
            text.append(text.length() > 2 ? " ,  " : "").append('"').append(name).append("\" :  ")
                    .append(tree.get(name).toString());
        }
        return text.append(" }").toString();
    }

    private JsonNode verification() {
        return verification("");
    }

    private JsonNode verification(String query) {
        TestHttp.Response response = auditor.get("/api/audit/verification" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long count() {
        return superuserJdbc(jdbc -> jdbc.sql("select count(*) from audit_event").query(Long.class).single());
    }

    /** Runs as the superuser with triggers off (session_replication_role = replica), as an attacker would. */
    private void superuser(Consumer<JdbcClient> tampering) {
        superuserJdbc(jdbc -> {
            jdbc.sql("set session_replication_role = replica").update();
            tampering.accept(jdbc);
            jdbc.sql("set session_replication_role = origin").update();
            return null;
        });
    }

    private <T> T superuserJdbc(Function<JdbcClient, T> work) {
        try (Connection connection = DriverManager.getConnection(url, TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword())) {
            return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
