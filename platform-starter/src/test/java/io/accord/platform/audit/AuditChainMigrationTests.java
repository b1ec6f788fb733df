package io.accord.platform.audit;

import io.accord.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trail written before the hash chain existed is chained by V8, in id order; entries V8's insert trigger
 * chained stay valid under V11's sealing, which goes on from the same head; V12 moves every link into
 * {@code audit_chain_link} unchanged, queues the entries still unsealed, and sealing goes on from the same head.
 */
class AuditChainMigrationTests {

    @Test
    void chainsTheEntriesOfAnExistingTrailAndGoesOnFromThere() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                TestInfrastructure.database("platform_audit_migration"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AuditChain chain = new AuditChain(jdbc, Duration.ofMinutes(1));
        migrate(dataSource, "7");
        for (String after : new String[] {"{\"b\": 2, \"a\": 1}", null, "{\"name\": \"Zürich\"}"}) {
            jdbc.sql("""
                    insert into audit_event (actor, resource_type, resource_id, action, after_state)
                    values ('legacy', 'partner', 'p-1', 'updated', cast(:after as jsonb))""")
                    .param("after", after).update();
        }

        migrate(dataSource, "10");

        // before V12 the links were columns of the entries (the verifier reads V12's tables: checked in SQL here)
        assertThat(jdbc.sql("select chain_seq from audit_event order by id").query(Long.class).list())
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.sql("select previous_hash from audit_event where chain_seq = 1").query(String.class).single())
                .isEqualTo(AuditChain.GENESIS);
        insert(jdbc, "chained by the V8 trigger");

        migrate(dataSource, "11");

        insert(jdbc, "sealed after V11");
        assertThat(jdbc.sql("select audit_seal(10)").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select chain_seq from audit_event order by id").query(Long.class).list())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(jdbc.sql("select count(*) from audit_event e where entry_hash <> audit_event_digest(e)")
                .query(Long.class).single()).isZero();
        insert(jdbc, "still unsealed at V12");

        migrate(dataSource, "latest");

        AuditVerification pending = chain.verify();
        assertThat(pending.verified()).as(pending.toString()).isTrue();
        assertThat(pending.entries()).isEqualTo(5);
        assertThat(pending.pendingEntries()).as("the unsealed entry is queued").isEqualTo(1);
        insert(jdbc, "sealed after V12");
        assertThat(jdbc.sql("select audit_seal(10)").query(Integer.class).single()).isEqualTo(2);
        assertThat(chain.verify()).isEqualTo(new AuditVerification(true, 7, null, null, 0, null, 7L,
                jdbc.sql("select entry_hash from audit_chain_link where chain_seq = 7").query(String.class).single(),
                null));
        assertThat(jdbc.sql("""
                select l.chain_seq from audit_event e join audit_chain_link l on l.event_id = e.id order by e.id""")
                .query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(jdbc.sql("select count(*) from audit_unsealed").query(Long.class).single()).isZero();
    }

    private static void insert(JdbcClient jdbc, String action) {
        jdbc.sql("insert into audit_event (actor, resource_type, resource_id, action) values ('new', 'partner', 'p-1',"
                + " :action)").param("action", action).update();
    }

    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").table("platform_schema_history")
                .target(target).load().migrate();
    }
}
