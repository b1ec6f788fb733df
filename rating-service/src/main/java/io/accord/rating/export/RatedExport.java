package io.accord.rating.export;

import io.accord.contracts.usage.UsageRated;
import io.accord.platform.csv.CsvCells;
import io.accord.platform.persistence.KeysetPages;
import io.accord.rating.visibility.PartnerView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a partner's rated records (first ratings, reversals and replacements) of a usage time range, in sequence
 * order, as NDJSON or CSV: the rows are read in pages (500 rows unless configured) by sequence number, each page in its own
 * short read-only transaction, and written between them ({@link KeysetPages}), so memory stays constant whatever the
 * period holds and no database connection waits for the client to read. The export is of the rated table as it was
 * when it started (up to its largest sequence number then). The contract settlement's record-level reconciliation
 * reads (docs/rating-usage-api.md, "Export").
 */
class RatedExport {

    /** The fields, in their order: the NDJSON keys and the CSV header. */
    static final List<String> FIELDS = List.of("ratedId", "source", "usageId", "subscriberId", "usageTime",
            "usageType", "quantity", "unit", "currency", "charge", "partnerAmount", "direction", "offeringId",
            "productInstanceId", "reversalOf", "measuredQuantity", "measuredUnit", "taxCategory", "sequence",
            "priceVersionId", "priceVersion", "agreementId", "agreementVersion", "sharePercent");
    /** The fields whose texts come from the usage's sender, the catalog or the partner's agreement: guarded in CSV. */
    static final Set<String> TEXTS = Set.of("source", "usageId", "subscriberId", "taxCategory", "priceVersionId",
            "agreementId");
    private static final TypeReference<List<UsageRated.PartyAmount>> PARTIES = new TypeReference<>() { };
    private static final TypeReference<List<UsageRated.AgreementVersionRef>> AGREEMENTS = new TypeReference<>() { };

    enum Format { NDJSON, CSV }

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final JsonMapper json;
    private final int pageSize;

    RatedExport(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json, int pageSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.json = json;
        this.pageSize = pageSize;
    }

    /**
     * The partner id staff give for the records with no partner among their parties (the CSP's own subscribers on its
     * own offerings): exported with no partner amount, direction, agreement or share.
     */
    static final String NO_PARTNER = "none";

    /**
     * Writes the export to {@code out}, outside any transaction (the pages take their own): the rows up to sequence
     * number {@code toSequence} ({@code Long.MAX_VALUE}: all there are now), as {@code view} sees them: a partner sees
     * a record's {@code charge} only when it owes it or owns the (sell-through) offering, otherwise it is empty.
     */
    void write(String partnerId, PartnerView view, Instant from, Instant to, long toSequence, Format format,
               OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == Format.CSV) {
            writer.write(String.join(",", FIELDS));
            writer.write('\n');
        }
        // sequence numbers are taken under a lock held until commit: every row up to the largest one is committed
        long last = Math.min(toSequence,
                jdbc.queryForObject("select coalesce(max(seq), 0) from usage_rated", Long.class));
        long[] bounds = sequenceBounds(from, to, last);
        if (bounds == null) {
            writer.flush();
            return;
        }
        KeysetPages.of(transactions, pageSize).read(bounds[0] - 1,
                        (after, limit) -> page(partnerId, view, from, to, after, bounds[1], limit), Row::seq)
                .forEach(rows -> {
                    for (Row row : rows) {
                        writer.write(format == Format.CSV ? csv(row.fields()) : json.writeValueAsString(row.fields()));
                        writer.write('\n');
                    }
                    writer.flush();
                });
        writer.flush();
    }

    /**
     * The first and last sequence numbers (up to {@code last}) of the rows of any partner in the usage time range, none
     * when it has none, so that the pages read only that part of the table: rows are appended roughly in usage time
     * order, and the BRIN index on usage time finds the block ranges that can hold the range's rows. {@code seq + 0}
     * keeps PostgreSQL from answering {@code min(seq)} by walking the primary key from the first row until one is in
     * the range (the whole table before a recent day). A wide range reads the table once, as the pages did before.
     */
    private long[] sequenceBounds(Instant from, Instant to, long last) {
        return jdbc.queryForObject("""
                select min(seq + 0), max(seq + 0) from usage_rated
                where usage_time >= ? and usage_time < ? and seq <= ?""",
                (rs, n) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)},
                Timestamp.from(from), Timestamp.from(to), last);
    }

    /**
     * The page after sequence number {@code after}: it follows the primary key from there, the partner and the time
     * range as filters, so that the pages together read the range's part of the table once. Without bitmap scans:
     * the plan PostgreSQL keeps for the prepared statement (whose bounds it does not know) read the usage-time index
     * for the whole range and sorted it, for every page (165 ms instead of 5 ms a page of 500 in 127,000 rows).
     */
    private List<Row> page(String partnerId, PartnerView view, Instant from, Instant to, long after, long last,
                           int limit) {
        jdbc.execute("set local enable_bitmapscan = off");
        boolean none = NO_PARTNER.equals(partnerId);
        List<Object> args = new java.util.ArrayList<>(6);
        if (!none) {
            args.add(partnerId);
        }
        args.addAll(List.of(Timestamp.from(from), Timestamp.from(to), after, last, limit));
        return jdbc.query("""
                select r.seq, r.rated_id, r.source, r.usage_id, r.subscriber_id, r.usage_time,
                       r.usage_offset_secs, r.usage_type, r.billed_quantity, r.billed_unit,
                       r.currency, r.charge, r.parties, r.offering_id, r.product_instance_id,
                       r.reversal_of, r.quantity, r.unit, r.tax_category, r.allocation, r.price_version_id,
                       r.price_version, r.agreements
                from usage_rated r
                where %s and r.usage_time >= ? and r.usage_time < ?
                  and r.seq > ? and r.seq <= ?
                order by r.seq
                limit ?""".formatted(none ? "cardinality(r.partner_ids) = 0" : "? = any(r.partner_ids)"),
                (rs, n) -> new Row(rs.getLong("seq"), row(rs, partnerId, view)), args.toArray());
    }

    private record Row(long seq, Map<String, String> fields) {
    }

    private Map<String, String> row(ResultSet rs, String partnerId, PartnerView view) throws SQLException {
        BigDecimal payable = null;
        BigDecimal owed = null;
        Set<String> shares = new LinkedHashSet<>();
        List<UsageRated.PartyAmount> parties = json.readValue(rs.getString("parties"), PARTIES);
        for (UsageRated.PartyAmount party : parties) {
            if (partnerId.equals(party.partnerId())) {
                if (party.sharePercent() != null) {
                    shares.add(party.sharePercent());
                }
                BigDecimal value = new BigDecimal(party.amount());
                if (party.direction() == UsageRated.Direction.PAYABLE_TO_PARTNER) {
                    payable = payable == null ? value : payable.add(value);
                } else {
                    owed = owed == null ? value : owed.add(value);
                }
            }
        }
        // a partner that bought its own (or a co-created) offering for its own customer has its share and the whole
        // charge owed in one record: the row nets them, in the direction of the larger (a reversal's are negative)
        BigDecimal amount = BigDecimal.ZERO;
        String direction = "";
        if (owed != null && (payable == null || owed.abs().compareTo(payable.abs()) >= 0)) {
            amount = payable == null ? owed : owed.subtract(payable);
            direction = UsageRated.Direction.OWED_BY_PARTNER.name();
        } else if (payable != null) {
            amount = owed == null ? payable : payable.subtract(owed);
            direction = UsageRated.Direction.PAYABLE_TO_PARTNER.name();
        }
        Object reversalOf = rs.getObject("reversal_of");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ratedId", rs.getString("rated_id"));
        row.put("source", rs.getString("source"));
        row.put("usageId", rs.getString("usage_id"));
        row.put("subscriberId", rs.getString("subscriber_id"));
        // as in UsageRated (ISO_OFFSET_DATE_TIME): OffsetDateTime's toString drops zero seconds (10:00Z)
        row.put("usageTime", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(rs.getTimestamp(
                "usage_time").toInstant().atOffset(ZoneOffset.ofTotalSeconds(rs.getInt("usage_offset_secs")))));
        row.put("usageType", rs.getString("usage_type"));
        row.put("quantity", decimal(rs.getBigDecimal("billed_quantity")));
        row.put("unit", rs.getString("billed_unit"));
        row.put("currency", rs.getString("currency"));
        // empty for a partner that does not see the whole charge (a co-creation participant: its share only)
        row.put("charge", view.seesCharge(rs.getString("source"), rs.getString("allocation"), parties) ? decimal(rs.getBigDecimal("charge"))
                : "");
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
        // what the figure was rated with, as the usage's fate shows it (GET /api/rating/usage/{source}/{usageId}):
        // the rated table's sequence (UsageRated.sequence, what toSequence compares), the price version, and this
        // partner's agreement version and share (a reversal: those of the record it reverses)
        row.put("sequence", Long.toString(rs.getLong("seq")));
        row.put("priceVersionId", rs.getString("price_version_id"));
        row.put("priceVersion", Integer.toString(rs.getInt("price_version")));
        List<UsageRated.AgreementVersionRef> agreements = json.readValue(rs.getString("agreements"), AGREEMENTS)
                .stream().filter(agreement -> partnerId.equals(agreement.partnerId())).distinct().toList();
        row.put("agreementId", String.join(";", agreements.stream().map(UsageRated.AgreementVersionRef::agreementId)
                .toList()));
        row.put("agreementVersion", String.join(";", agreements.stream().map(a -> String.valueOf(a.version()))
                .toList()));
        row.put("sharePercent", String.join(";", shares));
        return row;
    }

    /** Plain, 6 decimals (money is kept at 6; a quantity with more decimals is rounded HALF_EVEN here only). */
    static String decimal(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. The texts that come from
     * outside ({@link #TEXTS}: another party may have sent the usage) are guarded against spreadsheet formulas
     * ({@link CsvCells}; a reader takes the guard off with {@link CsvCells#unguard}); numbers (a reversal's are
     * negative) and our own ids, times and codes are written as they are.
     */
    static String csv(Map<String, String> row) {
        StringBuilder line = new StringBuilder(256);
        for (String field : FIELDS) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            String value = row.get(field);
            line.append(TEXTS.contains(field) ? CsvCells.text(value) : CsvCells.quoted(value));
        }
        return line.toString();
    }
}
