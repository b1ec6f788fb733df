package io.accord.platform.persistence;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large result handed to a slow reader (a client downloading an export) without holding a database connection
 * while the reader reads: the rows are read a page at a time by keyset (the rows after the last one of the page
 * before, in the order of a unique key), each page in its own short read-only transaction, and each page is handed
 * on after its transaction has ended.
 *
 * <p>Why: an export that streamed its rows from one cursor held its connection and transaction open for as long as
 * the client took to read. Under {@code ./accord up}, eight exports of a partner's rated records read by clients
 * limited to 2 KB/s took all eight connections of rating's pool ("idle in transaction"): every other request to
 * rating, and its health, answered 503 after 10 s, and its pipeline stopped, until the clients went away.
 *
 * <pre>{@code
 * KeysetPages.of(transactions, 500)
 *         .read(0L, (after, limit) -> jdbc.sql("select ... where seq > :after order by seq limit :limit")
 *                 .param("after", after).param("limit", limit).query(this::row).list(), Row::seq)
 *         .forEach(rows -> write(rows, out));
 * }</pre>
 *
 * A page query must order by the key it filters on ({@code > :after}), which must be unique, and return at most
 * {@code limit} rows: then pages neither repeat nor skip rows. Rows committed while the pages are read appear if
 * they sort after the current page; a query that must not see them bounds the key (e.g. by the largest key read
 * before the first page).
 */
public final class KeysetPages {

    private final TransactionTemplate readOnly;
    private final int pageSize;

    private KeysetPages(PlatformTransactionManager transactions, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
        }
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transactions, "transactions"));
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pageSize = pageSize;
    }

    /** Pages of at most {@code pageSize} rows, each read in a new read-only transaction. */
    public static KeysetPages of(PlatformTransactionManager transactions, int pageSize) {
        return new KeysetPages(transactions, pageSize);
    }

    /** Reads the page of at most {@code limit} rows after {@code after}; runs inside the page's transaction. */
    @FunctionalInterface
    public interface Page<K, R> {
        List<R> read(K after, int limit);
    }

    /** Takes a page's rows; runs outside any transaction and may take as long as it needs (or throw). */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(List<R> rows) throws IOException;
    }

    /**
     * @param first the key before the first row ({@code 0} for positive sequence numbers, say)
     * @param keyOf a row's key, which the next page reads after
     */
    public <K, R> Reader<K, R> read(K first, Page<K, R> page, Function<R, K> keyOf) {
        return new Reader<>(first, page, keyOf);
    }

    public final class Reader<K, R> {

        private final K first;
        private final Page<K, R> page;
        private final Function<R, K> keyOf;

        private Reader(K first, Page<K, R> page, Function<R, K> keyOf) {
            this.first = first;
            this.page = Objects.requireNonNull(page, "page");
            this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        }

        /**
         * Hands every page with rows to {@code sink}, in key order, until a page has fewer rows than the page size.
         *
         * @return how many rows were handed on
         * @throws IllegalStateException when called inside a transaction: its connection would stay held while the
         *                               sink runs, which is what this class is for avoiding
         */
        public long forEach(Sink<R> sink) throws IOException {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("KeysetPages would hold the caller's transaction (and its connection)"
                        + " while the pages are handed on: call it outside a transaction");
            }
            K after = first;
            long rows = 0;
            while (true) {
                K from = after;
                List<R> rowsOfPage = readOnly.execute(status -> page.read(from, pageSize));
                if (rowsOfPage == null || rowsOfPage.isEmpty()) {
                    return rows;
                }
                if (rowsOfPage.size() > pageSize) {
                    throw new IllegalStateException("a page query returned " + rowsOfPage.size()
                            + " rows, more than its limit of " + pageSize);
                }
                sink.accept(rowsOfPage);
                rows += rowsOfPage.size();
                if (rowsOfPage.size() < pageSize) {
                    return rows;
                }
                after = keyOf.apply(rowsOfPage.getLast());
            }
        }
    }
}
