package io.accord.platform.persistence;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One page of a filtered table or query, the way every list endpoint answers: the number of matching rows (for
 * {@code X-Total-Count}), then the rows of the page in a stable order with {@code offset … limit …}. When the offset
 * is at or past the count the page is empty and its rows are not read. Both statements are built from the same
 * {@code from} clause and bound with the same parameters, so the count and the page always agree on the filter.
 *
 * <pre>{@code
 * PagedQuery.from(jdbc, "product_order where buyer_partner_id = :buyer")
 *         .param("buyer", buyer)
 *         .orderBy("created_at, id")
 *         .page(pageable, this::order);
 * }</pre>
 *
 * The order must end with a unique column (an id) so that pages neither repeat nor skip rows.
 */
public final class PagedQuery {

    private final JdbcClient jdbc;
    private final String from;
    private final Map<String, Object> parameters = new HashMap<>();
    private String columns = "*";
    private String orderBy;
    private UnaryOperator<JdbcClient.StatementSpec> binder = UnaryOperator.identity();

    private PagedQuery(JdbcClient jdbc, String from) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.from = Objects.requireNonNull(from, "from").strip();
    }

    /**
     * @param from what follows {@code from}: a table or a parenthesised query with its alias, and the {@code where}
     *             clause if any
     */
    public static PagedQuery from(JdbcClient jdbc, String from) {
        return new PagedQuery(jdbc, from);
    }

    /** The columns of the page's rows ({@code *} unless given). */
    public PagedQuery select(String columns) {
        this.columns = Objects.requireNonNull(columns, "columns");
        return this;
    }

    /** A named parameter of the {@code from} clause; {@code null} is bound as SQL null. */
    public PagedQuery param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public PagedQuery params(Map<String, ?> values) {
        parameters.putAll(values);
        return this;
    }

    /** For filters that bind themselves (typed parameters, lists): applied to both statements. */
    public PagedQuery bind(UnaryOperator<JdbcClient.StatementSpec> binder) {
        this.binder = Objects.requireNonNull(binder, "binder");
        return this;
    }

    /** What follows {@code order by}; required before rows are read. */
    public PagedQuery orderBy(String orderBy) {
        this.orderBy = Objects.requireNonNull(orderBy, "orderBy");
        return this;
    }

    /** The number of rows the {@code from} clause matches. */
    public long count() {
        Long total = statement("select count(*) from " + from).query(Long.class).single();
        return total == null ? 0 : total;
    }

    /** The rows from {@code offset} (0 = the first), at most {@code limit} of them. */
    public <T> List<T> list(long offset, int limit, RowMapper<T> rows) {
        if (orderBy == null) {
            throw new IllegalStateException("A page needs an order: call orderBy first");
        }
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return statement("select " + columns + " from " + from + " order by " + orderBy
                + " offset :pagedQueryOffset limit :pagedQueryLimit")
                .param("pagedQueryOffset", offset).param("pagedQueryLimit", limit)
                .query(rows).list();
    }

    /** The count, then the page's rows unless the page starts at or past the count. */
    public <T> Page<T> page(Pageable page, RowMapper<T> rows) {
        long total = count();
        List<T> content = total <= page.getOffset() ? List.of() : list(page.getOffset(), page.getPageSize(), rows);
        return new PageImpl<>(content, page, total);
    }

    /** Like {@link #page(Pageable, RowMapper)} for callers that page by offset and limit. */
    public <T> Slice<T> slice(long offset, int limit, RowMapper<T> rows) {
        long total = count();
        return new Slice<>(total <= offset ? List.of() : list(offset, limit, rows), total);
    }

    /** Rows of one page and the total count of matching rows. */
    public record Slice<T>(List<T> items, long total) {
    }

    private JdbcClient.StatementSpec statement(String sql) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            spec = spec.param(parameter.getKey(), parameter.getValue());
        }
        return binder.apply(spec);
    }
}
