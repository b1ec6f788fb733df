package io.accord.rating.rollup;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.rating.visibility.PartnerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usage rollups the ledger keeps (hourly and daily, UTC) read back (docs/rating-rollups.md): partners their own
 * rows, staff all. Always grouped by bucket, billed unit and currency (never summing unlike quantities or money).
 */
@RestController
@Tag(name = "Usage rollups")
class RollupController {

    static final String ROLLUPS = "/api/rating/rollups";
    static final String ANYONE = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN + "', '"
            + Roles.PARTNER_USER + "')";
    static final Duration MAX_HOURLY = Duration.ofDays(31);
    static final Duration MAX_DAILY = Duration.ofDays(400);
    private static final Map<String, String> GROUPS = Map.of("partner", "partner_id", "offering", "offering_id",
            "usageType", "usage_type");

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    RollupController(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @GetMapping(ROLLUPS)
    @ReadsQueryParameters("groupBy")
    @PreAuthorize(ANYONE)
    @Operation(operationId = "readRollups", summary = "Rated usage summed per hour or day (UTC) of usage time,"
            + " grouped by partner, offering and/or usage type; a partner sees its own rows, without the CSP's margin"
            + " (staff only)")
    @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "any of partner, offering, usageType:"
            + " comma-separated or repeated (both combine)", array = @ArraySchema(schema = @Schema(type = "string")))
    Map<String, Object> rollups(@RequestParam String from, @RequestParam String to,
                                @RequestParam(required = false, defaultValue = "day") String granularity,
                                HttpServletRequest request) {
        if (!granularity.equals("hour") && !granularity.equals("day")) {
            throw new InvalidInputException("granularity", "granularity is hour or day");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "to must be after from (to is exclusive)");
        }
        boolean hourly = granularity.equals("hour");
        if (Duration.between(start, end).compareTo(hourly ? MAX_HOURLY : MAX_DAILY) > 0) {
            throw new InvalidInputException("to", "at most " + (hourly ? MAX_HOURLY : MAX_DAILY).toDays()
                    + " days at " + granularity + " granularity");
        }
        Set<String> groups = new LinkedHashSet<>();
        // read as every list filter reads a comma (TMF630): commas and repeated parameters alike; empty ones ignored
        for (String name : AttributeFilter.alternatives(request.getParameterValues("groupBy"))) {
            if (name.isEmpty()) {
                continue;
            }
            if (!GROUPS.containsKey(name)) {
                throw new InvalidInputException("groupBy", "groupBy takes partner, offering, usageType; not '"
                        + (name.length() > 40 ? name.substring(0, 40) : name) + "'");
            }
            groups.add(name);
        }
        String owner = null;
        if (!tenancy.isStaff()) {
            owner = tenancy.partnerId().map(PartnerId::toString).orElse("\u0000none");
        }
        // a partner's rows are all its own: its share and its wholesale (what it owes) stay, the margin is the CSP's
        PartnerView view = PartnerView.of(tenancy);
        List<String> columns = new ArrayList<>();
        for (String group : List.of("partner", "offering", "usageType")) {
            if (groups.contains(group)) {
                columns.add(GROUPS.get(group));
            }
        }
        String select = columns.isEmpty() ? "" : String.join(", ", columns) + ", ";
        String table = hourly ? "usage_rollup_hourly" : "usage_rollup_daily";
        String bucketFrom = hourly ? "cast(:from as timestamptz)" : "cast(:fromDay as date)";
        String bucketTo = hourly ? "cast(:to as timestamptz)" : "cast(:toDay as date)";
        String sql = "select bucket, " + select + "billed_unit, currency, sum(quantity) as quantity,"
                + " sum(charge) as charge, sum(partner_share) as partner_share, sum(wholesale) as wholesale,"
                + " sum(margin) as margin, sum(record_count) as records from " + table
                + " where bucket >= " + bucketFrom + " and bucket < " + bucketTo
                + " and (cast(:owner as text) is null or partner_id = :owner)"
                + " group by bucket, " + select + "billed_unit, currency"
                + " order by bucket, " + select + "billed_unit, currency";
        LocalDate fromDay = start.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate toDay = end.atOffset(ZoneOffset.UTC).toLocalDate();
        if (!end.equals(toDay.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            toDay = toDay.plusDays(1); // a day partly in range counts
        }
        List<Map<String, Object>> rows = jdbc.sql(sql)
                // an hour partly in range counts whole, as a day does: both ends alike (the hour holding from was
                // dropped while the one holding to counted)
                .param("from", Timestamp.from(start.truncatedTo(java.time.temporal.ChronoUnit.HOURS)))
                .param("to", Timestamp.from(end))
                .param("fromDay", java.sql.Date.valueOf(fromDay)).param("toDay", java.sql.Date.valueOf(toDay))
                .param("owner", owner)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("bucket", hourly ? rs.getTimestamp("bucket").toInstant().toString()
                            : rs.getDate("bucket").toLocalDate().toString());
                    if (groups.contains("partner")) {
                        String partner = rs.getString("partner_id");
                        row.put("partnerId", partner.isEmpty() ? null : partner);
                    }
                    if (groups.contains("offering")) {
                        row.put("offeringId", rs.getString("offering_id"));
                    }
                    if (groups.contains("usageType")) {
                        row.put("usageType", rs.getString("usage_type"));
                    }
                    row.put("billedUnit", rs.getString("billed_unit"));
                    row.put("currency", rs.getString("currency"));
                    // one form for every unit: the columns' scales differ by usage (4.100000000 vs 1274.5), the value does not
                    row.put("quantity", rs.getBigDecimal("quantity").stripTrailingZeros().toPlainString());
                    row.put("charge", rs.getBigDecimal("charge").setScale(6).toPlainString());
                    row.put("partnerShare", rs.getBigDecimal("partner_share").setScale(6).toPlainString());
                    row.put("wholesale", rs.getBigDecimal("wholesale").setScale(6).toPlainString());
                    if (view.seesMargin()) {
                        row.put("margin", rs.getBigDecimal("margin").setScale(6).toPlainString());
                    }
                    row.put("records", rs.getLong("records"));
                    return row;
                }).list();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("granularity", granularity);
        answer.put("from", start.toString());
        answer.put("to", end.toString());
        answer.put("groupBy", List.copyOf(groups));
        answer.put("rows", rows);
        return answer;
    }

    /** An ISO instant, or a date (its UTC midnight). */
    private static Instant instant(String field, String value) {
        return SupportedTimes.required(field, SupportedTimes.instantOrDate(field, value));
    }
}
