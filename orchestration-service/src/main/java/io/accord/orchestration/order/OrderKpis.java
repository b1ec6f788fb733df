package io.accord.orchestration.order;

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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How ordering performs over a window of order creation (docs/orchestration-orders.md, "KPIs"): volume per day and
 * state, the fallout rate and the time from order to activation. Staff only.
 */
@RestController
@Tag(name = "Product orders (TMF622)")
class OrderKpis {

    static final String PATH = "/api/orchestration/admin/kpis";
    static final String STAFF = Roles.ANY_STAFF;

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderKpis(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param ordersByState     orders created in the window, by their state now (every state, 0 when none)
     * @param volumeByDay       orders created per UTC day of the window (every day, oldest first)
     * @param fallout           of the window's orders that finished, those that failed or completed only partly
     * @param orderToActivation seconds from order to completion, over the window's completed orders
     */
    record Kpis(Window window, long orders, Map<String, Long> ordersByState, List<Day> volumeByDay, Fallout fallout,
                Distribution orderToActivation) {
    }

    record Window(Instant from, Instant to) {
    }

    record Day(LocalDate day, long total, Map<String, Long> byState) {
    }

    /** {@code rate} = (failed + partial) / (completed + failed + partial), 4 decimals; null when none finished. */
    record Fallout(long finished, long failed, long partial, BigDecimal rate) {
    }

    /** Median, 90th percentile (continuous) and maximum in seconds; null when nothing completed. */
    record Distribution(long count, Double medianSeconds, Double p90Seconds, Double maxSeconds) {
    }

    @GetMapping(PATH)
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    @Operation(operationId = "orderKpis", summary = "Order KPIs over a window [from, to) of order creation (by "
            + "default the last 30 days): volume per day and state, fallout rate, order-to-activation time")
    Kpis kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        TimeWindow window = TimeWindow.of(from, to, clock.instant());
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        LocalDate first = window.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate last = window.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.put(day, zeroByState());
        }
        Map<String, Long> byState = zeroByState();
        jdbc.sql("select cast(created_at at time zone 'UTC' as date) as day, state, count(*) as n from product_order"
                        + " where created_at >= :from and created_at < :to group by 1, 2")
                .param("from", window.fromParameter()).param("to", window.toParameter())
                .query((rs, row) -> {
                    String state = rs.getString("state");
                    long n = rs.getLong("n");
                    byState.merge(state, n, Long::sum);
                    return days.get(rs.getObject("day", LocalDate.class)).merge(state, n, Long::sum);
                }).list();
        List<Day> volume = new ArrayList<>();
        days.forEach((day, states) -> volume.add(
                new Day(day, states.values().stream().mapToLong(Long::longValue).sum(), states)));
        long completed = byState.get(OrderState.COMPLETED.name());
        long failed = byState.get(OrderState.FAILED.name());
        long partial = byState.get(OrderState.PARTIAL.name());
        long finished = completed + failed + partial;
        Fallout fallout = new Fallout(finished, failed, partial, finished == 0 ? null
                : BigDecimal.valueOf(failed + partial).divide(BigDecimal.valueOf(finished), 4, RoundingMode.HALF_EVEN));
        long orders = byState.values().stream().mapToLong(Long::longValue).sum();
        return new Kpis(new Window(window.from(), window.to()), orders, byState, volume, fallout,
                activation(window));
    }

    private Distribution activation(TimeWindow window) {
        String seconds = "extract(epoch from completion_date - order_date)";
        return jdbc.sql("select count(*) as n, percentile_cont(0.5) within group (order by " + seconds + ") as p50,"
                        + " percentile_cont(0.9) within group (order by " + seconds + ") as p90, max(" + seconds
                        + ") as max from product_order where created_at >= :from and created_at < :to"
                        + " and state = 'COMPLETED' and completion_date is not null")
                .param("from", window.fromParameter()).param("to", window.toParameter())
                .query((rs, row) -> new Distribution(rs.getLong("n"), (Double) rs.getObject("p50"),
                        (Double) rs.getObject("p90"), rs.getObject("max") == null ? null : rs.getDouble("max")))
                .single();
    }

    private static Map<String, Long> zeroByState() {
        Map<String, Long> states = new LinkedHashMap<>();
        for (OrderState state : OrderState.values()) {
            states.put(state.name(), 0L);
        }
        return states;
    }
}
