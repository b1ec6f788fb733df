package io.accord.rating.publish;

import io.accord.contracts.usage.UsageRated;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reads rated rows as the {@link UsageRated} events they are published as. */
final class RatedEvents {

    private static final TypeReference<List<UsageRated.PartyAmount>> PARTIES = new TypeReference<>() { };
    private static final TypeReference<List<UsageRated.AgreementVersionRef>> AGREEMENTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RatedEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The rated rows after {@code afterSeq}, in sequence order. */
    List<UsageRated> after(long afterSeq, int limit) {
        return jdbc.sql("""
                        select seq, rated_id, kind, rated_at, source, usage_id, subscriber_id, usage_time,
                               usage_offset_secs, usage_type, billed_quantity, billed_unit, currency, charge, parties,
                               margin, allocation, product_instance_id, offering_id, offering_version,
                               price_version_id, price_version, agreements, reversal_of, customer_reference,
                               tax_category
                        from usage_rated where seq > :after order by seq limit :limit""")
                .param("after", afterSeq).param("limit", limit)
                .query((rs, row) -> event(rs)).list();
    }

    private UsageRated event(ResultSet rs) throws SQLException {
        OffsetDateTime usageTime = rs.getTimestamp("usage_time").toInstant()
                .atOffset(ZoneOffset.ofTotalSeconds(rs.getInt("usage_offset_secs")));
        return new UsageRated(rs.getObject("rated_id", UUID.class), rs.getLong("seq"), rs.getString("kind"),
                rs.getTimestamp("rated_at").toInstant(), rs.getString("source"), rs.getString("usage_id"),
                rs.getString("subscriber_id"), usageTime, rs.getString("usage_type"),
                rs.getBigDecimal("billed_quantity").toPlainString(), rs.getString("billed_unit"),
                rs.getString("currency"), rs.getBigDecimal("charge").toPlainString(),
                json.readValue(rs.getString("parties"), PARTIES), rs.getBigDecimal("margin").toPlainString(),
                rs.getString("allocation"), rs.getString("product_instance_id"), rs.getString("offering_id"),
                rs.getInt("offering_version"), rs.getString("price_version_id"), rs.getInt("price_version"),
                json.readValue(rs.getString("agreements"), AGREEMENTS), rs.getObject("reversal_of", UUID.class),
                rs.getString("customer_reference"), rs.getString("tax_category"));
    }
}
