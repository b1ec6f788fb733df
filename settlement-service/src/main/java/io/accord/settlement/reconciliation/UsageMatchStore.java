package io.accord.settlement.reconciliation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Usage matches (their settings, state and per-outcome totals) and the partner's stored CDRs, read back. */
@Repository
class UsageMatchStore {

    private static final TypeReference<LinkedHashMap<String, InvoiceResources.OutcomeTotals>> OUTCOMES =
            new TypeReference<>() {
            };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    UsageMatchStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param basis what ours was: STATEMENT or PERIOD_WINDOW ({@link OurUsage.Basis}) */
    record Match(UUID id, UUID invoiceId, UUID partnerId, UsageMatcher.Rules rules, String basis, String state,
                 String error,
                 Map<String, InvoiceResources.OutcomeTotals> outcomes, String requestedBy, Instant requestedAt,
                 Instant completedAt) {
    }

    void insert(Match match) {
        jdbc.sql("""
                        insert into usage_match (id, invoice_id, partner_id, mode, time_tolerance_seconds,
                                quantity_tolerance, amount_tolerance, basis, state, requested_by, requested_at)
                        values (:id, :invoice, :partner, :mode, :seconds, :quantity, :amount, :basis, 'RUNNING', :by,
                                :at)""")
                .param("id", match.id()).param("invoice", match.invoiceId()).param("partner", match.partnerId())
                .param("mode", match.rules().mode().name()).param("seconds", match.rules().timeToleranceSeconds())
                .param("quantity", match.rules().quantityTolerance())
                .param("amount", match.rules().amountTolerance()).param("basis", match.basis())
                .param("by", match.requestedBy())
                .param("at", ts(match.requestedAt())).update();
    }

    /** Marks the invoice's matches still RUNNING since before {@code cutoff} FAILED: a restart interrupted them. */
    void failInterrupted(UUID invoiceId, Instant cutoff, Instant now) {
        jdbc.sql("""
                        update usage_match set state = 'FAILED', completed_at = :now,
                               error = 'Interrupted (the service restarted while it ran): start a new match'
                        where invoice_id = :id and state = 'RUNNING' and requested_at < :cutoff""")
                .param("now", ts(now)).param("id", invoiceId).param("cutoff", ts(cutoff)).update();
    }

    boolean running(UUID invoiceId) {
        return jdbc.sql("select count(*) from usage_match where invoice_id = :id and state = 'RUNNING'")
                .param("id", invoiceId).query(Integer.class).single() > 0;
    }

    void completed(UUID id, Map<UsageMatcher.Outcome, UsageMatcher.Totals> totals, Instant at) {
        Map<String, InvoiceResources.OutcomeTotals> outcomes = new LinkedHashMap<>();
        totals.forEach((outcome, sums) -> outcomes.put(outcome.name(), new InvoiceResources.OutcomeTotals(
                sums.count(), sums.ourQuantity(), sums.theirQuantity(), sums.ourAmount(), sums.theirAmount())));
        jdbc.sql("""
                        update usage_match set state = 'COMPLETED', outcomes = cast(:outcomes as jsonb),
                               completed_at = :at where id = :id""")
                .param("outcomes", json.writeValueAsString(outcomes)).param("at", ts(at)).param("id", id).update();
    }

    void failed(UUID id, String error, Instant at) {
        jdbc.sql("update usage_match set state = 'FAILED', error = :error, completed_at = :at where id = :id")
                .param("error", error).param("at", ts(at)).param("id", id).update();
    }

    Optional<Match> find(UUID id) {
        return jdbc.sql("select * from usage_match where id = :id").param("id", id).query(this::match).optional();
    }

    /** The partner's stored CDRs in file order, read with a cursor (inside a transaction). */
    Stream<UsageMatcher.Record> theirRecords(UUID invoiceId, int fetchSize) {
        return jdbc.sql("select * from partner_usage_record where invoice_id = :id order by row_no")
                .withFetchSize(fetchSize).param("id", invoiceId)
                .query((rs, row) -> new UsageMatcher.Record(rs.getString("usage_id"), rs.getString("subscriber_id"),
                        rs.getObject("usage_time", OffsetDateTime.class).toInstant(), rs.getString("usage_type"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("amount"), null, null)).stream();
    }

    void deleteUsage(UUID invoiceId) {
        jdbc.sql("delete from partner_usage_record where invoice_id = :id").param("id", invoiceId).update();
    }

    private Match match(ResultSet rs, int row) throws SQLException {
        String outcomes = rs.getString("outcomes");
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new Match(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
                rs.getObject("partner_id", UUID.class), new UsageMatcher.Rules(
                UsageMatcher.Mode.valueOf(rs.getString("mode")), rs.getInt("time_tolerance_seconds"),
                rs.getBigDecimal("quantity_tolerance"), rs.getBigDecimal("amount_tolerance")),
                rs.getString("basis"), rs.getString("state"), rs.getString("error"), outcomes == null ? null
                : json.readValue(outcomes, OUTCOMES), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                completed == null ? null : completed.toInstant());
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
