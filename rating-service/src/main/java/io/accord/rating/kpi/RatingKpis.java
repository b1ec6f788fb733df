package io.accord.rating.kpi;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rating's KPIs for the staff dashboards (docs/rating-rollups.md, "KPIs"). Rating is the hot path, so each figure
 * is read where it is cheapest and takes no lock a writer waits for: throughput from the gapless {@code seq} primary
 * key of {@code usage_rated} (a few index probes, never a count over the table), suspense from the partial index of
 * open suspense, revenue and margin from the daily rollups (by their bucket index, V80).
 */
@RestController
@Tag(name = "Usage rollups")
class RatingKpis {

    static final String PATH = "/api/rating/admin/kpis";
    static final String STAFF = Roles.ANY_STAFF;
    static final int DEFAULT_THROUGHPUT_SECONDS = 60;
    static final int MAX_THROUGHPUT_SECONDS = 3600;

    private final RatedThroughput throughput;
    private final SuspenseAges suspense;
    private final PartnerRevenue revenue;
    private final Clock clock;

    RatingKpis(JdbcClient jdbc, Clock clock) {
        this.throughput = new RatedThroughput(jdbc);
        this.suspense = new SuspenseAges(jdbc);
        this.revenue = new PartnerRevenue(jdbc);
        this.clock = clock;
    }

    /**
     * @param throughput       rated records written per second over the last {@code windowSeconds}
     * @param suspense         open suspense by reason and age
     * @param period           the whole UTC days [from, to) the revenue is summed over
     * @param revenueByPartner per partner and currency from the daily rollups ({@code partnerId} null: the CSP's own)
     */
    record Kpis(RatedThroughput.Throughput throughput, SuspenseAges.OpenSuspense suspense, Period period,
                List<PartnerRevenue.Revenue> revenueByPartner) {
    }

    record Period(LocalDate from, LocalDate to) {
    }

    @GetMapping(PATH)
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    @Operation(operationId = "ratingKpis", summary = "Rating KPIs: rated records per second over the last "
            + "throughputSeconds (default 60), open suspense by reason and age, revenue and margin per partner and "
            + "currency over whole UTC days [from, to) (default the last 30 days)")
    Kpis kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(required = false) Integer throughputSeconds) {
        Instant now = clock.instant();
        int seconds = throughputSeconds == null ? DEFAULT_THROUGHPUT_SECONDS : throughputSeconds;
        if (seconds < 1 || seconds > MAX_THROUGHPUT_SECONDS) {
            throw new InvalidInputException("throughputSeconds", "throughputSeconds is between 1 and "
                    + MAX_THROUGHPUT_SECONDS);
        }
        TimeWindow window = TimeWindow.of(from, to, now);
        LocalDate fromDay = window.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate toDay = window.to().atOffset(ZoneOffset.UTC).toLocalDate();
        if (!window.to().equals(toDay.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            toDay = toDay.plusDays(1); // a day partly in the window counts whole: the rollups are daily
        }
        return new Kpis(throughput.over(seconds, now), suspense.open(now), new Period(fromDay, toDay),
                revenue.between(fromDay, toDay));
    }

    static Map<String, Long> zeroes(List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }
}
