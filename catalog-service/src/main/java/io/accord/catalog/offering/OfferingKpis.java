package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the catalog performs (docs/catalog-model.md, "KPIs"): offerings by state now, and how long review takes
 * from submission to decision over a window. Staff only (the gateway's {@code /api/*\/admin/**} rule too).
 */
@RestController
@Tag(name = "Offering review and sellability")
class OfferingKpis {

    static final String PATH = "/api/catalog/admin/kpis";
    static final String STAFF = Roles.ANY_STAFF;

    private final JdbcClient jdbc;
    private final Clock clock;

    OfferingKpis(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param offeringsByState every state, 0 when none
     * @param pendingChanges   launched offerings whose new version or price version waits in review
     * @param reviewLeadTime   seconds from submission to decision, over the decisions taken in the window (an
     *                         offering keeps its latest submission and decision, so each counts once)
     */
    record Kpis(Map<String, Long> offeringsByState, long pendingChanges, Window window, Distribution reviewLeadTime) {
    }

    record Window(Instant from, Instant to) {
    }

    /** Median, 90th percentile (continuous) and maximum in seconds; null when nothing was decided. */
    record Distribution(long count, Double medianSeconds, Double p90Seconds, Double maxSeconds) {
    }

    @GetMapping(PATH)
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    @Operation(operationId = "catalogKpis", summary = "Catalog KPIs: offerings by state; review lead time (median, "
            + "p90, max) and decisions over a window [from, to), by default the last 30 days")
    Kpis kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        TimeWindow window = TimeWindow.of(from, to, clock.instant());
        Map<String, Long> byState = new LinkedHashMap<>();
        for (OfferingStatus status : OfferingStatus.values()) {
            byState.put(status.name(), 0L);
        }
        jdbc.sql("select status, count(*) as n from product_offering group by status")
                .query((rs, row) -> byState.put(rs.getString("status"), rs.getLong("n"))).list();
        long pending = jdbc.sql("select count(*) from product_offering where pending_change is not null")
                .query(Long.class).single();
        String decided = " from product_offering where decided_at >= :from and decided_at < :to"
                + " and submitted_at is not null and decided_at >= submitted_at";
        String seconds = "extract(epoch from decided_at - submitted_at)";
        return jdbc.sql("select count(*) as n,"
                        + " percentile_cont(0.5) within group (order by " + seconds + ") as p50,"
                        + " percentile_cont(0.9) within group (order by " + seconds + ") as p90,"
                        + " max(" + seconds + ") as max" + decided)
                .param("from", window.fromParameter()).param("to", window.toParameter())
                .query((rs, row) -> new Kpis(byState, pending, new Window(window.from(), window.to()),
                        new Distribution(rs.getLong("n"), (Double) rs.getObject("p50"), (Double) rs.getObject("p90"),
                                rs.getObject("max") == null ? null : rs.getDouble("max"))))
                .single();
    }
}
