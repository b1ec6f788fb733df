package io.accord.settlement.statement;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.value.Money;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Statements and their lines in PostgreSQL; one per partner and period not counting discarded ones (a partial unique
 * index): a discarded statement stays, and the period's next draft is a new row.
 */
@Repository
class StatementStore {

    private final JdbcClient jdbc;

    StatementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the draft with its lines; {@code false} (nothing written) when the partner's period has one. */
    boolean insert(Statement statement, Instant now) {
        StatementLines.Lines totals = statement.totals();
        int inserted = jdbc.sql("""
                        insert into statement (id, partner_id, period_id, state, currency, net_amount, tax_amount,
                                               total_amount, rounding_difference, tax_note, prepared_by, created_at,
                                               balance_amount, document_type, replaces_statement_id,
                                               agreement_ids, agreement_versions)
                        values (:id, :partner, :period, :state, :currency, :net, :tax, :total, :rounding, :note,
                                :preparedBy, :now, :balance, :documentType, :replaces, :agreementIds,
                                :agreementVersions)
                        on conflict (partner_id, period_id) where state <> 'DISCARDED' do nothing""")
                .param("id", statement.id()).param("partner", statement.partnerId())
                .param("period", statement.periodId()).param("state", statement.state().name())
                .param("currency", totals.total().currency()).param("net", totals.net().amount())
                .param("tax", totals.tax().amount()).param("total", totals.total().amount())
                .param("rounding", totals.roundingDifference().amount()).param("note", totals.taxNote())
                .param("preparedBy", statement.preparedBy()).param("now", Timestamp.from(now))
                .param("balance", statement.balance().amount())
                .param("documentType", statement.documentType())
                .param("replaces", statement.replacesStatementId(), java.sql.Types.OTHER)
                .param("agreementIds", statement.agreements() == null ? null : new SqlArrayValue("varchar",
                        statement.agreements().stream().map(Statements.AgreementVersion::agreementId).toArray()))
                .param("agreementVersions", statement.agreements() == null ? null : new SqlArrayValue("integer",
                        statement.agreements().stream().map(Statements.AgreementVersion::version).toArray()))
                .update();
        if (inserted == 0) {
            return false;
        }
        int number = 0;
        for (StatementLine line : statement.lines()) {
            jdbc.sql("""
                            insert into statement_line (statement_id, line_no, type, label, offering_id, usage_type,
                                                        quantity, unrounded, rounded, fx_rate, source_amount,
                                                        source_currency, direction, reference, billed_unit,
                                                        record_count, unit_price, share_rate, fx_rate_id)
                            values (:id, :no, :type, :label, :offering, :usageType, :quantity, :unrounded, :rounded,
                                    :rate, :source, :sourceCurrency, :direction, :reference, :unit, :records,
                                    :unitPrice, :shareRate, :rateId)""")
                    .param("id", statement.id()).param("no", ++number).param("type", line.type())
                    .param("label", line.label()).param("offering", line.offeringId())
                    .param("usageType", line.usageType()).param("quantity", line.quantity())
                    .param("unrounded", line.unrounded().amount()).param("rounded", line.rounded().amount())
                    .param("rate", line.fxRate())
                    .param("source", line.sourceAmount() == null ? null : line.sourceAmount().amount())
                    .param("sourceCurrency", line.sourceAmount() == null ? null : line.sourceAmount().currency())
                    .param("direction", line.direction()).param("reference", line.reference())
                    .param("unit", line.usage() == null ? null : line.usage().unit(), java.sql.Types.VARCHAR)
                    .param("records", line.usage() == null ? null : line.usage().recordCount(), java.sql.Types.BIGINT)
                    .param("unitPrice", line.usage() == null ? null : line.usage().unitPrice(),
                            java.sql.Types.NUMERIC)
                    .param("shareRate", line.usage() == null ? null : line.usage().shareRate(),
                            java.sql.Types.NUMERIC)
                    .param("rateId", line.fxRateId(), java.sql.Types.OTHER)
                    .update();
        }
        return true;
    }

    /**
     * Writes the statement's state, payments and notes, and its {@link Statement#balance() balance} beside them: what
     * KPIs sum, kept from the one rule rather than recomputed in SQL.
     */
    void update(Statement statement, String issuingEntityId) {
        jdbc.sql("""
                        update statement set state = :state, approved_by = :approvedBy, approved_at = :approvedAt,
                               document_number = :number, issuing_entity_id = coalesce(:entity, issuing_entity_id),
                               issued_at = :issuedAt, paid_amount = :paid, notes_amount = :notes,
                               balance_amount = :balance, discarded_by = :discardedBy,
                               discarded_at = :discardedAt, discard_reason = :discardReason
                        where id = :id""")
                .param("discardedBy", statement.discardedBy())
                .param("discardedAt", timestamp(statement.discardedAt()))
                .param("discardReason", statement.discardReason())
                .param("state", statement.state().name()).param("approvedBy", statement.approvedBy())
                .param("approvedAt", timestamp(statement.approvedAt())).param("number", statement.documentNumber())
                .param("entity", issuingEntityId).param("issuedAt", timestamp(statement.issuedAt()))
                .param("paid", statement.paid().amount()).param("notes", statement.notes().amount())
                .param("balance", statement.balance().amount()).param("id", statement.id()).update();
    }

    /** The statement, its row locked until the transaction ends. */
    Optional<Statement> lock(UUID id) {
        return jdbc.sql("select * from statement where id = :id for update").param("id", id)
                .query((rs, row) -> restore(rs)).optional();
    }

    Optional<Statement> find(UUID id) {
        return jdbc.sql("select * from statement where id = :id").param("id", id)
                .query((rs, row) -> restore(rs)).optional();
    }

    /** The partner's statement of the period, not counting discarded ones. */
    Optional<Statement> ofPeriod(UUID partnerId, UUID periodId) {
        return jdbc.sql("""
                        select * from statement
                        where partner_id = :partner and period_id = :period and state <> 'DISCARDED'""")
                .param("partner", partnerId).param("period", periodId)
                .query((rs, row) -> restore(rs)).optional();
    }

    /** When each of the partner's statements was drafted, by period (discarded ones are not its statements). */
    Map<UUID, Instant> draftedAt(UUID partnerId) {
        Map<UUID, Instant> drafted = new HashMap<>();
        jdbc.sql("select period_id, created_at from statement where partner_id = :partner and state <> 'DISCARDED'")
                .param("partner", partnerId)
                .query((rs, row) -> drafted.put(rs.getObject("period_id", UUID.class),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
        return drafted;
    }

    /** The partner's statement of the period discarded last, which the period's next draft replaces. */
    Optional<UUID> discardedLast(UUID partnerId, UUID periodId) {
        return jdbc.sql("""
                        select id from statement
                        where partner_id = :partner and period_id = :period and state = 'DISCARDED'
                        order by discarded_at desc, created_at desc, id limit 1""")
                .param("partner", partnerId).param("period", periodId).query(UUID.class).optional();
    }

    /**
     * The figures of the statement a statement replaces and of the one that replaces it (either may be absent), for
     * {@link StatementReplacements}.
     */
    List<StatementReplacements.Figures> replacementFigures(UUID statementId, UUID replacesStatementId) {
        return jdbc.sql("""
                        select id, replaces_statement_id, currency, net_amount, tax_amount, total_amount
                        from statement where id = :replaces or replaces_statement_id = :id
                        order by created_at, id""")
                .param("replaces", replacesStatementId, java.sql.Types.OTHER).param("id", statementId)
                .query((rs, row) -> new StatementReplacements.Figures(rs.getObject("id", UUID.class),
                        rs.getObject("replaces_statement_id", UUID.class), rs.getString("currency"),
                        rs.getBigDecimal("net_amount"), rs.getBigDecimal("tax_amount"),
                        rs.getBigDecimal("total_amount"))).list();
    }

    /** The partner's statements, not discarded, of these periods. */
    List<Statement> ofPeriods(UUID partnerId, List<UUID> periodIds) {
        if (periodIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from statement
                        where partner_id = :partner and period_id in (:periods) and state <> 'DISCARDED'""")
                .param("partner", partnerId).param("periods", periodIds)
                .query((rs, row) -> restore(rs)).list();
    }

    /**
     * The periods whose statements were all discarded, none drafted since, of these partners (empty: of all), each
     * with its partner.
     */
    List<Statements.DiscardedPeriod> discardedPeriods(List<UUID> partnerIds) {
        return jdbc.sql("""
                        select distinct d.partner_id, d.period_id from statement d
                        where d.state = 'DISCARDED'
                          and (cardinality(:partners) = 0 or d.partner_id = any(:partners))
                          and not exists (select 1 from statement s where s.partner_id = d.partner_id
                                          and s.period_id = d.period_id and s.state <> 'DISCARDED')
                        order by d.partner_id, d.period_id""")
                .param("partners", new SqlArrayValue("uuid", partnerIds.toArray()))
                .query((rs, row) -> new Statements.DiscardedPeriod(rs.getObject("partner_id", UUID.class),
                        rs.getObject("period_id", UUID.class))).list();
    }

    /**
     * A page of statements matching the filter (each {@code null} field matches all, but a {@code null} state leaves
     * out discarded ones), newest first; {@code issuedOnly}: only ISSUED and PAID ones.
     */
    Page<Statement> list(Statements.Filter filter, boolean issuedOnly, Pageable page) {
        return PagedQuery.from(jdbc, LISTED).param("issuedOnly", issuedOnly).bind(spec -> filtered(spec, filter))
                .orderBy("created_at desc, id").page(page, (rs, row) -> restore(rs));
    }

    /**
     * A page of the statements {@link #list} pages (same filter, same order) as {@link StatementsCsv} writes them:
     * their figures without their lines.
     */
    Page<StatementsCsv.Row> rows(Statements.Filter filter, boolean issuedOnly, Pageable page) {
        return PagedQuery.from(jdbc, LISTED).select(ROW_COLUMNS).param("issuedOnly", issuedOnly)
                .bind(spec -> filtered(spec, filter)).orderBy("created_at desc, id").page(page, StatementStore::row);
    }

    /** These statements as {@link StatementsCsv} writes them (those that exist, in no order). */
    List<StatementsCsv.Row> rows(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + ROW_COLUMNS + " from statement where id = any(:ids)")
                .param("ids", new SqlArrayValue("uuid", ids.toArray())).query(StatementStore::row).list();
    }

    private static final String ROW_COLUMNS = "id, document_number, partner_id, period_id, state, currency, "
            + "net_amount, tax_amount, total_amount, paid_amount, balance_amount, issued_at";

    private static StatementsCsv.Row row(ResultSet rs, int row) throws SQLException {
        return new StatementsCsv.Row(rs.getObject("id", UUID.class), rs.getString("document_number"),
                rs.getObject("partner_id", UUID.class), rs.getObject("period_id", UUID.class), rs.getString("state"),
                rs.getString("currency"), rs.getBigDecimal("net_amount"), rs.getBigDecimal("tax_amount"),
                rs.getBigDecimal("total_amount"), rs.getBigDecimal("paid_amount"),
                rs.getBigDecimal("balance_amount"), instant(rs.getTimestamp("issued_at")));
    }

    /** What {@link #list} and {@link #rows(Statements.Filter, boolean, Pageable)} select from. */
    private static final String LISTED = """
                statement
                 where (cast(:partner as uuid) is null or partner_id = :partner)
                   and (not :issuedOnly or state in ('ISSUED', 'PAID'))
                   and (cast(:period as uuid) is null or period_id = :period)
                   and (cast(:state as text) is null and state <> 'DISCARDED' or state = :state)
                   and (cast(:direction as text) is null or (total_amount >= 0) = (:direction = 'PAYABLE'))
                   and (cast(:number as text) is null or document_number = :number)
                   and (cast(:from as timestamptz) is null or issued_at >= :from)
                   and (cast(:to as timestamptz) is null or issued_at < :to)
                """;

    /** The issuing entity of an issued statement. */
    Optional<String> issuingEntity(UUID id) {
        return jdbc.sql("select issuing_entity_id from statement where id = :id and issuing_entity_id is not null")
                .param("id", id).query(String.class).optional();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, Statements.Filter filter) {
        return sql.param("partner", filter.partnerId()).param("period", filter.periodId())
                .param("state", filter.state()).param("direction", filter.direction())
                .param("number", filter.documentNumber()).param("from", timestamp(filter.issuedFrom()))
                .param("to", timestamp(filter.issuedTo()));
    }

    private Statement restore(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String currency = rs.getString("currency");
        StatementLines.Lines lines = new StatementLines.Lines(lines(id, currency),
                Money.of(rs.getBigDecimal("net_amount"), currency), Money.of(rs.getBigDecimal("tax_amount"), currency),
                Money.of(rs.getBigDecimal("total_amount"), currency),
                Money.of(rs.getBigDecimal("rounding_difference"), currency), rs.getString("tax_note"));
        return Statement.restore(id, rs.getObject("partner_id", UUID.class), rs.getObject("period_id", UUID.class),
                lines, rs.getString("prepared_by"), rs.getString("document_type"),
                Statement.State.valueOf(rs.getString("state")),
                rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")),
                rs.getString("document_number"), instant(rs.getTimestamp("issued_at")),
                Money.of(rs.getBigDecimal("paid_amount"), currency),
                Money.of(rs.getBigDecimal("notes_amount"), currency), discard(rs),
                rs.getObject("replaces_statement_id", UUID.class), agreements(rs));
    }

    /** The agreement versions kept with the statement (V90), {@code null} when none are. */
    private static List<Statements.AgreementVersion> agreements(ResultSet rs) throws SQLException {
        java.sql.Array ids = rs.getArray("agreement_ids");
        java.sql.Array versions = rs.getArray("agreement_versions");
        if (ids == null || versions == null) {
            return null;
        }
        Object[] id = (Object[]) ids.getArray();
        Object[] version = (Object[]) versions.getArray();
        List<Statements.AgreementVersion> agreements = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(id.length, version.length); i++) {
            agreements.add(new Statements.AgreementVersion((String) id[i], ((Number) version[i]).intValue()));
        }
        return List.copyOf(agreements);
    }

    private static Statement.Discard discard(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("discarded_at");
        return at == null ? null : new Statement.Discard(rs.getString("discarded_by"), at.toInstant(),
                rs.getString("discard_reason"));
    }

    private List<StatementLine> lines(UUID id, String currency) {
        return jdbc.sql("select * from statement_line where statement_id = :id order by line_no").param("id", id)
                .query((rs, row) -> {
                    BigDecimal source = rs.getBigDecimal("source_amount");
                    return new StatementLine(rs.getString("type"), rs.getString("label"),
                            rs.getString("offering_id"), rs.getString("usage_type"), rs.getBigDecimal("quantity"),
                            Money.of(rs.getBigDecimal("unrounded"), currency),
                            Money.of(rs.getBigDecimal("rounded"), currency), rs.getBigDecimal("fx_rate"),
                            source == null ? null : Money.of(source, rs.getString("source_currency")),
                            rs.getString("direction"), rs.getString("reference"), usage(rs),
                            rs.getObject("fx_rate_id", UUID.class));
                }).list();
    }

    /** A usage line's figures as kept (since V78; older lines: unit and count where derived, no price). */
    private static StatementLine.Usage usage(ResultSet rs) throws SQLException {
        if (!LineKind.valueOf(rs.getString("type")).ratedUsage()) {
            return null;
        }
        long records = rs.getLong("record_count");
        return new StatementLine.Usage(rs.getString("billed_unit"), rs.wasNull() ? null : records,
                rs.getBigDecimal("unit_price"), rs.getBigDecimal("share_rate"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
