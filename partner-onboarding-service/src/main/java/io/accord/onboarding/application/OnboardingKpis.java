package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** How onboarding performs: volumes by status, how much is zero-touch, how long activation and review take. */
@RestController
@Tag(name = "Application review")
class OnboardingKpis {

    private final JdbcClient jdbc;

    OnboardingKpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param autoApprovalRate      share of submitted applications approved without a human step (0..1)
     * @param timeToActivation      seconds from first submission to activation, over activated applications
     * @param pendingReviewAge      seconds the applications now IN_REVIEW have waited
     */
    record Kpis(Map<String, Long> applicationsByStatus, long submitted, long autoApproved,
                BigDecimal autoApprovalRate, Distribution timeToActivation, Distribution pendingReviewAge) {
    }

    /** Median, 95th percentile and maximum in seconds; null when there is nothing to measure. */
    record Distribution(long count, Double medianSeconds, Double p95Seconds, Double maxSeconds) {
    }

    @GetMapping("/api/onboarding/admin/kpis")
    @PreAuthorize("hasAnyRole('" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.AUDITOR + "')")
    @Transactional(readOnly = true)
    @Operation(operationId = "onboardingKpis",
            summary = "Onboarding KPIs: applications by status, auto-approval rate, time to activation, review age")
    Kpis kpis() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ApplicationStatus status : ApplicationStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        jdbc.sql("select status, count(*) as n from partner_application group by status")
                .query((rs, row) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
        long submitted = count("select count(*) from partner_application where submitted_at is not null");
        long auto = count("select count(*) from partner_application where auto_approved");
        BigDecimal rate = submitted == 0 ? null
                : BigDecimal.valueOf(auto).divide(BigDecimal.valueOf(submitted), 4, RoundingMode.HALF_EVEN);
        return new Kpis(byStatus, submitted, auto, rate,
                distribution("extract(epoch from decided_at - submitted_at)", "partner_id is not null"),
                distribution("extract(epoch from now() - review_since)", "status = 'IN_REVIEW'"));
    }

    private long count(String sql) {
        Long count = jdbc.sql(sql).query(Long.class).single();
        return count == null ? 0 : count;
    }

    private Distribution distribution(String seconds, String where) {
        return jdbc.sql("select count(*) as n, percentile_cont(0.5) within group (order by " + seconds + ") as p50, "
                        + "percentile_cont(0.95) within group (order by " + seconds + ") as p95, max(" + seconds
                        + ") as max from partner_application where " + where)
                .query((rs, row) -> new Distribution(rs.getLong("n"), (Double) rs.getObject("p50"),
                        (Double) rs.getObject("p95"), rs.getObject("max") == null ? null : rs.getDouble("max")))
                .single();
    }
}
