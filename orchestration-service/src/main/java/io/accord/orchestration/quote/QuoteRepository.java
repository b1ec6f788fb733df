package io.accord.orchestration.quote;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.scheduling.JobItems;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Quotes in PostgreSQL, in plain SQL; a save checks the version it read (optimistic locking: a lost race is 409). */
@Repository
class QuoteRepository {

    private static final TypeReference<List<QuotePricing.Line>> LINES = new TypeReference<>() { };
    private static final TypeReference<List<QuotePricing.Total>> TOTALS = new TypeReference<>() { };
    private static final String DUE_FOR_EXPIRY = """
            select q.id from quote q where q.state in ('IN_PROGRESS', 'APPROVED') and q.valid_until <= :now and %s
            order by q.valid_until limit :limit""".formatted(JobItems.notPutOff(QuoteExpiryJob.LOCK, "q.id"));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    QuoteRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Quote quote) {
        jdbc.sql("""
                        insert into quote (id, state, buyer_partner_id, sales_channel, customer_id, customer_name,
                                           description, external_id, discount_percent, discount_needs_approval, items,
                                           totals, priced_at, valid_until, state_changed_at, created_by, created_at,
                                           updated_at, version, priced_by, edited_by)
                        values (:id, :state, :buyer, :channel, :customer, :customerName, :description, :externalId,
                                :discount, :needsApproval, cast(:items as jsonb), cast(:totals as jsonb), :pricedAt,
                                :validUntil, :stateChangedAt, :createdBy, :createdAt, :updatedAt, 0, :pricedBy,
                                cast(:editedBy as varchar(200)[]))
                        """)
                .param("id", quote.id).param("state", quote.state.name()).param("buyer", quote.buyerPartnerId)
                .param("channel", quote.salesChannel).param("customer", quote.customerId)
                .param("customerName", quote.customerName).param("description", quote.description)
                .param("externalId", quote.externalId).param("discount", quote.discountPercent)
                .param("needsApproval", quote.discountNeedsApproval)
                .param("items", json.writeValueAsString(quote.lines))
                .param("totals", json.writeValueAsString(quote.totals))
                .param("pricedAt", ts(quote.pricedAt)).param("validUntil", ts(quote.validUntil))
                .param("stateChangedAt", ts(quote.stateChangedAt)).param("createdBy", quote.createdBy)
                .param("createdAt", ts(quote.createdAt)).param("updatedAt", ts(quote.updatedAt))
                .param("pricedBy", quote.pricedBy).param("editedBy", editors(quote)).update();
    }

    /** Writes the changes, or 409 when someone else changed the quote since it was read. */
    void update(Quote quote, Object lockedPrices) {
        int updated = jdbc.sql("""
                        update quote set state = :state, description = :description, external_id = :externalId,
                               discount_percent = :discount, discount_needs_approval = :needsApproval,
                               items = cast(:items as jsonb), totals = cast(:totals as jsonb), priced_at = :pricedAt,
                               valid_until = :validUntil, approval = :approval, decided_by = :decidedBy,
                               priced_by = :pricedBy, edited_by = cast(:editedBy as varchar(200)[]),
                               approved_by = :approvedBy,
                               state_reason = :reason, state_changed_at = :stateChangedAt,
                               locked_prices = coalesce(cast(:locked as jsonb), locked_prices),
                               updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", quote.id).param("version", quote.version).param("state", quote.state.name())
                .param("description", quote.description).param("externalId", quote.externalId)
                .param("discount", quote.discountPercent).param("needsApproval", quote.discountNeedsApproval)
                .param("items", json.writeValueAsString(quote.lines))
                .param("totals", json.writeValueAsString(quote.totals))
                .param("pricedAt", ts(quote.pricedAt)).param("validUntil", ts(quote.validUntil))
                .param("approval", quote.approval == null ? null : quote.approval.name())
                .param("decidedBy", quote.decidedBy).param("reason", quote.stateReason)
                .param("pricedBy", quote.pricedBy).param("editedBy", editors(quote))
                .param("approvedBy", quote.approvedBy)
                .param("stateChangedAt", ts(quote.stateChangedAt))
                .param("locked", lockedPrices == null ? null : json.writeValueAsString(lockedPrices))
                .param("updatedAt", ts(quote.updatedAt)).update();
        if (updated == 0) {
            throw new ConflictException("Quote " + quote.id + " was changed concurrently; read it again");
        }
        quote.version++;
    }

    Optional<Quote> find(UUID id) {
        return jdbc.sql("select * from quote where id = :id").param("id", id).query(this::quote).optional();
    }

    /** The quote, locked until the transaction ends (a PATCH checks its If-Match on what it then changes). */
    Optional<Quote> lock(UUID id) {
        return jdbc.sql("select * from quote where id = :id for update").param("id", id).query(this::quote)
                .optional();
    }

    /**
     * A page of quotes, oldest first: of {@code buyer} ({@code null}: any), in {@code states} (empty: any), and with
     * any of {@code parties} (empty: any) as its customer, sales channel or buyer partner.
     */
    Page<Quote> page(UUID buyer, List<String> states, List<String> parties, Pageable page) {
        StringBuilder where = new StringBuilder("quote where (cast(:buyer as uuid) is null"
                + " or buyer_partner_id = :buyer)");
        if (!states.isEmpty()) {
            where.append(" and state in (:states)");
        }
        List<UUID> partyPartners = parties.stream().flatMap(id -> PartnerId.ifWritten(id).stream())
                .map(PartnerId::value).distinct().toList();
        if (!parties.isEmpty()) {
            where.append(" and (customer_id in (:parties) or sales_channel in (:parties)")
                    .append(partyPartners.isEmpty() ? ")" : " or buyer_partner_id in (:partyPartners))");
        }
        PagedQuery quotes = PagedQuery.from(jdbc, where.toString()).param("buyer", buyer);
        if (!states.isEmpty()) {
            quotes.param("states", states);
        }
        if (!parties.isEmpty()) {
            quotes.param("parties", parties);
        }
        if (!partyPartners.isEmpty()) {
            quotes.param("partyPartners", partyPartners);
        }
        return quotes.orderBy("created_at, id").page(page, this::quote);
    }

    /**
     * Open quotes whose validity ended by {@code now}, oldest first, for the expiry job, which locks each in its own
     * transaction ({@link #lockDueForExpiry}); quotes put off after a failure are left out, so that they cannot take
     * every place of a round.
     */
    List<UUID> dueForExpiry(Instant now, int limit) {
        return jdbc.sql(DUE_FOR_EXPIRY).param("now", ts(now)).param("limit", limit).query(UUID.class).list();
    }

    /** The quote, locked, if it is still open and past its validity; empty too when another transaction holds it. */
    Optional<Quote> lockDueForExpiry(UUID id, Instant now) {
        return jdbc.sql("""
                        select * from quote where id = :id and state in ('IN_PROGRESS', 'APPROVED')
                        and valid_until <= :now for update skip locked
                        """)
                .param("id", id).param("now", ts(now)).query(this::quote).optional();
    }

    private Quote quote(ResultSet rs, int row) throws SQLException {
        Quote quote = new Quote(rs.getObject("id", UUID.class), rs.getObject("buyer_partner_id", UUID.class),
                rs.getString("sales_channel"), rs.getString("customer_id"), rs.getString("customer_name"),
                instant(rs, "created_at"), rs.getString("created_by"));
        quote.description = rs.getString("description");
        quote.externalId = rs.getString("external_id");
        quote.state = QuoteState.valueOf(rs.getString("state"));
        quote.discountPercent = rs.getBigDecimal("discount_percent");
        quote.discountNeedsApproval = rs.getBoolean("discount_needs_approval");
        quote.lines = json.readValue(rs.getString("items"), LINES);
        quote.totals = json.readValue(rs.getString("totals"), TOTALS);
        quote.pricedAt = instant(rs, "priced_at");
        quote.validUntil = instant(rs, "valid_until");
        String approval = rs.getString("approval");
        quote.approval = approval == null ? null : Quote.Approval.valueOf(approval);
        quote.decidedBy = rs.getString("decided_by");
        quote.pricedBy = rs.getString("priced_by");
        quote.editedBy = List.of((String[]) rs.getArray("edited_by").getArray());
        quote.approvedBy = rs.getString("approved_by");
        quote.stateReason = rs.getString("state_reason");
        quote.stateChangedAt = instant(rs, "state_changed_at");
        quote.updatedAt = instant(rs, "updated_at");
        quote.version = rs.getLong("version");
        return quote;
    }

    private static String[] editors(Quote quote) {
        return quote.editedBy.toArray(String[]::new);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
