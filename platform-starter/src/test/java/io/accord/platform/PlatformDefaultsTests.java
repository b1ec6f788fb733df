package io.accord.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults every service gets from the starter, as a service's data source ends up with them. */
@StarterTestApplication.Test
class PlatformDefaultsTests {

    private final DataSource dataSource;

    PlatformDefaultsTests(DataSource dataSource) {
        this.dataSource = dataSource;
    }


    /**
     * A database that cannot be reached must be answered by the service (503, Retry-After) before the gateway's 30 s
     * response timeout answers 504 for it: Hikari's own default waits 30 s for a connection.
     */
    @Test
    void aConnectionIsWaitedForTenSecondsAtMost() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);

        assertThat(pool.getConnectionTimeout()).isEqualTo(10_000);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(8);
    }
}
