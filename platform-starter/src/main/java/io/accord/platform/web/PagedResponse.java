package io.accord.platform.web;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.function.Function;

/** A page as TMF APIs answer it: the items as a JSON array, totals in {@code X-Total-Count}/{@code X-Result-Count}. */
public final class PagedResponse {

    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String RESULT_COUNT = "X-Result-Count";

    private PagedResponse() {
    }

    public static <E, R> ResponseEntity<List<R>> of(Page<E> page, Function<E, R> mapper) {
        List<R> items = page.getContent().stream().map(mapper).toList();
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, String.valueOf(page.getTotalElements()))
                .header(RESULT_COUNT, String.valueOf(items.size()))
                .body(items);
    }
}
