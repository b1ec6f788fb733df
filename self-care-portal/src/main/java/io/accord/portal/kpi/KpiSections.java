package io.accord.portal.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.accord.portal.layout.Display;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.partnername.PartnerNames;
import tools.jackson.databind.JsonNode;

import static io.accord.portal.kpi.KpiFigures.duration;
import static io.accord.portal.kpi.KpiFigures.number;
import static io.accord.portal.kpi.KpiFigures.percent;

/** Each service's KPI answer (docs of its KPI endpoint) as a dashboard section, in the user's language. */
final class KpiSections {

    private final Locale locale;
    private final PartnerNames partnerNames;
    private final DisplayHelper display;

    KpiSections(Locale locale, PartnerNames partnerNames, DisplayHelper display) {
        this.locale = locale;
        this.partnerNames = partnerNames;
        this.display = display;
    }

    KpiSection onboarding(JsonNode kpis) {
        return new KpiSection.Builder("onboarding")
                .figure("kpi.onboarding.submitted", number(kpis.path("submitted"), 0, locale))
                .figure("kpi.onboarding.autoApprovalRate", percent(kpis.path("autoApprovalRate"), locale))
                .figure("kpi.onboarding.activationMedian", duration(kpis.at("/timeToActivation/medianSeconds")))
                .figure("kpi.onboarding.activationP95", duration(kpis.at("/timeToActivation/p95Seconds")))
                .figure("kpi.onboarding.reviewAgeMax", duration(kpis.at("/pendingReviewAge/maxSeconds")))
                .chart("kpi.onboarding.byStatus", BarChart.of("chart-onboarding", labelled(
                        counts(kpis.path("applicationsByStatus")), "ApplicationStatus"), 0).withUnit("chart.unit.applications", null))
                .build();
    }

    KpiSection catalog(JsonNode kpis) {
        return new KpiSection.Builder("catalog")
                .figure("kpi.catalog.pendingChanges", number(kpis.path("pendingChanges"), 0, locale))
                .figure("kpi.catalog.decisions", number(kpis.at("/reviewLeadTime/count"), 0, locale))
                .figure("kpi.catalog.leadTimeMedian", duration(kpis.at("/reviewLeadTime/medianSeconds")))
                .figure("kpi.catalog.leadTimeP90", duration(kpis.at("/reviewLeadTime/p90Seconds")))
                .chart("kpi.catalog.byState", BarChart.of("chart-catalog", labelled(counts(kpis.path("offeringsByState")), "OfferingState"), 0)
                        .withUnit("chart.unit.offerings", null))
                .build();
    }

    KpiSection orders(JsonNode kpis) {
        Map<String, Long> perDay = new LinkedHashMap<>();
        kpis.path("volumeByDay").forEach(day -> perDay.put(
                io.accord.portal.layout.Dates.date(day.path("day").asString(), locale), day.path("total").asLong()));
        return new KpiSection.Builder("orders")
                .figure("kpi.orders.orders", number(kpis.path("orders"), 0, locale))
                .figure("kpi.orders.falloutRate", percent(kpis.at("/fallout/rate"), locale))
                .figure("kpi.orders.activationMedian", duration(kpis.at("/orderToActivation/medianSeconds")))
                .figure("kpi.orders.activationP90", duration(kpis.at("/orderToActivation/p90Seconds")))
                .chart("kpi.orders.perDay", BarChart.of("chart-orders-day", perDay, 0).withUnit("chart.unit.orders", null))
                .chart("kpi.orders.byState", BarChart.of("chart-orders-state", labelled(tmfStates(counts(kpis.path("ordersByState"))), "OrderState"), 0)
                        .withUnit("chart.unit.orders", null))
                .build();
    }

    KpiSection rating(JsonNode kpis) {
        JsonNode suspense = kpis.path("suspense");
        List<String> ages = new ArrayList<>();
        suspense.path("byAge").propertyNames().forEach(ages::add);
        List<List<String>> reasons = new ArrayList<>();
        suspense.path("byReasonAndAge").properties().forEach(reason -> {
            List<String> row = new ArrayList<>(List.of(display.code("SuspenseReason", reason.getKey())));
            ages.forEach(age -> row.add(number(reason.getValue().path(age), 0, locale)));
            reasons.add(row);
        });
        List<String> reasonHeaders = new ArrayList<>(List.of("kpi.rating.reason"));
        ages.forEach(age -> reasonHeaders.add("kpi.age." + age.replace("<", "lt").replace(">", "gt")));
        Map<String, BigDecimal> chargeByPartner = new LinkedHashMap<>();
        List<List<String>> revenue = new ArrayList<>();
        String chartCurrency = kpis.path("revenueByPartner").path(0).path("currency").asString(null);
        List<String> partnerIds = new ArrayList<>();
        kpis.path("revenueByPartner").forEach(row -> partnerIds.add(row.path("partnerId").asString("")));
        PartnerNames.Names names = partnerNames.of(partnerIds);
        for (JsonNode row : kpis.path("revenueByPartner")) {
            String partner = partner(row.path("partnerId"), names);
            String currency = row.path("currency").asString();
            BigDecimal charge = KpiFigures.decimal(row.path("charge"));
            if (currency.equals(chartCurrency) && charge != null && chargeByPartner.size() < 10) {
                chargeByPartner.merge(partner, charge, BigDecimal::add);
            }
            revenue.add(List.of(partner, currency, money(row.path("charge"), currency),
                    money(row.path("partnerShare"), currency), money(row.path("wholesale"), currency),
                    money(row.path("margin"), currency), number(row.path("records"), 0, locale)));
        }
        KpiSection.Builder section = new KpiSection.Builder("rating")
                .figure("kpi.rating.perSecond", number(kpis.at("/throughput/perSecond"), 2, locale))
                .figure("kpi.rating.openSuspense", number(suspense.path("open"), 0, locale))
                .chart("kpi.rating.suspenseByAge", BarChart.of("chart-suspense-age", counts(suspense.path("byAge")), 0)
                        .withUnit("chart.unit.records", null))
                .table("kpi.rating.suspenseByReason", reasonHeaders, reasons);
        if (chartCurrency != null) {
            section.chart("kpi.rating.revenueByPartner", chartCurrency,
                    BarChart.of("chart-revenue-partner", chargeByPartner, 2).withUnit("chart.unit.money", chartCurrency));
        }
        return section.table("kpi.rating.revenueTable", List.of("kpi.rating.partner", "kpi.currency",
                        "kpi.rating.charge", "kpi.rating.partnerShare", "kpi.rating.wholesale", "kpi.rating.margin",
                        "kpi.rating.records"), revenue)
                .build();
    }

    KpiSection settlement(JsonNode kpis) {
        JsonNode matching = kpis.path("reconciliation");
        List<List<String>> due = new ArrayList<>();
        kpis.path("amountsDue").forEach(row -> due.add(List.of(row.path("currency").asString(),
                money(row.path("payable"), row.path("currency").asString()),
                number(row.path("payableStatements"), 0, locale),
                money(row.path("receivable"), row.path("currency").asString()),
                number(row.path("receivableStatements"), 0, locale))));
        return new KpiSection.Builder("settlement")
                .figure("kpi.settlement.lineMatchRate", percent(matching.path("lineMatchRate"), locale))
                .figure("kpi.settlement.invoiceMatchRate", percent(matching.path("invoiceMatchRate"), locale))
                .figure("kpi.settlement.reconciliations", number(matching.path("reconciliations"), 0, locale))
                .chart("kpi.settlement.byState", BarChart.of("chart-statements", labelled(counts(kpis.path("statementsByState")), "StatementState"),
                        0).withUnit("chart.unit.statements", null))
                .table("kpi.settlement.due", List.of("kpi.currency", "kpi.settlement.payable",
                        "kpi.settlement.payableStatements", "kpi.settlement.receivable",
                        "kpi.settlement.receivableStatements"), due)
                .build();
    }

    KpiSection disputes(JsonNode kpis) {
        // credits and debits apart, and their net in the partner's favour (dispute-service's net; an answer from
        // before it, with adjusted alone, shows that as the net): one "adjusted" sum used to add debits to credits
        List<List<String>> amounts = new ArrayList<>();
        kpis.path("amounts").properties().forEach(entry -> {
            JsonNode perCurrency = entry.getValue();
            JsonNode net = perCurrency.has("net") ? perCurrency.path("net") : perCurrency.path("adjusted");
            amounts.add(List.of(entry.getKey(), money(perCurrency.path("disputed"), entry.getKey()),
                    money(perCurrency.path("credited"), entry.getKey()),
                    money(perCurrency.path("debited"), entry.getKey()), money(net, entry.getKey())));
        });
        return new KpiSection.Builder("disputes")
                .figure("kpi.disputes.open", number(kpis.path("open"), 0, locale))
                .figure("kpi.disputes.resolved", number(kpis.path("resolved"), 0, locale))
                .figure("kpi.disputes.meanResolution", duration(kpis.path("meanTimeToResolution")))
                .figure("kpi.disputes.p95Resolution", duration(kpis.path("p95TimeToResolution")))
                .figure("kpi.disputes.slaBreachRate", percent(kpis.path("slaBreachRate"), locale))
                .chart("kpi.disputes.openByAge", BarChart.of("chart-disputes-age", counts(kpis.path("openByAge")), 0)
                        .withUnit("chart.unit.disputes", null))
                .table("kpi.disputes.amounts", List.of("kpi.currency", "kpi.disputes.disputed",
                        "kpi.disputes.credited", "kpi.disputes.debited", "kpi.disputes.net"), amounts)
                .build();
    }

    /** The categories of a chart by state in words of the user's language ({@code DRAFT} → "Entwurf"). */
    private Map<String, Long> labelled(Map<String, Long> byCode, String kind) {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        byCode.forEach((code, count) -> byLabel.merge(display.code(kind, code), count, Long::sum));
        return byLabel;
    }

    /** Orchestration counts orders by its enum's names ({@code IN_PROGRESS}); the pages know the TMF states. */
    private static Map<String, Long> tmfStates(Map<String, Long> byName) {
        Map<String, Long> byState = new LinkedHashMap<>();
        byName.forEach((name, count) -> {
            String camel = java.util.regex.Pattern.compile("_([a-z])").matcher(name.toLowerCase(Locale.ROOT))
                    .replaceAll(match -> match.group(1).toUpperCase(Locale.ROOT));
            byState.put(camel, count);
        });
        return byState;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        object.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong(0)));
        return counts;
    }

    /** A partner's name (and its id shortened) for a table cell, or its id when unknown; the CSP's own usage has none. */
    private static String partner(JsonNode id, PartnerNames.Names names) {
        String value = id.isNull() || id.isMissingNode() ? "" : id.asString("");
        if (value.isEmpty()) {
            return "CSP";
        }
        return names.knows(value) ? names.name(value) + " · " + Display.shortId(value) : Display.shortId(value);
    }

    /** Money in a table with a currency column: as every page shows it ({@link Display#amount}), none when absent. */
    private String money(JsonNode value, String currency) {
        String shown = value == null || value.isNull() || value.isMissingNode() ? ""
                : Display.amount(value, currency, locale);
        return shown.isBlank() ? KpiFigures.NONE : shown;
    }
}
