package io.accord.rating.rerate;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.QueryPlans;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the volume-tier finaliser reads each run: only the ratings after its cursor, through the index kept for that,
 * never the ledger's history. The finalisation itself, late usage included, is tested in {@code RerateTests}.
 */
@AccordServiceTest
class VolumePeriodFinaliserTests {

    private final DataSource dataSource;

    VolumePeriodFinaliserTests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void theScanReadsOnlyProvisionalVolumeRatingsAfterTheCursorThroughTheirIndex() throws SQLException {
        String plan = QueryPlans.withIndexesPreferred(dataSource, VolumePeriodFinaliser.SCAN,
                Map.of("after", 42L, "limit", 10_000));

        assertThat(plan).contains("Index Scan using usage_rated_volume_provisional on usage_rated r")
                .contains("Index Cond: (seq > '42'::bigint)")
                .doesNotContain("Seq Scan");
    }

    @Test
    void endedPendingPeriodsAreFoundThroughTheirIndex() throws SQLException {
        String plan = QueryPlans.withIndexesPreferred(dataSource, VolumePeriodFinaliser.ENDED,
                Map.of("month", LocalDate.of(2026, 12, 1), "year", LocalDate.of(2026, 1, 1), "limit", 1000));

        assertThat(plan).contains("volume_period_pending_start").doesNotContain("Seq Scan");
    }
}
