package io.accord.platform.audit;

import io.accord.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A trail written before the hash chain existed is chained by the migration, in id order, and stays verifiable. */
class AuditChainMigrationTests {

    @Test
    void chainsTheEntriesOfAnExistingTrailAndGoesOnFromThere() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                TestInfrastructure.database("platform_audit_migration"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        migrate(dataSource, "7");
        for (String after : new String[] {"{\"b\": 2, \"a\": 1}", null, "{\"name\": \"Zürich\"}"}) {
            jdbc.sql("""
                    insert into audit_event (actor, resource_type, resource_id, action, after_state)
                    values ('legacy', 'partner', 'p-1', 'updated', cast(:after as jsonb))""")
                    .param("after", after).update();
        }

        migrate(dataSource, "latest");

        assertThat(new AuditChain(jdbc).verify()).isEqualTo(new AuditVerification(true, 3, null, null));
        assertThat(jdbc.sql("select chain_seq from audit_event order by id").query(Long.class).list())
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.sql("select previous_hash from audit_event where chain_seq = 1").query(String.class).single())
                .isEqualTo(AuditChain.GENESIS);
        jdbc.sql("insert into audit_event (actor, resource_type, resource_id, action) values ('new', 'partner', 'p-1',"
                + " 'deleted')").update();
        assertThat(new AuditChain(jdbc).verify()).isEqualTo(new AuditVerification(true, 4, null, null));
    }

    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").table("platform_schema_history")
                .target(target).load().migrate();
    }
}
