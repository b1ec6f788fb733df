package io.accord.rating.model;

import io.accord.platform.persistence.PagedQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import javax.sql.DataSource;
import java.util.function.Consumer;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.accord.rating.model.ModelStore.instant;

/** Reads the read models' rows: all of them for a snapshot (one consistent read), or one key's for ops. */
@Repository
class ModelRows {

    static final int PRODUCT_FETCH_SIZE = 500;

    /**
     * What a snapshot reads of a product row: the fields of its JSON that {@link SnapshotMapping#product} uses, taken
     * out by PostgreSQL: the identifiers' values as an array, the participants as their JSON array when there are
     * any. The whole JSON (about 900 bytes, most of it the locked charges) parsed for each of 438,000 products made
     * the first snapshot take 28.6 s of a start-up on a grown platform; {@link #snapshotProduct} gives the same
     * instances ({@code SnapshotRebuildTests}).
     */
    static final String SNAPSHOT_PRODUCT_COLUMNS = """
            details->>'productId', details->>'offeringId', (details->>'offeringVersion')::int,
            details->>'ownerPartnerId', details->>'categoryCode', details->>'buyerPartnerId', details->>'status',
            case when jsonb_typeof(details->'identifiers') = 'array' then array(
                select identifier->>'value' from jsonb_array_elements(details->'identifiers')
                    with ordinality as listed(identifier, position) order by position) end,
            nullif((details->'participants')::text, '[]'), subscriber_id,
            (extract(epoch from valid_from) * 1000000)::bigint, (extract(epoch from valid_to) * 1000000)::bigint,
            sequence""";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final JsonMapper json;
    private final TransactionTemplate consistentRead;
    private final ObjectReader participants;

    ModelRows(JdbcClient jdbc, DataSource dataSource, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(PRODUCT_FETCH_SIZE);
        this.json = json;
        this.participants = json.readerFor(new TypeReference<List<OfferingLaunched.Participant>>() { });
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setReadOnly(true);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** A usage price version as received; {@code price.validTo()} is the earliest end an event gave. */
    record PriceRow(String offeringId, OfferingPrice price) {
    }

    /**
     * An agreement version; {@code activated} is {@code null} while only its end is known.
     */
    record AgreementRow(String agreementId, String partnerId, Integer version, AgreementActivated activated,
                        Instant endedAt, String endReason, boolean neverInForce) {
    }

    /** A product instance as its newest event described it, with its validity and identifiers. */
    record ProductRow(ProductDetails product, String subscriberId, Instant validFrom, Instant validTo,
                      Long sequence) {
    }

    /**
     * The changes counted so far: all of them ({@code revision}) and those of prices, offerings and agreements
     * ({@code structureRevision}, which every instance of a snapshot depends on).
     */
    record Revisions(long revision, long structureRevision) {
    }

    /**
     * Every price and agreement row, and the revisions they reflect, read in one repeatable-read transaction with the
     * product rows, which went to a consumer one by one ({@link #everything}).
     */
    record Everything(Revisions revisions, List<PriceRow> prices, List<AgreementRow> agreements) {
    }

    /**
     * The product rows changed after revision {@code after}, and the revisions they bring the snapshot to, read in
     * one repeatable-read transaction. {@code products} is {@code null} when more than {@code limit} changed.
     */
    record ProductChanges(Revisions revisions, List<ProductRow> products) {
    }

    /**
     * Reads everything in one repeatable-read transaction; each product row is handed to {@code products} as it is
     * read, through a cursor ({@value #PRODUCT_FETCH_SIZE} rows at a time), so that neither the driver nor a list
     * holds every parsed row at once: the rows of 40,000 products, about 1 KB of JSON each, took more than the
     * launcher's 192 MB heap when they were all read first.
     */
    Everything everything(Consumer<ProductRow> products) {
        return consistentRead.execute(status -> {
            Revisions revisions = revisions();
            List<PriceRow> prices = jdbc.sql("select offering_id, price, valid_to from rating_usage_price")
                    .query(this::price).list();
            List<AgreementRow> agreements = jdbc.sql("select * from rating_agreement").query(this::agreement).list();
            int[] row = {0};
            streaming.query("select " + SNAPSHOT_PRODUCT_COLUMNS + " from rating_product", (RowCallbackHandler) rs ->
                    products.accept(snapshotProduct(rs, row[0]++)));
            return new Everything(revisions, prices, agreements);
        });
    }

    ProductChanges productsChangedAfter(long after, int limit) {
        return consistentRead.execute(status -> {
            Revisions revisions = revisions();
            List<ProductRow> changed = jdbc.sql("select " + SNAPSHOT_PRODUCT_COLUMNS
                            + " from rating_product where revision > :after limit :limit")
                    .param("after", after).param("limit", limit + 1).query(this::snapshotProduct).list();
            return new ProductChanges(revisions, changed.size() > limit ? null : changed);
        });
    }

    Revisions revisions() {
        return jdbc.sql("select revision, structure_revision from rating_model_revision where id = 1")
                .query((rs, row) -> new Revisions(rs.getLong("revision"), rs.getLong("structure_revision"))).single();
    }

    List<PriceRow> pricesOf(String offeringId) {
        return jdbc.sql("select offering_id, price, valid_to from rating_usage_price where offering_id = :id "
                        + "order by price_id, version").param("id", offeringId).query(this::price).list();
    }

    List<AgreementRow> agreementsOf(String partnerId) {
        return jdbc.sql("select * from rating_agreement where partner_id = :id order by version, agreement_id")
                .param("id", partnerId).query(this::agreement).list();
    }

    org.springframework.data.domain.Page<ProductRow> productsKnownAs(String identifier,
                                                                     org.springframework.data.domain.Pageable page) {
        return PagedQuery.from(jdbc, """
                        rating_product where product_id in
                            (select product_id from rating_product_identifier where value = :value)""")
                .param("value", identifier).orderBy("valid_from nulls last, product_id").page(page, this::product);
    }

    /** When the offering was retired; {@code null} while it is not (or rating never heard of it). */
    Instant retiredAt(String offeringId) {
        List<Instant> found = jdbc.sql("select retired_at from rating_offering where offering_id = :id")
                .param("id", offeringId).query((rs, row) -> instant(rs, "retired_at")).list();
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Row counts per table, for ops. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("rating_usage_price", "rating_agreement", "rating_product", "rating_offering")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private PriceRow price(ResultSet rs, int row) throws SQLException {
        OfferingPrice p = json.readValue(rs.getString("price"), OfferingPrice.class);
        return new PriceRow(rs.getString("offering_id"), new OfferingPrice(p.priceVersionId(), p.priceId(),
                p.version(), p.name(), p.type(), p.amount(), p.currency(), p.taxCategory(), p.period(),
                p.proration(), p.unit(), p.roundingFirst(), p.roundingNext(), p.minimumQuantity(), p.tierMode(),
                p.tiers(), p.accumulation(), p.usageTypes(), p.minimumCharge(), p.validFrom(),
                instant(rs, "valid_to")));
    }

    private AgreementRow agreement(ResultSet rs, int row) throws SQLException {
        String terms = rs.getString("terms");
        return new AgreementRow(rs.getString("agreement_id"), rs.getString("partner_id"),
                rs.getObject("version", Integer.class),
                terms == null ? null : json.readValue(terms, AgreementActivated.class), instant(rs, "ended_at"),
                rs.getString("end_reason"), rs.getBoolean("never_in_force"));
    }

    private ProductRow product(ResultSet rs, int row) throws SQLException {
        return new ProductRow(json.readValue(rs.getString("details"), ProductDetails.class),
                rs.getString("subscriber_id"), instant(rs, "valid_from"), instant(rs, "valid_to"),
                rs.getObject("sequence", Long.class));
    }

    /**
     * A row of {@link #SNAPSHOT_PRODUCT_COLUMNS}: the details hold what a snapshot reads, the rest is empty, and the
     * identifiers are their values only (a snapshot does not look at their types).
     */
    private ProductRow snapshotProduct(ResultSet rs, int row) throws SQLException {
        // by position, in the order of SNAPSHOT_PRODUCT_COLUMNS: looking each column up by name was a tenth of the
        // build's time; so was parsing the two timestamps, which come as microseconds since the epoch
        Array values = rs.getArray(8);
        List<ProductDetails.SubscriberIdentifier> identifiers = null;
        if (values != null) {
            identifiers = new ArrayList<>();
            for (Object value : (Object[]) values.getArray()) {
                identifiers.add(new ProductDetails.SubscriberIdentifier(null, (String) value));
            }
        }
        String shares = rs.getString(9);
        ProductDetails details = new ProductDetails(rs.getString(1), null, rs.getString(2), rs.getInt(3), null,
                rs.getString(4), rs.getString(5), null, rs.getString(6), null, null, identifiers, null,
                shares == null ? null : participants.readValue(shares), null, null, rs.getString(7), null, null);
        return new ProductRow(details, rs.getString(10), micros(rs, 11), micros(rs, 12), rs.getObject(13, Long.class));
    }

    private static Instant micros(ResultSet rs, int column) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    static <T> List<T> page(List<T> all, long offset, int limit) {
        List<T> page = new ArrayList<>();
        for (long i = offset; i < all.size() && page.size() < limit; i++) {
            page.add(all.get((int) i));
        }
        return page;
    }
}
