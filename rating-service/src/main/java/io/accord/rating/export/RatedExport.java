package io.accord.rating.export;

import io.accord.contracts.usage.UsageRated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a partner's rated records (first ratings, reversals and replacements) of a usage time range, in sequence
 * order, as NDJSON or CSV: the rows are read with a database cursor (fetch size) and written as they come, so memory
 * stays constant whatever the period holds. The contract settlement's record-level reconciliation reads
 * (docs/rating-usage-api.md, "Export").
 */
class RatedExport {

    /** The fields, in their order: the NDJSON keys and the CSV header. */
    static final List<String> FIELDS = List.of("ratedId", "source", "usageId", "subscriberId", "usageTime",
            "usageType", "quantity", "unit", "currency", "charge", "partnerAmount", "direction", "offeringId",
            "productInstanceId", "reversalOf", "measuredQuantity", "measuredUnit", "taxCategory");
    static final int FETCH_SIZE = 500;
    private static final TypeReference<List<UsageRated.PartyAmount>> PARTIES = new TypeReference<>() { };

    enum Format { NDJSON, CSV }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    RatedExport(DataSource dataSource, TransactionTemplate readOnly, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = readOnly;
        this.json = json;
    }

    /** Writes the export to {@code out}; a cursor needs a transaction (PostgreSQL fetches by size only inside one). */
    void write(String partnerId, Instant from, Instant to, Format format, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        readOnly.executeWithoutResult(status -> {
            try {
                if (format == Format.CSV) {
                    writer.write(String.join(",", FIELDS));
                    writer.write('\n');
                }
                jdbc.query("""
                                select r.rated_id, r.source, r.usage_id, r.subscriber_id, r.usage_time,
                                       r.usage_offset_secs, r.usage_type, r.billed_quantity, r.billed_unit,
                                       r.currency, r.charge, r.parties, r.offering_id, r.product_instance_id,
                                       r.reversal_of, r.quantity, r.unit, r.tax_category
                                from usage_rated r
                                where ? = any(r.partner_ids) and r.usage_time >= ? and r.usage_time < ?
                                order by r.seq""",
                        rs -> {
                            Map<String, String> row = row(rs, partnerId);
                            try {
                                writer.write(format == Format.CSV ? csv(row) : json.writeValueAsString(row));
                                writer.write('\n');
                            } catch (IOException failure) {
                                throw new UncheckedIOException(failure);
                            }
                        }, partnerId, Timestamp.from(from), Timestamp.from(to));
                writer.flush();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
    }

    private Map<String, String> row(ResultSet rs, String partnerId) throws SQLException {
        BigDecimal amount = BigDecimal.ZERO;
        String direction = "";
        for (UsageRated.PartyAmount party : json.readValue(rs.getString("parties"), PARTIES)) {
            if (partnerId.equals(party.partnerId())) {
                amount = amount.add(new BigDecimal(party.amount()));
                direction = party.direction().name();
            }
        }
        Object reversalOf = rs.getObject("reversal_of");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ratedId", rs.getString("rated_id"));
        row.put("source", rs.getString("source"));
        row.put("usageId", rs.getString("usage_id"));
        row.put("subscriberId", rs.getString("subscriber_id"));
        row.put("usageTime", rs.getTimestamp("usage_time").toInstant()
                .atOffset(ZoneOffset.ofTotalSeconds(rs.getInt("usage_offset_secs"))).toString());
        row.put("usageType", rs.getString("usage_type"));
        row.put("quantity", decimal(rs.getBigDecimal("billed_quantity")));
        row.put("unit", rs.getString("billed_unit"));
        row.put("currency", rs.getString("currency"));
        row.put("charge", decimal(rs.getBigDecimal("charge")));
        row.put("partnerAmount", decimal(amount));
        row.put("direction", direction);
        row.put("offeringId", rs.getString("offering_id"));
        row.put("productInstanceId", rs.getString("product_instance_id"));
        row.put("reversalOf", reversalOf == null ? "" : reversalOf.toString());
        // the quantity as the record came in (its source's unit), for partners who compare their own CDRs
        row.put("measuredQuantity", decimal(rs.getBigDecimal("quantity")));
        row.put("measuredUnit", rs.getString("unit"));
        // the rated price version's tax category (a reversal: its original's); empty when not known
        String taxCategory = rs.getString("tax_category");
        row.put("taxCategory", taxCategory == null ? "" : taxCategory);
        return row;
    }

    /** Plain, 6 decimals (money is kept at 6; a quantity with more decimals is rounded HALF_EVEN here only). */
    static String decimal(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String csv(Map<String, String> row) {
        StringBuilder line = new StringBuilder(256);
        for (String field : FIELDS) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            String value = row.get(field);
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.toString();
    }
}
