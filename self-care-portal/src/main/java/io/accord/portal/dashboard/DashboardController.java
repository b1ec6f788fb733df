package io.accord.portal.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.accord.portal.gateway.Gateway;
import tools.jackson.databind.JsonNode;

/**
 * A partner's dashboard: usage and revenue of this month and of today by hour (refreshed every 30 s by htmx), open
 * disputes and the latest statements. Every figure is read through the gateway with the partner's own token, so it shows only the
 * partner's own rows.
 */
@Controller
class DashboardController {

    private final Gateway gateway;
    private final Clock clock;

    DashboardController(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        addUsage(model);
        JsonNode disputes = gateway.get("/api/disputes/kpis");
        model.addAttribute("openDisputes", disputes.path("open").asLong(0));
        model.addAttribute("statements", StatementRow.all(gateway.list("/api/settlement/statements?limit=5").items()));
        model.addAttribute("statementsDue", gateway.list("/api/settlement/statements?state=ISSUED&limit=1").total());
        return "dashboard";
    }

    /** The usage panel alone, for htmx's periodic refresh. */
    @GetMapping("/dashboard/usage")
    String usage(Model model) {
        addUsage(model);
        return "dashboard :: usage";
    }

    private void addUsage(Model model) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        // hourly (a month is at most 31 days, the API's hourly limit): the days of the month and the hours of today
        JsonNode rollups = gateway.get("/api/rating/rollups?from={from}&to={to}&granularity=hour&groupBy=partner",
                month.atDay(1).toString(), month.plusMonths(1).atDay(1).toString());
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(ZoneOffset.UTC));
        UsageSummary summary = UsageSummary.of(rollups, month);
        model.addAttribute("month", month);
        model.addAttribute("today", today);
        model.addAttribute("summary", summary);
        if (summary.barCurrency() != null) {
            model.addAttribute("monthChart", RevenueCharts.month(summary));
            model.addAttribute("todayChart", RevenueCharts.today(rollups, today, summary.barCurrency()));
        }
    }

    /** A statement as the dashboard lists it. */
    record StatementRow(String id, String documentNumber, String state, String currency,
                        java.math.BigDecimal totalAmount) {

        static java.util.List<StatementRow> all(JsonNode items) {
            java.util.List<StatementRow> rows = new java.util.ArrayList<>();
            items.forEach(item -> rows.add(new StatementRow(item.path("id").asString(),
                    item.path("documentNumber").asString(""), item.path("state").asString(),
                    item.path("currency").asString(""), item.path("totalAmount").asString("").isBlank() ? null
                    : new java.math.BigDecimal(item.path("totalAmount").asString()))));
            return rows;
        }
    }
}
