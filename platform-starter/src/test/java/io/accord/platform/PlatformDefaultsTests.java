package io.accord.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

import java.math.BigDecimal;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults every service gets from the starter, as a service's data source ends up with them. */
@StarterTestApplication.Test
class PlatformDefaultsTests {

    private final DataSource dataSource;
    private final JsonMapper json;

    PlatformDefaultsTests(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Money and tolerances read as digits: a payment's amount was answered as 4E+2, a tolerance as 0E-9. */
    @Test
    void decimalsAreWrittenAsPlainDigits() {
        assertThat(json.writeValueAsString(java.util.Map.of("amount", new BigDecimal("4E+2"))))
                .isEqualTo("{\"amount\":400}");
        assertThat(json.writeValueAsString(new BigDecimal("0E-9"))).isEqualTo("0.000000000");
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
