package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.util.List;

/**
 * TMF-style paging ({@code offset}, {@code limit}) as a Spring Data {@link Pageable}: any offset, not only
 * multiples of the page size.
 */
public record OffsetLimit(long offset, int limit, Sort sort) implements Pageable {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 500;

    /** Validates the caller's values: a negative offset or a limit outside 1..500 answers 400. */
    public static OffsetLimit of(Integer offset, Integer limit, Sort sort) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (from < 0) {
            throw new InvalidInputException("offset", "offset must be 0 or more");
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new OffsetLimit(from, size, sort);
    }

    /** The page of a list held in memory, with the list's size as the total. */
    public static <T> Page<T> slice(List<T> all, Pageable page) {
        int from = (int) Math.min(page.getOffset(), all.size());
        int to = Math.min(from + page.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), page, all.size());
    }

    @Override
    public int getPageNumber() {
        return (int) (offset / limit);
    }

    @Override
    public int getPageSize() {
        return limit;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new OffsetLimit(offset + limit, limit, sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return new OffsetLimit(Math.max(0, offset - limit), limit, sort);
    }

    @Override
    public Pageable first() {
        return new OffsetLimit(0, limit, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new OffsetLimit((long) pageNumber * limit, limit, sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
