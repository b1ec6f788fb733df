package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageRated;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import io.accord.contracts.value.PartnerId;
import io.accord.rating.visibility.PartnerView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fate of a usage record (issue 10: "nothing accepted disappears silently"): rated (with amounts and the
 * versions it was rated with, reversals and re-ratings too), in suspense (with the reason), its duplicates (and of
 * which record they are duplicates), or not processed (yet).
 */
class UsageFates {

    private static final TypeReference<List<UsageRated.PartyAmount>> PARTIES = new TypeReference<>() { };
    private static final TypeReference<List<UsageRated.AgreementVersionRef>> AGREEMENTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Tenancy tenancy;

    UsageFates(JdbcClient jdbc, JsonMapper json, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.json = json;
        this.tenancy = tenancy;
    }

    UsageFateView fate(String source, String usageId) {
        List<RatedRow> rated = jdbc.sql("""
                        select seq, rated_id, kind, reversal_of, rated_at, subscriber_id, usage_time,
                               usage_offset_secs, usage_type, quantity, unit, billed_quantity, billed_unit, currency,
                               charge, margin, allocation, parties, partner_ids, product_instance_id, offering_id,
                               offering_version, price_version_id, price_version, agreements, tier_mode, provisional,
                               arrival_order, customer_reference, tax_category
                        from usage_rated where source = :source and usage_id = :usageId order by seq""")
                .param("source", source).param("usageId", usageId).query((rs, n) -> ratedRow(rs)).list();
        Optional<PartnerId> partner = tenancy.isStaff() ? Optional.empty() : tenancy.partnerId();
        String mine = partner.map(PartnerId::toString).orElse(null);
        // a partner's own submissions carry its partner id as their source (TMF635 and the file upload set it)
        boolean ownSource = mine != null && mine.equals(source);
        if (!tenancy.isStaff() && !ownSource) {
            boolean visible = mine != null && rated.stream().anyMatch(row -> row.partnerIds.contains(mine));
            if (!visible) {
                throw notProcessed(source, usageId, false);
            }
        }
        List<UsageFateView.Suspense> suspense = tenancy.isStaff() || ownSource ? jdbc.sql("""
                        select suspense_id, reason, detail, status, received_at, suspended_at, resolved_at,
                               resolved_by, resolution, rated_id
                        from usage_suspense where source = :source and usage_id = :usageId
                        union all
                        select suspense_id, reason, detail, status, received_at, suspended_at, resolved_at,
                               resolved_by, resolution, rated_id
                        from usage_suspense where source = :source and usage_id is null
                          and unclaimed_usage_id = :usageId
                        order by suspended_at, suspense_id""")
                .param("source", source).param("usageId", usageId)
                .query((rs, n) -> new UsageFateView.Suspense(rs.getObject("suspense_id", UUID.class),
                        rs.getString("reason"), rs.getString("detail"), rs.getString("status"),
                        instant(rs, "received_at"), instant(rs, "suspended_at"), instant(rs, "resolved_at"),
                        rs.getString("resolved_by"), rs.getString("resolution"),
                        rs.getObject("rated_id", UUID.class))).list() : List.of();
        if (rated.isEmpty() && suspense.isEmpty()) {
            throw notProcessed(source, usageId, tenancy.isStaff());
        }
        UsageFateView.Original original = original(rated, suspense);
        List<UsageFateView.Duplicate> duplicates = jdbc.sql("""
                        select duplicate_id, received_at, detected_at, channel, conflicting from usage_duplicate
                        where source = :source and usage_id = :usageId order by detected_at, duplicate_id""")
                .param("source", source).param("usageId", usageId)
                .query((rs, n) -> new UsageFateView.Duplicate(rs.getObject("duplicate_id", UUID.class),
                        instant(rs, "received_at"), instant(rs, "detected_at"), original, rs.getString("channel"),
                        rs.getObject("conflicting", Boolean.class))).list();
        String state = !rated.isEmpty() ? "RATED" : suspense.getLast().status().equals("OPEN") ? "SUSPENDED"
                : suspense.getLast().status();
        java.util.Map<UUID, UUID> reversedBy = new java.util.HashMap<>();
        for (RatedRow row : rated) {
            if ("REVERSAL".equals(row.view.kind()) && row.view.reversalOf() != null) {
                reversedBy.put(row.view.reversalOf(), row.view.ratedId());
            }
        }
        UUID current = null;
        PartnerView view = PartnerView.of(tenancy);
        List<UsageFateView.Rated> ratings = new java.util.ArrayList<>(rated.size());
        for (RatedRow row : rated) {
            UsageFateView.Rated rating = row.view;
            UUID reversal = reversedBy.get(rating.ratedId());
            if (!"REVERSAL".equals(rating.kind()) && reversal == null) {
                current = rating.ratedId();
            }
            ratings.add((reversal == null ? rating : rating.reversedBy(reversal)).seenBy(view, source));
        }
        return new UsageFateView(source, usageId, state, current, ratings, suspense, duplicates);
    }

    /** The record the first occurrence became: its first rating, or its first suspense record. */
    private static UsageFateView.Original original(List<RatedRow> rated, List<UsageFateView.Suspense> suspense) {
        if (!suspense.isEmpty()) {
            return new UsageFateView.Original("SUSPENSE", suspense.getFirst().suspenseId());
        }
        return new UsageFateView.Original("RATED", rated.getFirst().view.ratedId());
    }

    private RatedRow ratedRow(ResultSet rs) throws SQLException {
        UsageFateView.Rated view = new UsageFateView.Rated(rs.getObject("rated_id", UUID.class), rs.getLong("seq"),
                rs.getString("kind"), rs.getObject("reversal_of", UUID.class), null, instant(rs, "rated_at"),
                rs.getString("subscriber_id"), rs.getTimestamp("usage_time").toInstant()
                .atOffset(ZoneOffset.ofTotalSeconds(rs.getInt("usage_offset_secs"))), rs.getString("usage_type"),
                rs.getBigDecimal("quantity").toPlainString(), rs.getString("unit"),
                rs.getBigDecimal("billed_quantity").toPlainString(), rs.getString("billed_unit"),
                rs.getString("currency"), rs.getBigDecimal("charge").toPlainString(),
                json.readValue(rs.getString("parties"), PARTIES), rs.getBigDecimal("margin").toPlainString(),
                rs.getString("allocation"), rs.getString("product_instance_id"), rs.getString("offering_id"),
                rs.getInt("offering_version"), rs.getString("price_version_id"), rs.getInt("price_version"),
                json.readValue(rs.getString("agreements"), AGREEMENTS), rs.getString("tier_mode"),
                rs.getBoolean("provisional"), rs.getLong("arrival_order"), rs.getString("customer_reference"),
                rs.getString("tax_category"));
        String[] partners = (String[]) rs.getArray("partner_ids").getArray();
        return new RatedRow(view, Arrays.asList(partners));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * The same answer whether the record was never seen or belongs to another partner: its existence is not told.
     * Staff are pointed at the reconciliation (staff only), partners at the list of their own submissions.
     */
    static ErrorResponseException notProcessed(String source, String usageId, boolean staff) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "usage-not-processed", "Usage " + usageId
                + " of source " + source + " has not been processed: it was never received, or it still waits on"
                + " the raw usage topic" + (staff ? " (GET /api/rating/reconciliation tells how many records wait)."
                : " (GET /tmf-api/usageManagement/v4/usage lists the usage you submitted, with its status)."));
        problem.setProperty("source", source);
        problem.setProperty("usageId", usageId);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private record RatedRow(UsageFateView.Rated view, List<String> partnerIds) {
    }
}
